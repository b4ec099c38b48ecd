package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;

/**
 * Copies of stored PDF, DOCX, ODT, JPEG and PNG files without their author's identity, for graders
 * while blind grading hides the learner (ADR 16): the copy names the pseudonym wherever the file
 * named a person — the PDF's Info dictionary (author, title) and its annotations' authors, with the
 * XMP metadata, creator tool, subject and keywords dropped; a DOCX's core and extended properties
 * ({@code dc:creator}, {@code cp:lastModifiedBy}, company, manager, custom properties) and the
 * authors of its comments and tracked changes; an ODT's {@code meta.xml} creators and the creators
 * of its annotations and tracked changes; a JPEG's EXIF, XMP, IPTC and comments, a PNG's text and
 * EXIF chunks. The copy is written to a temporary file in the files folder's {@code incoming/}; the
 * stored original and its SHA-256 are never touched. The text the learner wrote is left as it is.
 *
 * <pre>
 * Optional&lt;Path&gt; copy = copies.anonymous(stored, "application/pdf", "Deltager 7");
 * // send copy.get(), then delete it; empty: the type carries no author (send the original)
 * </pre>
 */
@ApplicationScoped
public class AnonymousCopies {

  private static final Logger LOG = Logger.getLogger(AnonymousCopies.class.getName());

  static final String PDF = "application/pdf";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  /** The most a document may unpack to while it is copied (a ZIP bomb stops here). */
  static final long MAX_UNPACKED = 512L * 1024 * 1024;

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String CP =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  private static final String EP =
      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  private static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
  private static final String LOEXT =
      "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";

  /** What each document's XML says about people, and what the copy says instead. */
  private record Rules(
      Set<QName> named, Set<QName> emptied, Set<String> namedAttributes, Set<String> initials) {}

  private static final Rules DOCX_RULES =
      new Rules(
          Set.of(new QName(DC, "creator"), new QName(CP, "lastModifiedBy")),
          Set.of(
              new QName(DC, "title"),
              new QName(DC, "subject"),
              new QName(DC, "description"),
              new QName(CP, "keywords"),
              new QName(EP, "Company"),
              new QName(EP, "Manager")),
          // w:author of comments and tracked changes, w15:author and w15:userId of people.xml
          Set.of("author", "userId"),
          Set.of("initials"));

  private static final Rules ODT_RULES =
      new Rules(
          Set.of(
              new QName(DC, "creator"),
              new QName(META, "initial-creator"),
              new QName(META, "printed-by")),
          Set.of(
              new QName(DC, "title"),
              new QName(DC, "subject"),
              new QName(DC, "description"),
              new QName(META, "keyword"),
              new QName(META, "user-defined"),
              new QName(META, "creator-initials"),
              new QName(LOEXT, "sender-initials")),
          Set.of(),
          Set.of());

  @Inject FileStore files;

  /** Whether files of this type are sent only as anonymous copies while the learner is hidden. */
  public static boolean carriesAuthor(String mediaType) {
    return PDF.equals(mediaType)
        || DOCX.equals(mediaType)
        || ODT.equals(mediaType)
        || JPEG.equals(mediaType)
        || PNG.equals(mediaType);
  }

  /**
   * A temporary copy of {@code original} naming {@code pseudonym} instead of its author; empty for
   * a type that carries no author ({@link #carriesAuthor}). Refused with {@link
   * Reason#NOT_ANONYMISED} when the file cannot be read as its type: it is then not sent at all.
   */
  public Optional<Path> anonymous(Path original, String mediaType, String pseudonym) {
    if (!carriesAuthor(mediaType)) {
      return Optional.empty();
    }
    Path copy = files.temporary();
    try (OutputStream out = Files.newOutputStream(copy)) {
      write(original, mediaType, pseudonym, out);
      return Optional.of(copy);
    } catch (IOException | XMLStreamException | RuntimeException e) {
      files.discard(copy);
      LOG.log(Level.WARNING, "A " + mediaType + " file could not be made anonymous", e);
      throw new AssignmentRefused(Reason.NOT_ANONYMISED);
    }
  }

  /** Writes the anonymous copy of {@code original} to {@code out}. */
  static void write(Path original, String mediaType, String pseudonym, OutputStream out)
      throws IOException, XMLStreamException {
    switch (mediaType) {
      case PDF -> pdf(original, pseudonym, out);
      case DOCX -> zip(original, pseudonym, out, DOCX_RULES, AnonymousCopies::docxPart);
      case ODT -> zip(original, pseudonym, out, ODT_RULES, name -> name.endsWith(".xml"));
      case JPEG -> jpeg(original, out);
      case PNG -> png(original, out);
      default -> throw new IllegalArgumentException(mediaType);
    }
  }

  /**
   * A JPEG without the segments that may name a person or place: EXIF and XMP (APP1: camera owner,
   * artist, GPS position, Windows' XPAuthor), Photoshop/IPTC (APP13: by-line), comments (COM) and
   * the other application segments. JFIF (APP0), the colour profile (APP2) and Adobe's colour
   * transform (APP14) stay, and the picture itself is copied as it is from its first scan on. The
   * EXIF orientation goes with EXIF: a phone photo may then show turned.
   */
  private static void jpeg(Path original, OutputStream out) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(original)))) {
      if (in.readUnsignedShort() != 0xFFD8) {
        throw new IOException("not a JPEG");
      }
      out.write(0xFF);
      out.write(0xD8);
      while (true) {
        int b = in.readUnsignedByte();
        if (b != 0xFF) {
          throw new IOException("JPEG marker expected");
        }
        int marker = in.readUnsignedByte();
        while (marker == 0xFF) { // fill bytes
          marker = in.readUnsignedByte();
        }
        if (marker == 0xD9) { // end of image before any scan
          out.write(0xFF);
          out.write(marker);
          return;
        }
        int length = in.readUnsignedShort();
        if (length < 2) {
          throw new IOException("JPEG segment too short");
        }
        byte[] body = in.readNBytes(length - 2);
        if (body.length != length - 2) {
          throw new IOException("JPEG cut short");
        }
        boolean application = marker >= 0xE0 && marker <= 0xEF;
        boolean kept =
            marker == 0xE0 || marker == 0xE2 || marker == 0xEE || !(application || marker == 0xFE);
        if (kept) {
          out.write(0xFF);
          out.write(marker);
          out.write(length >> 8);
          out.write(length & 0xFF);
          out.write(body);
        }
        if (marker == 0xDA) { // start of scan: the coded picture follows to the end
          in.transferTo(out);
          return;
        }
      }
    }
  }

  /**
   * A PNG without its text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}: author, comment,
   * software's user name) and its EXIF chunk ({@code eXIf}); every other chunk is copied as it is.
   */
  private static void png(Path original, OutputStream out) throws IOException {
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(original)))) {
      if (!java.util.Arrays.equals(in.readNBytes(8), signature)) {
        throw new IOException("not a PNG");
      }
      out.write(signature);
      while (true) {
        int length = in.readInt();
        byte[] type = in.readNBytes(4);
        if (length < 0 || type.length != 4) {
          throw new IOException("PNG chunk broken");
        }
        String name = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
        boolean dropped = Set.of("tEXt", "zTXt", "iTXt", "eXIf").contains(name);
        byte[] rest = in.readNBytes(length + 4); // data and CRC
        if (rest.length != length + 4) {
          throw new IOException("PNG cut short");
        }
        if (!dropped) {
          new DataOutputStream(out).writeInt(length);
          out.write(type);
          out.write(rest);
        }
        if (name.equals("IEND")) {
          return;
        }
      }
    }
  }

  private static boolean docxPart(String name) {
    return name.endsWith(".xml")
        && (name.startsWith("word/") || name.startsWith("docProps/"))
        && !name.startsWith("word/media/");
  }

  // -- PDF ---------------------------------------------------------------------------------------

  private static void pdf(Path original, String pseudonym, OutputStream out) throws IOException {
    try (PDDocument doc =
        Loader.loadPDF(
            original.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
      if (doc.isEncrypted()) {
        doc.setAllSecurityToBeRemoved(true);
      }
      PDDocumentInformation old = doc.getDocumentInformation();
      PDDocumentInformation info = new PDDocumentInformation();
      info.setAuthor(pseudonym);
      info.setTitle(pseudonym);
      info.setProducer(old.getProducer());
      Calendar created = old.getCreationDate();
      info.setCreationDate(created);
      info.setModificationDate(old.getModificationDate());
      doc.setDocumentInformation(info);
      doc.getDocumentCatalog().setMetadata(null);
      for (PDPage page : doc.getPages()) {
        page.setMetadata(null);
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationMarkup markup) {
            if (markup.getTitlePopup() != null) {
              markup.setTitlePopup(pseudonym);
            }
          }
        }
      }
      // A full save: earlier revisions kept as incremental updates, and their Info, go too.
      doc.save(out);
    }
  }

  // -- DOCX and ODT: a ZIP of XML parts ----------------------------------------------------------

  @FunctionalInterface
  private interface PartFilter {
    boolean rewrite(String entryName);
  }

  private static void zip(
      Path original, String pseudonym, OutputStream out, Rules rules, PartFilter rewritten)
      throws IOException, XMLStreamException {
    long[] unpacked = {0};
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
        ZipOutputStream zip = new ZipOutputStream(new UnclosedOut(out))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        InputStream body = new Counted(in, unpacked);
        ZipEntry copy = new ZipEntry(entry.getName());
        if (entry.getLastModifiedTime() != null) {
          copy.setLastModifiedTime(entry.getLastModifiedTime());
        }
        if (entry.getName().equals("mimetype")) {
          // ODF: first and stored, uncompressed, as it came.
          byte[] bytes = body.readNBytes(256);
          CRC32 crc = new CRC32();
          crc.update(bytes);
          copy.setMethod(ZipEntry.STORED);
          copy.setSize(bytes.length);
          copy.setCompressedSize(bytes.length);
          copy.setCrc(crc.getValue());
          zip.putNextEntry(copy);
          zip.write(bytes);
        } else {
          zip.putNextEntry(copy);
          if (entry.getName().equals("docProps/custom.xml")) {
            emptyRoot(body, zip);
          } else if (!entry.isDirectory() && rewritten.rewrite(entry.getName())) {
            rewrite(body, zip, rules, pseudonym);
          } else {
            body.transferTo(zip);
          }
        }
        zip.closeEntry();
      }
    }
  }

  /** Copies an XML part with the people in it replaced by the pseudonym. */
  private static void rewrite(InputStream in, OutputStream out, Rules rules, String pseudonym)
      throws XMLStreamException {
    XMLEventReader reader = reader(in);
    XMLEventWriter writer = writer(out);
    XMLEventFactory events = XMLEventFactory.newInstance();
    String initial = pseudonym.isEmpty() ? "" : pseudonym.substring(0, 1);
    int skipping = 0;
    while (reader.hasNext()) {
      XMLEvent event = reader.nextEvent();
      if (skipping > 0) {
        if (event.isStartElement()) {
          skipping++;
        } else if (event.isEndElement() && --skipping == 0) {
          writer.add(event);
        }
        continue;
      }
      if (event.isStartElement()) {
        StartElement start = event.asStartElement();
        List<Attribute> attributes = new ArrayList<>();
        for (Iterator<Attribute> it = start.getAttributes(); it.hasNext(); ) {
          Attribute a = it.next();
          String local = a.getName().getLocalPart();
          if (rules.namedAttributes().contains(local) && !a.getValue().isEmpty()) {
            attributes.add(events.createAttribute(a.getName(), pseudonym));
          } else if (rules.initials().contains(local)) {
            attributes.add(events.createAttribute(a.getName(), initial));
          } else {
            attributes.add(a);
          }
        }
        writer.add(
            events.createStartElement(
                start.getName(), attributes.iterator(), start.getNamespaces()));
        if (rules.named().contains(start.getName())) {
          writer.add(events.createCharacters(pseudonym));
          skipping = 1;
        } else if (rules.emptied().contains(start.getName())) {
          skipping = 1;
        }
      } else {
        writer.add(event);
      }
    }
    writer.flush();
  }

  /** Copies an XML part's root element without anything in it (a DOCX's custom properties). */
  private static void emptyRoot(InputStream in, OutputStream out) throws XMLStreamException {
    XMLEventReader reader = reader(in);
    XMLEventWriter writer = writer(out);
    int depth = 0;
    while (reader.hasNext()) {
      XMLEvent event = reader.nextEvent();
      if (event.isStartElement()) {
        if (++depth == 1) {
          writer.add(event);
        }
      } else if (event.isEndElement()) {
        if (depth-- == 1) {
          writer.add(event);
        }
      } else if (depth == 0) {
        writer.add(event);
      }
    }
    writer.flush();
  }

  private static XMLEventReader reader(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    return factory.createXMLEventReader(new UnclosedIn(in));
  }

  private static XMLEventWriter writer(OutputStream out) throws XMLStreamException {
    XMLOutputFactory factory = XMLOutputFactory.newInstance();
    return factory.createXMLEventWriter(new UnclosedOut(out), "UTF-8");
  }

  /** Keeps a ZIP stream open when a StAX reader closes what it was given. */
  private static final class UnclosedIn extends FilterInputStream {
    UnclosedIn(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  /** Keeps a ZIP stream open when a StAX writer or the ZIP closes what it was given. */
  private static final class UnclosedOut extends FilterOutputStream {
    UnclosedOut(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** Counts what a document unpacks to, and stops it at {@link #MAX_UNPACKED}. */
  private static final class Counted extends FilterInputStream {
    private final long[] total;

    Counted(InputStream in, long[] total) {
      super(in);
      this.total = total;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) throws IOException {
      total[0] += n;
      if (total[0] > MAX_UNPACKED) {
        throw new IOException("the document unpacks to more than " + MAX_UNPACKED + " bytes");
      }
    }

    @Override
    public void close() {}
  }
}
