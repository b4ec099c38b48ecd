package dk.medborger.lms.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files the demo hands in and attaches, made on the spot: a one-page PDF of a few lines. */
final class DemoFiles {

  private DemoFiles() {}

  /** A one-page PDF: a heading and its lines (Latin-1 text: æ, ø and å print). */
  static byte[] pdf(String heading, String author, List<String> lines) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 14);
        content.setLeading(18);
        content.newLineAtOffset(56, 720);
        content.showText(heading);
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        for (String line : lines) {
          content.newLine();
          content.showText(line);
        }
        content.endText();
      }
      doc.getDocumentInformation().setTitle(heading);
      doc.getDocumentInformation().setAuthor(author);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
