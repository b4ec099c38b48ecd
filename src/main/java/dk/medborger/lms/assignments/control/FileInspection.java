package dk.medborger.lms.assignments.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * What an uploaded file really is and what text it holds, read with Apache Tika: the type from the
 * bytes alone (magic numbers and, for ZIP-based documents, their contents), never from the name, so
 * a renamed program is not a PDF; and the text of PDF, DOCX and ODT files for the citizen data
 * guard, at most {@link #MAX_TEXT} characters, without sending anything anywhere.
 */
@ApplicationScoped
public class FileInspection {

  private static final Logger LOG = Logger.getLogger(FileInspection.class.getName());

  /** The most text read from one file. */
  public static final int MAX_TEXT = 500_000;

  private final TikaConfig tika = TikaConfig.getDefaultConfig();
  private final Detector detector = tika.getDetector();
  private final AutoDetectParser parser = new AutoDetectParser(tika);

  /** The file's media type as its content says ({@code application/pdf}), without parameters. */
  public String detect(Path file) {
    try (TikaInputStream in = TikaInputStream.get(file)) {
      // An empty Metadata: no name, so the extension cannot decide.
      return detector.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not detect the type of an upload", e);
      return "application/octet-stream";
    }
  }

  /** The file's text, or "" for a type without text (a picture) or one that cannot be read. */
  public String text(Path file, String mediaType) {
    if (mediaType.startsWith("image/")) {
      return "";
    }
    if (mediaType.equals("text/plain")) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
            .toString();
      } catch (IOException e) {
        return "";
      }
    }
    BodyContentHandler handler = new BodyContentHandler(MAX_TEXT);
    try (TikaInputStream in = TikaInputStream.get(file)) {
      parser.parse(in, handler, new Metadata(), new ParseContext());
    } catch (Exception e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        LOG.log(Level.INFO, "No text could be read from an upload of type " + mediaType, e);
      }
    }
    return handler.toString();
  }
}
