package dk.medborger.lms.reporting.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * A course certificate as a one-page PDF (OpenPDF): who, which course, when, how many hours, the
 * organisation, the verification code and a QR code (ZXing) that opens the verification page. The
 * QR code is drawn as vector squares, so no image library or display is needed.
 *
 * <pre>
 * byte[] pdf = CertificatePdf.render(texts, "https://…/verify/CODE");
 * </pre>
 */
public final class CertificatePdf {

  private static final Color INK = new Color(0x1b, 0x26, 0x33);
  private static final Color BLUE = new Color(0x0b, 0x4f, 0x8a);

  private CertificatePdf() {}

  /**
   * What the certificate says, already in the learner's words and language.
   *
   * @param heading e.g. "Kursusbevis"
   * @param lines the lines under the name: course, date, hours, organisation
   * @param codeLine the code and where to check it
   */
  public record Texts(
      String title,
      String heading,
      String certifies,
      String name,
      String[] lines,
      String codeLine) {}

  public static byte[] render(Texts texts, String verifyUrl) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 64, 64, 90, 64);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(texts.title());
      document.addSubject(texts.heading());
      document.open();
      Font heading = font(BaseFont.HELVETICA_BOLD, 30, BLUE);
      Font normal = font(BaseFont.HELVETICA, 13, INK);
      Font name = font(BaseFont.HELVETICA_BOLD, 24, INK);
      document.add(centred(texts.heading(), heading, 36));
      document.add(centred(texts.certifies(), normal, 18));
      document.add(centred(texts.name(), name, 24));
      for (String line : texts.lines()) {
        document.add(centred(line, normal, 10));
      }
      PdfContentByte canvas = writer.getDirectContent();
      float middle = PageSize.A4.getWidth() / 2;
      qr(canvas, verifyUrl, middle - 75, 150, 150);
      line(canvas, texts.codeLine(), middle, 130, 10);
      line(canvas, verifyUrl, middle, 115, 9);
    } catch (DocumentException e) {
      throw new IllegalStateException("the certificate could not be written", e);
    } finally {
      document.close();
    }
    return out.toByteArray();
  }

  /** One centred line at a fixed place at the foot of the page (the certificate is one page). */
  private static void line(PdfContentByte canvas, String text, float x, float y, float size) {
    try {
      canvas.beginText();
      canvas.setFontAndSize(
          BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED), size);
      canvas.setColorFill(INK);
      canvas.showTextAligned(Element.ALIGN_CENTER, text, x, y, 0);
      canvas.endText();
    } catch (java.io.IOException | DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Font font(String name, float size, Color color) {
    try {
      return new Font(
          BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED),
          size,
          Font.NORMAL,
          color);
    } catch (java.io.IOException | DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Paragraph centred(String text, Font font, float before) {
    Paragraph p = new Paragraph(text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingBefore(before);
    return p;
  }

  /**
   * The QR code of {@code text} as filled squares, {@code size} points wide, lower left at x, y.
   */
  private static void qr(PdfContentByte canvas, String text, float x, float y, float size) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
    } catch (WriterException e) {
      throw new IllegalStateException(e);
    }
    float module = size / matrix.getWidth();
    canvas.saveState();
    canvas.setColorFill(Color.BLACK);
    for (int row = 0; row < matrix.getHeight(); row++) {
      for (int column = 0; column < matrix.getWidth(); column++) {
        if (matrix.get(column, row)) {
          canvas.rectangle(x + column * module, y + size - (row + 1) * module, module, module);
        }
      }
    }
    canvas.fill();
    canvas.restoreState();
  }
}
