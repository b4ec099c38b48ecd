package dk.medborger.lms.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentViews;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GuardFinding;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.assignments.boundary.SubmissionExports;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.testing.AssignmentFixtures;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.TestDatabase;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rich text in submissions on a real Payara Micro and MariaDB (ADR 32): hostile markup is taken out
 * on the server when a draft is kept, and again in what the grader and the learner see and in the
 * ZIP, even when it was written into the database past the application; texts handed in before rich
 * text stay plain text, escaped into paragraphs; the citizen data guard reads the text as a reader
 * does (a CPR number split by tags is one number) and redacts inside the HTML.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class RichTextSubmissionIT {

  /** One of everything a hostile or careless paste brings, beside what the editor may write. */
  private static final String HOSTILE =
      "<p style=\"color:red\" onclick=\"steal()\">Hej <strong onmouseover=\"x()\">borger</strong>"
          + "</p><script>alert('script')</script>"
          + "<img src=\"x\" onerror=\"alert('img')\">"
          + "<a href=\"javascript:alert('link')\">klik</a> "
          + "<a href=\" JaVaScRiPt:alert('igen')\">igen</a> "
          + "<a href=\"https://borger.dk\" target=\"_blank\" onclick=\"y()\">borger.dk</a> "
          + "<a href=\"/logout\">ud</a>"
          + "<iframe src=\"https://evil.example/\"></iframe>"
          + "<style>body{display:none}</style>"
          + "<form action=\"https://evil.example/\"><input name=\"x\"></form>"
          + "<svg onload=\"alert('svg')\"><circle r=\"1\"/></svg>"
          + "<ul><li>Et</li><li>To</li></ul>";

  /** What must not be left of {@link #HOSTILE}, anywhere the text is kept, shown or exported. */
  private static final List<String> FORBIDDEN =
      List.of(
          "<script",
          "alert",
          "onclick",
          "onerror",
          "onmouseover",
          "onload",
          "javascript",
          "<iframe",
          "<img",
          "<svg",
          "<form",
          "<input",
          "style=",
          "display:none",
          "target=",
          "evil.example",
          "/logout");

  @Deployment
  static WebArchive deployment() {
    return Deployments.application(RichTextSubmissionIT.class, AssignmentFixtures.class);
  }

  @Inject AssignmentFixtures fixtures;
  @Inject AssignmentWork work;
  @Inject AssignmentGrading grading;
  @Inject SubmissionExports exports;

  @PersistenceContext EntityManager em;
  @Resource UserTransaction utx;

  @Test
  void hostileMarkupIsRemovedWhenTheDraftIsKeptAndInWhatTheGraderAndTheLearnerSee()
      throws Exception {
    long assignment = fixtures.assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    long learner = fixtures.learner("Rikke Richtext");
    long teacher = fixtures.instructor();

    work.saveDraft(learner, assignment, HOSTILE);
    String kept = draftInDatabase(assignment, learner);
    assertClean("the draft in the database", kept);
    assertAllowedKept("the draft in the database", kept);
    assertEquals(kept, work.page(learner, assignment).draftHtml(), "the editor gets it as kept");

    work.submit(learner, assignment, true, null);
    long id = submission(teacher, assignment);
    String version = versionInDatabase(id);
    assertClean("the handed-in version", version);
    assertEquals(kept, version);

    String learnerSees = work.page(learner, assignment).versions().get(0).html();
    String graderSees = grading.page(teacher, id).current().html();
    for (String seen : List.of(learnerSees, graderSees)) {
      assertClean("shown", seen);
      assertAllowedKept("shown", seen);
    }
    assertEquals(
        "Hej borger\nklik igen borger.dk ud\nEt\nTo", grading.page(teacher, id).current().text());

    String document = archive(teacher, assignment).get("Rikke Richtext (" + id + ")/v1.html");
    assertClean("the ZIP's document", document);
    assertAllowedKept("the ZIP's document", document);
  }

  @Test
  void markupWrittenPastTheApplicationIsRemovedAgainWhenShownAndExported() throws Exception {
    long assignment = fixtures.assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    long learner = fixtures.learner("Rasmus Råtekst");
    long teacher = fixtures.instructor();
    work.saveDraft(learner, assignment, "<p>Uskyldig</p>");
    work.submit(learner, assignment, true, null);
    long id = submission(teacher, assignment);

    update("UPDATE submission_version SET text = ? WHERE submission_id = ?", HOSTILE, id);

    assertTrue(versionInDatabase(id).contains("<script>"), "the row holds it");
    for (String seen :
        List.of(
            work.page(learner, assignment).versions().get(0).html(),
            grading.page(teacher, id).current().html(),
            archive(teacher, assignment).get("Rasmus Råtekst (" + id + ")/v1.html"))) {
      assertClean("sanitised on output", seen);
      assertAllowedKept("sanitised on output", seen);
    }
    assertTrue(
        grading.page(teacher, id).current().html().contains("<p>Hej <strong>borger</strong></p>"));
  }

  @Test
  void plainTextHandedInBeforeRichTextIsEscapedIntoParagraphsAndExportedAsText() throws Exception {
    long assignment = fixtures.assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    long learner = fixtures.learner("Pia Plaintekst");
    long teacher = fixtures.instructor();
    work.saveDraft(learner, assignment, "<p>Ny</p>");
    work.submit(learner, assignment, true, null);
    long id = submission(teacher, assignment);
    String plain = "Mødet <b>i dag</b> & i går\nAnden linje\n\n<script>alert(1)</script>";
    update(
        "UPDATE submission_version SET text = ?, text_format = 'PLAIN' WHERE submission_id = ?",
        plain,
        id);

    String expected =
        "<p>Mødet &lt;b&gt;i dag&lt;/b&gt; &amp; i går<br />Anden linje</p>"
            + "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>";
    assertEquals(expected, grading.page(teacher, id).current().html(), "markup in it is text");
    assertEquals(expected, work.page(learner, assignment).versions().get(0).html());
    Map<String, String> zip = archive(teacher, assignment);
    assertEquals(
        "\uFEFF" + plain.replace("\n", "\r\n"),
        zip.get("Pia Plaintekst (" + id + ")/v1.txt"),
        "an old plain text stays a text file");

    // A draft kept as plain text before rich text is opened in the editor as paragraphs, and
    // handed in as HTML.
    grading.requestRevision(teacher, id, grading.page(teacher, id).version(), "Uddyb.");
    update(
        "UPDATE submission SET draft_text = ?, draft_format = 'PLAIN' WHERE id = ?",
        "Første <linje>\nAnden",
        id);
    assertEquals(
        "<p>Første &lt;linje&gt;<br />Anden</p>", work.page(learner, assignment).draftHtml());
    work.submit(learner, assignment, true, null);
    assertEquals("<p>Første &lt;linje&gt;<br />Anden</p>", versionInDatabase(id));
    assertEquals(
        "HTML",
        em.createNativeQuery(
                "SELECT text_format FROM submission_version WHERE submission_id = ? AND number = 2")
            .setParameter(1, id)
            .getSingleResult());
  }

  @Test
  void theGuardFindsACprNumberSplitByTagsAndRedactsItInsideTheHtml() {
    long assignment = fixtures.assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    long learner = fixtures.learner("Gitte Guard");
    work.saveDraft(
        learner,
        assignment,
        "<h3>Vagten</h3><p>Borgeren havde CPR 0103<strong>85-</strong><em>1234</em> med,"
            + " og vi ringede til <strong>12 34 56 78</strong>.</p>"
            + "<p>Hun fik et <a href=\"mailto:borger@example.dk\">svar</a> samme dag.</p>"
            + "<p>Sagsnummer 0103</p><p>85-1234 er to tal i to afsnit.</p>");
    List<GuardFinding> found = work.check(learner, assignment);
    assertEquals(
        List.of("CPR:010385-1234:false", "PHONE:12 34 56 78:false", "EMAIL:borger@example.dk:true"),
        found.stream().map(f -> f.kind() + ":" + f.match() + ":" + f.link()).toList(),
        "split by tags it is one number, split by paragraphs it is none");

    for (GuardFinding f : found) {
      work.redact(learner, assignment, f.match(), "[fjernet]");
    }
    assertEquals(
        "<h3>Vagten</h3><p>Borgeren havde CPR [fjernet] med,"
            + " og vi ringede til <strong>[fjernet]</strong>.</p>"
            + "<p>Hun fik et svar samme dag.</p>"
            + "<p>Sagsnummer 0103</p><p>85-1234 er to tal i to afsnit.</p>",
        work.page(learner, assignment).draftHtml(),
        "the marker where the number began, the tags it ran through emptied and gone, the"
            + " link's address dropped and its text kept");
    assertEquals(List.of(), work.check(learner, assignment));
  }

  private static void assertClean(String where, String html) {
    for (String bad : FORBIDDEN) {
      assertFalse(html.toLowerCase().contains(bad), where + " holds " + bad + ": " + html);
    }
  }

  private static void assertAllowedKept(String where, String html) {
    for (String good :
        List.of(
            "<p>Hej <strong>borger</strong></p>",
            "<ul><li>Et</li><li>To</li></ul>",
            "klik",
            "igen",
            "ud")) {
      assertTrue(html.contains(good), where + " lost " + good + ": " + html);
    }
    assertTrue(
        html.matches(
            "(?s).*<a href=\"https://borger\\.dk\" rel=\"(noopener noreferrer|noreferrer noopener)\">"
                + "borger\\.dk</a>.*"),
        where + " lost the link, or its rel: " + html);
  }

  private long submission(long teacher, long assignment) {
    return grading
        .queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, null))
        .get(0)
        .id();
  }

  private String draftInDatabase(long assignment, long learner) {
    return (String)
        em.createNativeQuery(
                "SELECT draft_text FROM submission WHERE assignment_id = ? AND user_id = ?")
            .setParameter(1, assignment)
            .setParameter(2, learner)
            .getSingleResult();
  }

  /** The text of the submission's latest version as the database holds it. */
  private String versionInDatabase(long submission) {
    return (String)
        em.createNativeQuery(
                "SELECT text FROM submission_version WHERE submission_id = ?"
                    + " ORDER BY number DESC LIMIT 1")
            .setParameter(1, submission)
            .getSingleResult();
  }

  private void update(String sql, Object... parameters) throws Exception {
    utx.begin();
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    assertEquals(1, query.executeUpdate());
    utx.commit();
  }

  /** The assignment's ZIP, its entries as text, named as "v{number}" plus the extension. */
  private Map<String, String> archive(long teacher, long assignment) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeArchive(
        teacher,
        assignment,
        new SubmissionExports.ArchiveNames("Deltager {0}", "Deltager {0} – fil {1}", "v{0}", "{1}"),
        out);
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
