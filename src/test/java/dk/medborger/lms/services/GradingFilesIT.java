package dk.medborger.lms.services;

import static dk.medborger.lms.testing.TestDocuments.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentPackages;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import dk.medborger.lms.assignments.boundary.AssignmentViews;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FeedbackFileRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FeedbackFiles;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.assignments.control.FileStore;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.testing.AssignmentFixtures;
import dk.medborger.lms.testing.AtOnce;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.TestDatabase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The files around grading on a real Payara Micro and MariaDB (ADR 16): the grader's feedback files
 * stored as submitted files are, with their limits and their steps in the grade history, shown to
 * the learner only once the round is released or returned, removed only before; who may fetch them;
 * the graders' copies of PDF, DOCX and ODT without the author under blind grading; and the daily
 * sweep of files no row references.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class GradingFilesIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.application(
        GradingFilesIT.class, dk.medborger.lms.testing.PageLinks.class, AssignmentFixtures.class);
  }

  @Inject AssignmentFixtures fixtures;
  @Inject Teaching teaching;
  @Inject UserAccounts accounts;
  @Inject AssignmentWork work;
  @Inject AssignmentGrading grading;
  @Inject FileStore store;

  @PersistenceUnit EntityManagerFactory emf;

  // -- feedback files ------------------------------------------------------------------------

  @Test
  void aGraderAttachesFeedbackFilesStoredAsSubmittedOnesAreAndRemovesThemBeforeRelease()
      throws Exception {
    Scene scene = handedIn(a -> {});
    long rowsBefore = count("feedback_file");
    long incomingBefore = store.incoming();

    byte[] executable = new byte[4096];
    executable[0] = 'M';
    executable[1] = 'Z';
    assertRefused(Reason.TYPE_NOT_ALLOWED, scene, "kommentarer.pdf", executable);
    assertRefused(Reason.EMPTY, scene, "tom.pdf", new byte[0]);
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertRefused(Reason.TYPE_NOT_ALLOWED, scene, "noter.txt", html);
    byte[] tooLarge = Arrays.copyOf(pdf("Stor", null), 20 * 1024 * 1024 + 1);
    assertRefused(Reason.TOO_LARGE, scene, "stor.pdf", tooLarge);
    assertEquals(rowsBefore, count("feedback_file"), "no row for a refused file");
    assertEquals(incomingBefore, store.incoming(), "no temporary file left");

    byte[] annotated = pdf("Mine kommentarer i margenen", null);
    long first =
        grading.attachFeedbackFile(
            scene.teacher, scene.submission, "../../Kommentarer – Søren.pdf", stream(annotated));
    FeedbackFiles files = grading.page(scene.teacher, scene.submission).feedbackFiles();
    assertTrue(files.open());
    FeedbackFileRow row = files.files().get(0);
    assertEquals(first, row.id());
    assertEquals("Kommentarer – Søren.pdf", row.name(), "the name made safe");
    assertEquals("application/pdf", row.mediaType(), "the type read from the bytes");
    assertEquals(1, row.version());
    assertEquals("Test Underviser", row.attachedBy());
    assertTrue(row.removable());
    AssignmentViews.Download d = grading.feedbackDownload(scene.teacher, first, "Deltager {0}");
    assertTrue(d.path().startsWith(store.root()), "in the files folder");
    assertFalse(d.path().toString().contains("Søren"), "on disk by the server's name");
    assertEquals(sha256(annotated), sha256(Files.readAllBytes(d.path())));
    assertEquals(sha256(annotated), stored("feedback_file", first, "sha256"));

    for (int i = 2; i <= 5; i++) {
      grading.attachFeedbackFile(
          scene.teacher, scene.submission, "side-" + i + ".txt", stream(("Side " + i).getBytes()));
    }
    assertRefused(Reason.TOO_MANY_FILES, scene, "sjette.pdf", pdf("6", null));
    assertEquals(5, grading.page(scene.teacher, scene.submission).feedbackFiles().files().size());
    assertEquals(incomingBefore, store.incoming());

    long last = grading.page(scene.teacher, scene.submission).feedbackFiles().files().get(4).id();
    java.nio.file.Path lastOnDisk =
        grading.feedbackDownload(scene.teacher, last, "Deltager {0}").path();
    grading.removeFeedbackFile(scene.teacher, scene.submission, last);
    assertFalse(Files.exists(lastOnDisk), "the bytes go with the row");
    assertThrows(
        NotFoundException.class,
        () -> grading.feedbackDownload(scene.teacher, last, "Deltager {0}"));
    assertEquals(
        List.of(
            "FILE_ATTACHED",
            "FILE_ATTACHED",
            "FILE_ATTACHED",
            "FILE_ATTACHED",
            "FILE_ATTACHED",
            "FILE_REMOVED"),
        history(scene),
        "each step in the grade history");
    assertEquals(
        "side-5.txt", historyFileNames(scene).get(5), "the history names the file removed");

    GradingPage page = grading.page(scene.teacher, scene.submission);
    grading.grade(scene.teacher, scene.submission, page.version(), pass(page), null, "Fint", true);
    FeedbackFiles released = grading.page(scene.teacher, scene.submission).feedbackFiles();
    assertFalse(released.open());
    assertTrue(released.files().stream().noneMatch(FeedbackFileRow::removable));
    assertRefused(Reason.FEEDBACK_CLOSED, scene, "efter.pdf", pdf("Efter", null));
    AssignmentRefused closed =
        assertThrows(
            AssignmentRefused.class,
            () -> grading.removeFeedbackFile(scene.teacher, scene.submission, first));
    assertEquals(Reason.FEEDBACK_CLOSED, closed.reason(), "what the learner saw stays");
    assertEquals(4, grading.page(scene.teacher, scene.submission).feedbackFiles().files().size());
  }

  @Test
  void theLearnerSeesARoundsFeedbackFilesOnlyOnceItIsReleasedOrReturnedNeverWhileInGrading()
      throws Exception {
    Scene scene = handedIn(a -> {});
    long first =
        grading.attachFeedbackFile(
            scene.teacher, scene.submission, "runde-1.pdf", stream(pdf("Runde 1", null)));
    assertTrue(work.feedbackFiles(scene.learner, scene.assignment).isEmpty(), "SUBMITTED");
    assertThrows(NotFoundException.class, () -> work.feedbackDownload(scene.learner, first));

    GradingPage page = grading.page(scene.teacher, scene.submission);
    grading.grade(scene.teacher, scene.submission, page.version(), pass(page), null, null, false);
    assertEquals(
        dk.medborger.lms.assignments.entity.SubmissionStatus.IN_GRADING,
        work.page(scene.learner, scene.assignment).status());
    assertTrue(work.feedbackFiles(scene.learner, scene.assignment).isEmpty(), "IN_GRADING");
    assertThrows(NotFoundException.class, () -> work.feedbackDownload(scene.learner, first));

    page = grading.page(scene.teacher, scene.submission);
    grading.requestRevision(scene.teacher, scene.submission, page.version(), "Uddyb.");
    assertEquals(
        List.of(first),
        work.feedbackFiles(scene.learner, scene.assignment).stream().map(f -> f.id()).toList(),
        "returned for revision: shown");
    assertEquals("runde-1.pdf", work.feedbackDownload(scene.learner, first).name());

    work.saveDraft(scene.learner, scene.assignment, "Andet udkast.");
    work.submit(scene.learner, scene.assignment, true, null);
    long second =
        grading.attachFeedbackFile(
            scene.teacher, scene.submission, "runde-2.pdf", stream(pdf("Runde 2", null)));
    FeedbackFiles graders = grading.page(scene.teacher, scene.submission).feedbackFiles();
    assertEquals(List.of(1, 2), graders.files().stream().map(f -> f.version()).toList());
    assertFalse(graders.files().get(0).removable(), "the first round's was seen");
    assertTrue(graders.files().get(1).removable());
    assertEquals(
        List.of(first),
        work.feedbackFiles(scene.learner, scene.assignment).stream().map(f -> f.id()).toList(),
        "the new round's file waits for its release");
    assertThrows(NotFoundException.class, () -> work.feedbackDownload(scene.learner, second));

    page = grading.page(scene.teacher, scene.submission);
    grading.grade(scene.teacher, scene.submission, page.version(), pass(page), null, null, true);
    assertEquals(
        List.of(first, second),
        work.feedbackFiles(scene.learner, scene.assignment).stream().map(f -> f.id()).toList());
    assertEquals("runde-2.pdf", work.feedbackDownload(scene.learner, second).name());
  }

  @Test
  void onlyTheOwnerAndTheCoursesInstructorsGetAFeedbackFile() throws Exception {
    Scene scene = handedIn(a -> {});
    long file =
        grading.attachFeedbackFile(
            scene.teacher, scene.submission, "kommentarer.pdf", stream(pdf("K", null)));
    GradingPage page = grading.page(scene.teacher, scene.submission);
    grading.grade(scene.teacher, scene.submission, page.version(), pass(page), null, null, true);
    long other = fixtures.learner("Anden Deltager");
    long stranger = fixtures.newUser("Anden Underviser", Role.INSTRUCTOR);

    assertEquals("kommentarer.pdf", work.feedbackDownload(scene.learner, file).name());
    assertThrows(NotFoundException.class, () -> work.feedbackDownload(other, file));
    assertTrue(work.feedbackFiles(other, scene.assignment).isEmpty());
    assertThrows(
        ForbiddenException.class, () -> grading.feedbackDownload(stranger, file, "Deltager {0}"));
    assertThrows(
        ForbiddenException.class, () -> grading.page(stranger, scene.submission).feedbackFiles());
    assertThrows(
        ForbiddenException.class,
        () ->
            grading.attachFeedbackFile(
                stranger, scene.submission, "x.pdf", stream(pdf("X", null))));
    assertThrows(
        ForbiddenException.class,
        () -> grading.removeFeedbackFile(stranger, scene.submission, file));
    assertThrows(
        NotFoundException.class,
        () -> grading.feedbackDownload(scene.teacher, 999_999L, "Deltager {0}"));
    assertThrows(NotFoundException.class, () -> work.feedbackDownload(scene.learner, 999_999L));
    assertThrows(
        NotFoundException.class,
        () ->
            grading.attachFeedbackFile(
                scene.teacher, 999_999_999L, "x.pdf", stream(pdf("X", null))));
  }

  @Test
  void aFileAttachedAsTheGradeIsReleasedIsEitherInTheReleasedRoundOrRefusedWithNothingLeft()
      throws Exception {
    for (int round = 0; round < 4; round++) {
      Scene scene = handedIn(a -> {});
      GradingPage page = grading.page(scene.teacher, scene.submission);
      grading.grade(scene.teacher, scene.submission, page.version(), pass(page), null, null, false);
      long version = grading.page(scene.teacher, scene.submission).version();
      byte[] file = pdf("Samtidig", null);
      long filesBefore = storedFiles();
      List<String> outcomes =
          AtOnce.run(
              2,
              i -> {
                try {
                  if (i == 0) {
                    grading.attachFeedbackFile(
                        scene.teacher, scene.submission, "samtidig.pdf", stream(file));
                    return "ATTACHED";
                  }
                  grading.releaseSaved(scene.teacher, Map.of(scene.submission, version));
                  return "RELEASED";
                } catch (AssignmentRefused refused) {
                  return refused.reason().name();
                }
              });
      assertEquals("RELEASED", outcomes.get(1));
      List<FeedbackFileRow> seen = work.feedbackFiles(scene.learner, scene.assignment);
      if (outcomes.get(0).equals("ATTACHED")) {
        assertEquals(1, seen.size(), "attached before the release: released with it");
        assertEquals(filesBefore + 1, storedFiles());
      } else {
        assertEquals("FEEDBACK_CLOSED", outcomes.get(0));
        assertTrue(seen.isEmpty());
        assertEquals(filesBefore, storedFiles(), "refused: no file left on disk");
      }
      assertEquals(0, store.incoming());
    }
  }

  // -- anonymous copies under blind grading ---------------------------------------------------

  @Inject dk.medborger.lms.assignments.boundary.Submissions submissions;

  @Inject dk.medborger.lms.assignments.boundary.SubmissionExports exports;

  @Test
  void underBlindGradingTheGradersCopiesOfPdfDocxAndOdtNameNoAuthorAndReleaseBringsBackTheOriginal()
      throws Exception {
    String author = "Birgitte Blindholm";
    long assignment = assignment(a -> a.setBlindGrading(true));
    long learner = fixtures.learner(author);
    long teacher = fixtures.instructor();
    byte[] pdf = pdf("Min refleksion", author);
    byte[] docx = docx(author);
    byte[] odt = odt(author);
    work.upload(learner, assignment, "refleksion.pdf", stream(pdf));
    work.upload(learner, assignment, "refleksion.docx", stream(docx));
    work.upload(learner, assignment, "refleksion.odt", stream(odt));
    work.saveDraft(learner, assignment, "Se filerne.");
    work.submit(learner, assignment, true, null);
    long id =
        grading
            .queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, null))
            .get(0)
            .id();
    for (byte[] original : List.of(pdf, docx, odt)) {
      assertTrue(everything(original).contains(author), "the learner's files name her");
    }
    List<AssignmentViews.FileRow> rows = grading.page(teacher, id).current().files();
    assertEquals(3, rows.size());
    String pseudonym = "Deltager " + id;
    for (AssignmentViews.FileRow row : rows) {
      AssignmentViews.Download d =
          grading.download(teacher, row.id(), "Deltager {0} – fil {1}", "Deltager {0}");
      assertEquals(pseudonym, d.pseudonym());
      try (AssignmentViews.Outgoing sent = submissions.outgoing(d)) {
        assertTrue(sent.path().startsWith(store.root().resolve("incoming")), "a temporary copy");
        String seen = everything(Files.readAllBytes(sent.path()));
        assertFalse(seen.contains("Blindholm"), row.mediaType() + ": " + seen);
        assertTrue(seen.contains(pseudonym), row.mediaType() + " names the pseudonym: " + seen);
        assertTrue(seen.contains("Min refleksion"), "the learner's text is left as it is");
      }
      assertEquals(row.sha256(), sha256(Files.readAllBytes(d.path())), "the original untouched");
    }
    assertEquals(0, store.incoming(), "every copy deleted once sent");

    // The archive, and the grader's annotated copy of her PDF attached as feedback.
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    exports.writeArchive(
        teacher,
        assignment,
        new dk.medborger.lms.assignments.boundary.SubmissionExports.ArchiveNames(
            "Deltager {0}", "Deltager {0} – fil {1}", "Version {0} – tekst", "Version {0} – {1}"),
        zip);
    int entries = 0;
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries++;
        String seen = everything(in.readAllBytes());
        assertFalse(seen.contains("Blindholm"), e.getName() + ": " + seen);
      }
    }
    assertEquals(4, entries, "the text and the three files");
    long annotated = grading.attachFeedbackFile(teacher, id, "kommenteret.pdf", stream(pdf));
    try (AssignmentViews.Outgoing sent =
        submissions.outgoing(grading.feedbackDownload(teacher, annotated, "Deltager {0}"))) {
      assertFalse(everything(Files.readAllBytes(sent.path())).contains("Blindholm"));
    }

    GradingPage page = grading.page(teacher, id);
    grading.grade(teacher, id, page.version(), pass(page), null, null, true);
    for (AssignmentViews.FileRow row : grading.page(teacher, id).current().files()) {
      AssignmentViews.Download d =
          grading.download(teacher, row.id(), "Deltager {0} – fil {1}", "Deltager {0}");
      assertEquals(null, d.pseudonym(), "released: the learner is shown");
      try (AssignmentViews.Outgoing sent = submissions.outgoing(d)) {
        assertEquals(d.path(), sent.path(), "the original itself");
        assertEquals(row.sha256(), sha256(Files.readAllBytes(sent.path())));
        assertTrue(everything(Files.readAllBytes(sent.path())).contains(author));
      }
    }
    try (AssignmentViews.Outgoing sent =
        submissions.outgoing(work.feedbackDownload(learner, annotated))) {
      assertTrue(everything(Files.readAllBytes(sent.path())).contains(author), "hers as sent");
    }
  }

  /** The Arquillian call this test runs in: it tells the deployment's own address. */
  @Inject jakarta.servlet.http.HttpServletRequest call;

  @Test
  void theGradingPageAndItsInlineViewOfABlindSubmissionNameNeitherTheLearnerNorHerFile()
      throws Exception {
    String author = "Birgitte Blindholm";
    long assignment = assignment(a -> a.setBlindGrading(true));
    long learner = fixtures.learner(author);
    work.upload(learner, assignment, author + " – refleksion.pdf", stream(pdf("Om mødet", author)));
    work.saveDraft(learner, assignment, "Se filen.");
    Scene scene = handIn(assignment, learner);
    String name = "blind.grader." + System.nanoTime();
    long grader =
        accounts.create(
            name,
            accounts.hashPassword("hemmelig-kode-1".toCharArray()),
            "Blind Bedømmer",
            null,
            JobRole.CONSULTANT,
            EnumSet.of(Role.INSTRUCTOR));
    teaching.assign(fixtures.course(), grader);
    dk.medborger.lms.testing.WebClient client =
        new dk.medborger.lms.testing.WebClient(
            "http://127.0.0.1:" + call.getLocalPort() + call.getServletContext().getContextPath());
    assertEquals(302, client.login(name, "hemmelig-kode-1").statusCode());
    String page = client.get("/instructor/submission.xhtml?id=" + scene.submission).body();
    String file =
        dk.medborger.lms.testing.PageLinks.matches(
                page, "/instructor/submission-file\\?id=(\\d+)&amp;inline=1")
            .get(0);
    assertFalse(page.contains("Blindholm"), "not in the page, nor in the frame's title");
    var shown = client.get("/instructor/submission-file?id=" + file + "&inline=1");
    assertEquals(200, shown.statusCode());
    String disposition = shown.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(disposition.startsWith("inline;"), disposition);
    assertTrue(disposition.contains("Deltager%20" + scene.submission), disposition);
    assertFalse(shown.headers().map().toString().contains("Blindholm"), "no header names her");
    assertTrue(shown.body().startsWith("%PDF"));
    assertFalse(shown.body().contains("Blindholm"), "nor does the PDF sent");
    assertEquals(0, store.incoming(), "the copy deleted once sent");

    GradingPage graded = grading.page(grader, scene.submission);
    grading.grade(grader, scene.submission, graded.version(), pass(graded), null, null, true);
    var released = client.get("/instructor/submission-file?id=" + file + "&inline=1");
    assertTrue(
        released.headers().firstValue("Content-Disposition").orElse("").contains("Blindholm"),
        "released: her own name for her file");
    assertTrue(released.body().contains(author), "and her file as she handed it in");
  }

  /** Every metadata name and value Tika reads from a file, and its text (comments included). */
  private static String everything(byte[] file) throws Exception {
    org.apache.tika.metadata.Metadata metadata = new org.apache.tika.metadata.Metadata();
    org.apache.tika.sax.BodyContentHandler text = new org.apache.tika.sax.BodyContentHandler(-1);
    new org.apache.tika.parser.AutoDetectParser()
        .parse(
            new ByteArrayInputStream(file),
            text,
            metadata,
            new org.apache.tika.parser.ParseContext());
    StringBuilder all = new StringBuilder(text.toString());
    for (String name : metadata.names()) {
      all.append('\n').append(name).append('=').append(String.join("|", metadata.getValues(name)));
    }
    return all.toString();
  }

  /**
   * A DOCX as Word writes one of {@code author}'s: her name as creator and last editor, her company
   * and manager, a comment and a tracked change of hers.
   */
  static byte[] docx(String author) throws IOException {
    try (org.apache.poi.xwpf.usermodel.XWPFDocument doc =
            new org.apache.poi.xwpf.usermodel.XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var paragraph = doc.createParagraph();
      paragraph.createRun().setText("Min refleksion om mødet.");
      var comments = doc.createComments();
      var comment = comments.createComment(java.math.BigInteger.ONE);
      comment.setAuthor(author);
      comment.setInitials("BB");
      comment.createParagraph().createRun().setText("Husk kilden.");
      var ctp = paragraph.getCTP();
      ctp.addNewCommentRangeStart().setId(java.math.BigInteger.ONE);
      ctp.addNewCommentRangeEnd().setId(java.math.BigInteger.ONE);
      ctp.addNewR().addNewCommentReference().setId(java.math.BigInteger.ONE);
      var inserted = ctp.addNewIns();
      inserted.setId(java.math.BigInteger.TWO);
      inserted.setAuthor(author);
      inserted.setDate(java.util.Calendar.getInstance());
      inserted.addNewR().addNewT().setStringValue(" Tilføjet bagefter.");
      var core = doc.getProperties().getCoreProperties();
      core.setCreator(author);
      core.setLastModifiedByUser(author);
      core.setTitle(author + " – refleksion");
      var extended = doc.getProperties().getExtendedProperties();
      extended.setCompany(author + " ApS");
      extended.setManager(author);
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** An ODT as LibreOffice writes one of {@code author}'s, with a comment of hers. */
  static byte[] odt(String author) throws IOException {
    String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    String ns =
        " xmlns:office=\""
            + office
            + "\""
            + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " office:version=\"1.3\"";
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    parts.put(
        "META-INF/manifest.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
            + " manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\""
            + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
            + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>");
    parts.put(
        "meta.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta"
            + ns
            + "><office:meta>"
            + "<meta:initial-creator>"
            + author
            + "</meta:initial-creator>"
            + "<dc:creator>"
            + author
            + "</dc:creator>"
            + "<dc:title>"
            + author
            + " – refleksion</dc:title>"
            + "<meta:generator>LibreOffice/7.4</meta:generator></office:meta></office:document-meta>");
    parts.put(
        "content.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
            + ns
            + "><office:body><office:text><text:p>Min refleksion om mødet."
            + "<office:annotation><dc:creator>"
            + author
            + "</dc:creator>"
            + "<dc:date>2026-12-01T10:00:00</dc:date><text:p>Husk kilden.</text:p>"
            + "</office:annotation></text:p></office:text></office:body></office:document-content>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      java.util.zip.ZipEntry mimetype = new java.util.zip.ZipEntry("mimetype");
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(type);
      mimetype.setMethod(java.util.zip.ZipEntry.STORED);
      mimetype.setSize(type.length);
      mimetype.setCrc(crc.getValue());
      zip.putNextEntry(mimetype);
      zip.write(type);
      zip.closeEntry();
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  // -- the orphan-file sweep -------------------------------------------------------------------

  @Inject dk.medborger.lms.assignments.control.OrphanFileSweep sweep;

  @Test
  void theSweepRemovesOldFilesNoRowReferencesAndOldTemporaryOnesAndKeepsTheRest() throws Exception {
    java.time.Instant now = java.time.Instant.now();
    long assignment = assignment(a -> {});
    long learner = fixtures.learner("Test Deltager");
    long submitted = work.upload(learner, assignment, "ny.pdf", stream(pdf("Ny", null)));
    Scene scene = handIn(assignment, learner);
    long feedback =
        grading.attachFeedbackFile(
            scene.teacher, scene.submission, "kommentar.pdf", stream(pdf("K", null)));
    java.nio.file.Path referenced = work.download(scene.learner, submitted).path();
    java.nio.file.Path referencedFeedback =
        grading.feedbackDownload(scene.teacher, feedback, "Deltager {0}").path();
    java.nio.file.Path oldOrphan = file("2026/01/" + java.util.UUID.randomUUID(), now, 48);
    java.nio.file.Path youngOrphan = file("2026/12/" + java.util.UUID.randomUUID(), now, 1);
    java.nio.file.Path oldPart = file("incoming/" + java.util.UUID.randomUUID() + ".part", now, 2);
    java.nio.file.Path youngPart =
        file("incoming/" + java.util.UUID.randomUUID() + ".part", now, 0);
    java.nio.file.Path notOurs = file("2026/01/liste.txt", now, 48);
    for (java.nio.file.Path kept : List.of(referenced, referencedFeedback)) {
      Files.setLastModifiedTime(
          kept, java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofDays(3))));
    }

    var swept = sweep.sweep(now);
    assertTrue(
        swept.stored().contains(store.root().relativize(oldOrphan).toString()), swept.toString());
    assertTrue(
        swept.incoming().contains(store.root().relativize(oldPart).toString()), swept.toString());
    assertFalse(Files.exists(oldOrphan), "an old file no row references goes");
    assertFalse(Files.exists(oldPart), "an old temporary file goes");
    for (java.nio.file.Path kept :
        List.of(referenced, referencedFeedback, youngOrphan, youngPart, notOurs)) {
      assertTrue(Files.exists(kept), "kept: " + kept);
    }
    assertEquals(
        java.nio.file.Files.size(referenced),
        work.download(scene.learner, submitted).size(),
        "the referenced files are whole");

    for (java.nio.file.Path left : List.of(youngOrphan, youngPart, notOurs)) {
      Files.delete(left);
    }
  }

  /** A file of a few bytes at {@code relative} in the files folder, {@code hours} old. */
  private java.nio.file.Path file(String relative, java.time.Instant now, int hours)
      throws IOException {
    java.nio.file.Path file = store.root().resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, "orphan".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(
        file,
        java.nio.file.attribute.FileTime.from(
            now.minus(java.time.Duration.ofHours(hours)).minusSeconds(60)));
    return file;
  }

  // -- the scene -----------------------------------------------------------------------------

  /** A learner's submission handed in, and an instructor of its course. */
  record Scene(long assignment, long learner, long teacher, long submission) {}

  private Scene handedIn(Consumer<Assignment> setUp) {
    return handIn(assignment(setUp), fixtures.learner("Test Deltager"));
  }

  /** The learner's draft handed in (with any files uploaded before). */
  private Scene handIn(long assignment, long learner) {
    long teacher = fixtures.instructor();
    work.saveDraft(learner, assignment, "Min refleksion.");
    work.submit(learner, assignment, true, null);
    long submission =
        grading
            .queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, null))
            .get(0)
            .id();
    return new Scene(assignment, learner, teacher, submission);
  }

  /** An optional assignment in module 1 of the demo course, so that others' tests are unmoved. */
  private long assignment(Consumer<Assignment> setUp) {
    return fixtures.assignment(
        CompletionCriterion.ON_SUBMIT,
        setUp,
        List.of(new AssignmentPackages.Criterion("Kriterium", "K", List.of())));
  }

  private static Map<Long, String> pass(GradingPage page) {
    Map<Long, String> judgements = new HashMap<>();
    page.criteria().forEach(c -> judgements.put(c.id(), "PASS"));
    return judgements;
  }

  private void assertRefused(Reason reason, Scene scene, String name, byte[] bytes) {
    AssignmentRefused refused =
        assertThrows(
            AssignmentRefused.class,
            () -> grading.attachFeedbackFile(scene.teacher, scene.submission, name, stream(bytes)));
    assertEquals(reason, refused.reason(), name);
  }

  private List<String> history(Scene scene) {
    return grading.page(scene.teacher, scene.submission).history().stream()
        .map(h -> h.action())
        .toList();
  }

  /** The file names in the grade history the grading page shows ("null" for a grade step). */
  private List<String> historyFileNames(Scene scene) {
    return grading.page(scene.teacher, scene.submission).history().stream()
        .map(h -> String.valueOf(h.fileName()))
        .toList();
  }

  private long count(String table) {
    try (EntityManager em = emf.createEntityManager()) {
      return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult())
          .longValue();
    }
  }

  private String stored(String table, long id, String column) {
    try (EntityManager em = emf.createEntityManager()) {
      return String.valueOf(
          em.createNativeQuery("SELECT " + column + " FROM " + table + " WHERE id = ?")
              .setParameter(1, id)
              .getSingleResult());
    }
  }

  private long storedFiles() throws IOException {
    try (var files = Files.walk(store.root())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(store.root().resolve("incoming")))
          .count();
    }
  }

  private static ByteArrayInputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
