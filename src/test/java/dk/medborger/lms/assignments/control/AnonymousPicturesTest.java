package dk.medborger.lms.assignments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures lose what names their maker under blind grading, and stay pictures (ADR 16). */
class AnonymousPicturesTest {

  private static final String NAME = "Anna Jensen";

  @TempDir Path dir;

  @Test
  void aJpegLosesItsExifXmpAndCommentAndStillShows() throws Exception {
    byte[] plain = picture("jpg");
    byte[] exif = segment(0xE1, "Exif\0\0Artist " + NAME);
    byte[] xmp =
        segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<dc:creator>" + NAME + "</dc:creator>");
    byte[] comment = segment(0xFE, "Taget af " + NAME);
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    tagged.write(plain, 0, 2); // SOI
    tagged.write(exif);
    tagged.write(xmp);
    tagged.write(comment);
    tagged.write(plain, 2, plain.length - 2);

    byte[] copy = copy(tagged.toByteArray(), AnonymousCopies.JPEG);

    assertTrue(contains(tagged.toByteArray(), NAME), "the original names her");
    assertFalse(contains(copy, NAME));
    assertEquals(plain.length, copy.length, "only the added segments went");
    assertEquals(40, ImageIO.read(new ByteArrayInputStream(copy)).getWidth());
  }

  @Test
  void aPngLosesItsTextChunksAndStillShows() throws Exception {
    byte[] plain = picture("png");
    ByteArrayOutputStream tagged = new ByteArrayOutputStream();
    tagged.write(plain, 0, 33); // signature and IHDR
    tagged.write(chunk("tEXt", "Author\0" + NAME));
    tagged.write(chunk("iTXt", "Comment\0\0\0\0\0" + NAME));
    tagged.write(plain, 33, plain.length - 33);

    byte[] copy = copy(tagged.toByteArray(), AnonymousCopies.PNG);

    assertTrue(contains(tagged.toByteArray(), NAME));
    assertFalse(contains(copy, NAME));
    assertEquals(plain.length, copy.length);
    assertEquals(30, ImageIO.read(new ByteArrayInputStream(copy)).getHeight());
  }

  @Test
  void aPictureThatIsNotOneIsRefused() {
    assertTrue(AnonymousCopies.carriesAuthor(AnonymousCopies.JPEG));
    assertThrows(
        IOException.class, () -> copy("GIF89a".getBytes(StandardCharsets.US_ASCII), "image/jpeg"));
    assertThrows(IOException.class, () -> copy(new byte[] {(byte) 0x89, 'P', 'N'}, "image/png"));
  }

  private byte[] copy(byte[] original, String type) throws Exception {
    Path file = Files.write(dir.resolve("in"), original);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AnonymousCopies.write(file, type, "Deltager 1", out);
    return out.toByteArray();
  }

  private static byte[] picture(String format) throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    image.setRGB(5, 5, 0xFF0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private static byte[] segment(int marker, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(marker);
    out.write((body.length + 2) >> 8);
    out.write((body.length + 2) & 0xFF);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] chunk(String type, String text) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    out.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }
}
