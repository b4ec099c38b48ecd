package dk.medborger.lms.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Documents the tests hand in and attach, made on the spot: one PDF of a line of text, with the
 * author in every place a PDF keeps one when the test needs to see it removed.
 *
 * <pre>
 * work.upload(learner, assignment, "noter.pdf", new ByteArrayInputStream(TestDocuments.pdf("Noter")));
 * </pre>
 */
public final class TestDocuments {

  private TestDocuments() {}

  /** A one-page PDF with {@code text}. */
  public static byte[] pdf(String text) throws IOException {
    return pdf(text, null);
  }

  /** A one-page PDF with {@code text}, and {@code author} in its metadata when not null. */
  public static byte[] pdf(String text, String author) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(50, 700);
        content.showText(text);
        content.endText();
      }
      if (author != null) {
        doc.getDocumentInformation().setAuthor(author);
        doc.getDocumentInformation().setCreator("Word – " + author);
        doc.getDocumentInformation().setTitle(author + " – refleksion");
        doc.getDocumentInformation().setKeywords(author);
        org.apache.xmpbox.XMPMetadata xmp = org.apache.xmpbox.XMPMetadata.createXMPMetadata();
        xmp.createAndAddDublinCoreSchema().addCreator(author);
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
          new org.apache.xmpbox.xml.XmpSerializer().serialize(xmp, serialized, true);
        } catch (javax.xml.transform.TransformerException e) {
          throw new IOException(e);
        }
        org.apache.pdfbox.pdmodel.common.PDMetadata metadata =
            new org.apache.pdfbox.pdmodel.common.PDMetadata(doc);
        metadata.importXMPMetadata(serialized.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);
        var note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
        note.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(50, 600, 20, 20));
        note.setTitlePopup(author);
        note.setContents("Husk kilden.");
        page.getAnnotations().add(note);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
