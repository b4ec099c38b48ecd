package dk.medborger.lms.services;

import static dk.medborger.lms.testing.TestDocuments.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentPackages;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import dk.medborger.lms.assignments.boundary.AssignmentViews;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GuardFinding;
import dk.medborger.lms.assignments.boundary.AssignmentViews.LearnerPage;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.assignments.boundary.WorkReturned;
import dk.medborger.lms.assignments.control.CitizenDataGuard;
import dk.medborger.lms.assignments.control.FileStore;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.testing.AssignmentFixtures;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.MovableClock;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Assignments through their services on a real Payara Micro and MariaDB: the demo course's
 * reflections, late policies under a movable clock, the citizen data guard on text and inside a PDF
 * and a DOCX, uploads refused with nothing half-stored, the optimistic lock between two graders, a
 * revision round whose outcomes reach progress, and who may see what.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class AssignmentIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withMailServer(
        AssignmentIT.class, MovableClock.class, ReturnedWorkLog.class, AssignmentFixtures.class);
  }

  /**
   * What the mail outbox will keep of returned work: every {@link WorkReturned} observed in a
   * transaction that then committed, with that transaction.
   */
  @jakarta.enterprise.context.ApplicationScoped
  public static class ReturnedWorkLog {
    private final List<WorkReturned> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<WorkReturned, Object> transactions =
        new java.util.concurrent.ConcurrentHashMap<>();

    @jakarta.annotation.Resource jakarta.transaction.TransactionSynchronizationRegistry registry;

    void returned(@jakarta.enterprise.event.Observes WorkReturned returned) {
      Object transaction = registry.getTransactionKey();
      registry.registerInterposedSynchronization(
          new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                transactions.put(returned, transaction);
                events.add(returned);
              }
            }
          });
    }

    public List<WorkReturned> of(long assignment) {
      return events.stream().filter(e -> e.assignmentId() == assignment).toList();
    }

    /** The transaction an event was fired in (the registry's key for it, as a string). */
    public String transactionOf(WorkReturned event) {
      return String.valueOf(transactions.get(event));
    }
  }

  @Inject ReturnedWorkLog returnedWork;

  @Inject AssignmentFixtures fixtures;

  @Inject CourseCatalog catalog;
  @Inject Enrolments enrolments;
  @Inject Teaching teaching;
  @Inject UserAccounts accounts;
  @Inject LearnerProgress progress;
  @Inject AssignmentWork work;
  @Inject AssignmentPackages packages;
  @Inject AssignmentGrading grading;
  @Inject dk.medborger.lms.assignments.boundary.AssignmentExtensions extensions;
  @Inject dk.medborger.lms.assignments.boundary.CommentBank bank;
  @Inject dk.medborger.lms.assignments.boundary.SubmissionExports exports;
  @Inject FileStore store;
  @Inject Clock clock;
  @Inject dk.medborger.lms.mail.control.MailSender mailSender;

  @PersistenceUnit EntityManagerFactory emf;

  private long course() {
    return fixtures.course();
  }

  private long newUser(String name, Role role) {
    return fixtures.newUser(name, role);
  }

  private long learner() {
    return fixtures.learner("Test Deltager");
  }

  private long instructor() {
    return fixtures.instructor();
  }

  /** A new optional assignment in module 1 of the demo course ({@link AssignmentFixtures}). */
  private long assignment(
      CompletionCriterion criterion, java.util.function.Consumer<Assignment> setUp) {
    return fixtures.assignment(criterion, setUp);
  }

  private long submission(long instructor, long assignment, long learnerId) {
    return grading
        .queue(instructor, new AssignmentViews.QueueFilter(null, assignment, null, null))
        .stream()
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static Map<Long, String> all(GradingPage page, String judgement) {
    Map<Long, String> j = new HashMap<>();
    page.criteria().forEach(c -> j.put(c.id(), judgement));
    return j;
  }

  @Test
  void everyModuleOfTheDemoCourseHasAReflectionWithACompetenceRubric() {
    for (CourseOutline.Module module : catalog.outline(course()).modules()) {
      List<CourseOutline.Item> reflections =
          module.activities().stream()
              .filter(
                  a -> a.kind() == ActivityKind.ASSIGNMENT && a.title().startsWith("Refleksion"))
              .toList();
      assertEquals(1, reflections.size(), module.title());
      assertEquals(CompletionCriterion.ON_GRADED_PASS, reflections.get(0).criterion());
      long learner = learner();
      LearnerPage page = work.page(learner, reflections.get(0).id());
      assertEquals(3, page.criteria().size(), module.title());
      assertTrue(page.instructions().contains("<p>"), "sanitised HTML kept");
    }
  }

  @Test
  void lateWorkIsMarkedLateAndRefusedAfterTheCutOffUnlessTheLearnerHasAnExtension()
      throws Exception {
    Instant now = clock.instant();
    long assignment =
        assignment(
            CompletionCriterion.ON_SUBMIT,
            a -> {
              a.setDates(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
              a.setLatePolicy(LatePolicy.REFUSE_AFTER_CUTOFF, null);
            });
    long onTime = learner();
    long late = learner();
    long tooLate = learner();
    long extended = learner();
    long teacher = instructor();
    for (long l : List.of(onTime, late, tooLate, extended)) {
      work.saveDraft(l, assignment, "Min refleksion om mødet med borgeren.");
    }
    work.submit(onTime, assignment, true, null);
    assertEquals(AssignmentViews.Timing.OPEN, work.page(onTime, assignment).timing());
    assertFalse(work.page(onTime, assignment).versions().get(0).late());
    assertEquals(
        ActivityState.COMPLETED,
        progress.course(onTime, course()).progress().status(assignment).state(),
        "ON_SUBMIT: handing in completes");

    MovableClock.advance(Duration.ofMinutes(90));
    assertEquals(AssignmentViews.Timing.LATE, work.page(late, assignment).timing());
    work.submit(late, assignment, true, null);
    assertTrue(work.page(late, assignment).versions().get(0).late());

    assertEquals(
        List.of(),
        extensions.grant(
            teacher,
            dk.medborger.lms.assignments.boundary.AssignmentExtensions.Ref.learner(
                assignment, extended),
            clock.instant().plus(Duration.ofHours(3)),
            null,
            null));
    MovableClock.advance(Duration.ofMinutes(60));
    assertEquals(AssignmentViews.Timing.CLOSED, work.page(tooLate, assignment).timing());
    AssignmentRefused refused =
        assertThrows(AssignmentRefused.class, () -> work.submit(tooLate, assignment, true, null));
    assertEquals(Reason.AFTER_CUTOFF, refused.reason());
    assertThrows(
        AssignmentRefused.class, () -> work.saveDraft(tooLate, assignment, "Forsøg efter fristen"));
    assertEquals(SubmissionStatus.DRAFT, work.page(tooLate, assignment).status());

    assertTrue(work.page(extended, assignment).extended());
    work.submit(extended, assignment, true, null);
    assertFalse(work.page(extended, assignment).versions().get(0).late(), "within the extension");
    List<AssignmentViews.QueueRow> queue =
        grading.queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, null));
    GradingPage graded = grading.page(teacher, queue.get(queue.size() - 1).id());
    assertEquals(
        work.page(extended, assignment).dueAt(),
        graded.dueAt(),
        "the grader sees the learner's own due date");
  }

  @Test
  void aRevisionAskedForIsTakenAfterTheCutOffAsLateAsTheFirstVersionWas() {
    Instant now = clock.instant();
    long assignment =
        assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a -> {
              a.setDates(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
              a.setLatePolicy(LatePolicy.REFUSE_AFTER_CUTOFF, null);
            });
    long learner = learner();
    long teacher = instructor();
    work.saveDraft(learner, assignment, "Til tiden.");
    work.submit(learner, assignment, true, null);
    MovableClock.advance(Duration.ofHours(3));
    long id = submission(teacher, assignment, learner);
    grading.requestRevision(teacher, id, grading.page(teacher, id).version(), "Uddyb.");
    assertTrue(work.page(learner, assignment).editable(), "open again, after the cut-off");
    work.saveDraft(learner, assignment, "Uddybet.");
    work.submit(learner, assignment, true, null);
    List<AssignmentViews.VersionRow> versions = work.page(learner, assignment).versions();
    assertEquals(2, versions.size());
    assertFalse(versions.get(1).late());
  }

  @Test
  void aLatePenaltyTakesItsPercentOfThePointsThatReachProgress() {
    Instant now = clock.instant();
    long assignment =
        assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a -> {
              a.setDates(now.minus(Duration.ofHours(1)), null);
              a.setLatePolicy(LatePolicy.ACCEPT_WITH_PENALTY, 20);
              a.setGrading(
                  dk.medborger.lms.assignments.entity.GradingScheme.DIRECT,
                  java.math.BigDecimal.TEN,
                  java.math.BigDecimal.valueOf(7));
            });
    long learner = learner();
    long teacher = instructor();
    work.saveDraft(learner, assignment, "Sent, men grundigt.");
    work.submit(learner, assignment, true, null);
    long id = submission(teacher, assignment, learner);
    GradingPage page = grading.page(teacher, id);
    assertTrue(page.late());
    // 8 of 10 points, less 20 %: 6.4, below the pass mark of 7.
    grading.grade(teacher, id, page.version(), Map.of(), java.math.BigDecimal.valueOf(8), "", true);
    LearnerPage seen = work.page(learner, assignment);
    assertEquals(0, seen.released().points().compareTo(new java.math.BigDecimal("6.4")));
    assertFalse(seen.released().passed());
    assertEquals(
        ActivityState.FAILED,
        progress.course(learner, course()).progress().status(assignment).state());
  }

  @Test
  void twoGradersSavingAtOnceOneWinsTheOtherIsToldAndNothingIsOverwritten() {
    long assignment = assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long learner = learner();
    long first = instructor();
    long second = instructor();
    work.saveDraft(learner, assignment, "Min tekst.");
    work.submit(learner, assignment, true, null);
    long id = submission(first, assignment, learner);
    GradingPage seenByFirst = grading.page(first, id);
    GradingPage seenBySecond = grading.page(second, id);

    grading.grade(first, id, seenByFirst.version(), all(seenByFirst, "PASS"), null, "Fint.", false);
    RuntimeException conflict =
        assertThrows(
            RuntimeException.class,
            () ->
                grading.grade(
                    second,
                    id,
                    seenBySecond.version(),
                    all(seenBySecond, "FAIL"),
                    null,
                    "Ikke godt nok.",
                    true));
    assertTrue(
        causes(conflict).anyMatch(jakarta.persistence.OptimisticLockException.class::isInstance),
        conflict.toString());

    GradingPage now = grading.page(first, id);
    assertEquals(Boolean.TRUE, now.passed());
    assertEquals("Fint.", now.feedback());
    assertEquals(SubmissionStatus.IN_GRADING, now.status(), "saved, not released");
    assertEquals(1, now.history().size());
    assertNull(work.page(learner, assignment).released(), "the learner sees nothing unreleased");
  }

  @Test
  void aRevisionRoundReopensTheActivityKeepsEveryVersionAndAPassCompletesIt() {
    long assignment = assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long learner = learner();
    long teacher = instructor();
    work.saveDraft(learner, assignment, "Første udkast.");
    work.submit(learner, assignment, true, null);
    assertEquals(
        ActivityState.SUBMITTED,
        progress.course(learner, course()).progress().status(assignment).state());
    assertThrows(AssignmentRefused.class, () -> work.saveDraft(learner, assignment, "Ændret"));

    long id = submission(teacher, assignment, learner);
    String mailbox = "deltager." + learner + "@kommune.example";
    accounts.changeEmail(learner, mailbox);
    grading.requestRevision(teacher, id, grading.page(teacher, id).version(), "Uddyb gerne.");
    LearnerPage returned = work.page(learner, assignment);
    assertEquals(SubmissionStatus.REVISION_REQUESTED, returned.status());
    assertEquals("Uddyb gerne.", returned.released().feedback());
    assertEquals(
        ActivityState.IN_PROGRESS,
        progress.course(learner, course()).progress().status(assignment).state(),
        "a revision request reopens the activity");

    work.saveDraft(learner, assignment, "Andet udkast, mere konkret.");
    work.submit(learner, assignment, true, null);
    GradingPage second = grading.page(teacher, id);
    assertEquals(2, second.versions().size());
    assertEquals("Første udkast.", second.versions().get(0).text());
    assertEquals("Andet udkast, mere konkret.", second.versions().get(1).text());

    grading.grade(teacher, id, second.version(), all(second, "PASS"), null, "Godt.", true);
    LearnerPage graded = work.page(learner, assignment);
    assertEquals(SubmissionStatus.GRADED, graded.status());
    assertTrue(graded.released().passed());
    assertTrue(graded.criteria().stream().allMatch(AssignmentViews.Criterion::passed));
    assertEquals(
        ActivityState.COMPLETED,
        progress.course(learner, course()).progress().status(assignment).state());
    assertEquals(
        List.of("SUBMITTED", "REOPENED", "SUBMITTED", "PASSED"),
        outcomes(learner, assignment),
        "every outcome in the history");
    jakarta.persistence.EntityManager read = emf.createEntityManager();
    try {
      assertEquals(
          1,
          ((Number)
                  read.createNativeQuery(
                          "SELECT assignments_passed FROM enrolment WHERE user_id = ?")
                      .setParameter(1, learner)
                      .getSingleResult())
              .intValue(),
          "the enrolment keeps the assignments passed, for the report");
    } finally {
      read.close();
    }
    assertEquals(
        List.of("REVISION_REQUESTED", "SAVED", "RELEASED"),
        grading.page(teacher, id).history().stream().map(h -> h.action()).toList());
    // The learner is told both times, in Danish, with a link and without the feedback itself.
    List<jakarta.mail.internet.MimeMessage> mails =
        dk.medborger.lms.testing.TestMailServer.deliver(mailSender::sendDue, mailbox);
    try {
      assertEquals(2, mails.size());
      assertTrue(mails.get(0).getSubject().startsWith("Din opgave skal gøres færdig"));
      assertTrue(mails.get(1).getSubject().startsWith("Din opgave er bedømt"));
      String text = String.valueOf(mails.get(1).getContent());
      assertTrue(text.contains("Kære Test Deltager"), text);
      assertTrue(text.contains("/learner/assignment.xhtml?id=" + assignment), text);
      assertFalse(text.contains("Godt."), "the feedback stays in the course");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRubricWithACriterionNotPassedFailsAndAnUnjudgedOneIsRefused() {
    long assignment = assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long learner = learner();
    long teacher = instructor();
    work.saveDraft(learner, assignment, "Tekst.");
    work.submit(learner, assignment, true, null);
    long id = submission(teacher, assignment, learner);
    GradingPage page = grading.page(teacher, id);
    Map<Long, String> half = new HashMap<>();
    half.put(page.criteria().get(0).id(), "PASS");
    AssignmentRefused incomplete =
        assertThrows(
            AssignmentRefused.class,
            () -> grading.grade(teacher, id, page.version(), half, null, null, true));
    assertEquals(Reason.GRADE_INCOMPLETE, incomplete.reason());
    half.put(page.criteria().get(1).id(), "FAIL");
    grading.grade(teacher, id, page.version(), half, null, null, true);
    assertFalse(work.page(learner, assignment).released().passed());
    assertEquals(
        ActivityState.FAILED,
        progress.course(learner, course()).progress().status(assignment).state());
  }

  @Test
  void uploadsAreCheckedByContentAndARefusedOneLeavesNothingBehind() throws Exception {
    long assignment =
        assignment(
            CompletionCriterion.ON_SUBMIT,
            a -> a.setFileLimits(2, 20_000, Assignment.DEFAULT_TYPES));
    long learner = learner();
    long rowsBefore = fileRows();
    long filesBefore = storedFiles();

    byte[] executable = new byte[4096];
    executable[0] = 'M';
    executable[1] = 'Z';
    assertRefused(Reason.TYPE_NOT_ALLOWED, learner, assignment, "refleksion.pdf", executable);
    assertRefused(Reason.EMPTY, learner, assignment, "tom.pdf", new byte[0]);
    assertRefused(Reason.TOO_LARGE, learner, assignment, "stor.pdf", pdf("x".repeat(10)), 30_000);
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertRefused(Reason.TYPE_NOT_ALLOWED, learner, assignment, "side.txt", html);
    assertEquals(rowsBefore, fileRows(), "no row for a refused upload");
    assertEquals(filesBefore, storedFiles(), "no file for a refused upload");
    assertEquals(0, store.incoming(), "no temporary file left");

    long traversal =
        work.upload(learner, assignment, "../../../etc/Søren – refleksion.pdf", stream(pdf("Hej")));
    long script =
        work.upload(
            learner,
            assignment,
            "<script>alert('x')</script>noter.txt",
            stream("Mine noter".getBytes(StandardCharsets.UTF_8)));
    List<AssignmentViews.FileRow> kept = work.page(learner, assignment).draftFiles();
    assertEquals(
        List.of(traversal, script), kept.stream().map(AssignmentViews.FileRow::id).toList());
    assertEquals("Søren – refleksion.pdf", kept.get(0).name());
    assertEquals("application/pdf", kept.get(0).mediaType());
    assertFalse(kept.get(1).name().contains("<"), kept.get(1).name());
    assertEquals("text/plain", kept.get(1).mediaType());
    assertEquals(64, kept.get(0).sha256().length());
    AssignmentViews.Download d = work.download(learner, traversal);
    assertTrue(d.path().startsWith(store.root()));
    assertEquals(kept.get(0).size(), Files.size(d.path()));

    assertRefused(Reason.TOO_MANY_FILES, learner, assignment, "tredje.pdf", pdf("3"));
    assertEquals(rowsBefore + 2, fileRows());
    assertEquals(filesBefore + 2, storedFiles());
    assertEquals(0, store.incoming());

    work.removeFile(learner, assignment, script);
    assertEquals(rowsBefore + 1, fileRows());
    assertEquals(filesBefore + 1, storedFiles(), "the file goes with its row");
  }

  @Test
  void theGuardFindsCitizensDataInTheTextAndInsidePdfAndDocxFiles() throws Exception {
    long assignment = assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    long learner = learner();
    work.saveDraft(
        learner,
        assignment,
        "Borgeren 0103851234 ringede fra 12 34 56 78. Sagen havde nr. 320185-1234.");
    work.upload(learner, assignment, "noter.pdf", stream(pdf("Skriv til borger@example.dk")));
    work.upload(
        learner, assignment, "referat.docx", stream(docx("CPR 290200-4321, ikke 300200-4321")));
    List<GuardFinding> found = work.check(learner, assignment);
    assertEquals(
        List.of(
            "CPR:0103851234:text",
            "PHONE:12 34 56 78:text",
            "EMAIL:borger@example.dk:noter.pdf",
            "CPR:290200-4321:referat.docx"),
        found.stream()
            .map(f -> f.kind() + ":" + f.match() + ":" + (f.inText() ? "text" : f.source()))
            .toList(),
        "valid dates only, with and without the dash");

    AssignmentRefused refused =
        assertThrows(AssignmentRefused.class, () -> work.submit(learner, assignment, true, " "));
    assertEquals(Reason.GUARD_REASON_REQUIRED, refused.reason());
    work.redact(learner, assignment, "0103851234", "[fjernet]");
    work.redact(learner, assignment, "12 34 56 78", "[fjernet]");
    assertEquals(
        "Borgeren [fjernet] ringede fra [fjernet]. Sagen havde nr. 320185-1234.",
        work.page(learner, assignment).draftHtml());
    assertEquals(2, work.check(learner, assignment).size(), "the files' findings remain");
    assertThrows(AssignmentRefused.class, () -> work.submit(learner, assignment, false, "x"));

    work.submit(learner, assignment, true, "Det er opdigtede eksempler fra en øvelse.");
    AssignmentViews.VersionRow v = work.page(learner, assignment).versions().get(0);
    assertEquals(2, v.guardFindings());
    assertEquals("Det er opdigtede eksempler fra en øvelse.", v.guardReason());
    assertEquals(2, v.files().size());
    assertEquals(CitizenDataGuard.Kind.CPR, found.get(0).kind());
  }

  @Test
  void onlyTheOwnerAndTheCoursesInstructorsSeeASubmissionAndItsFiles() throws Exception {
    long assignment = assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    long owner = learner();
    long other = learner();
    long teacher = instructor();
    long stranger = newUser("Anden Underviser", Role.INSTRUCTOR);
    long file = work.upload(owner, assignment, "min.pdf", stream(pdf("Min")));
    work.saveDraft(owner, assignment, "Tekst");
    work.submit(owner, assignment, true, null);
    long id = submission(teacher, assignment, owner);

    assertThrows(NotFoundException.class, () -> work.download(other, file));
    assertEquals(SubmissionStatus.DRAFT, work.page(other, assignment).status(), "their own, empty");
    assertThrows(ForbiddenException.class, () -> grading.page(stranger, id));
    assertThrows(
        ForbiddenException.class, () -> grading.download(stranger, file, "Deltager {0} – fil {1}"));
    assertTrue(grading.queue(stranger, AssignmentViews.QueueFilter.waiting()).isEmpty());
    assertThrows(
        ForbiddenException.class, () -> grading.grade(stranger, id, 0, Map.of(), null, null, true));
    assertEquals("min.pdf", grading.download(teacher, file, "Deltager {0} – fil {1}").name());
    assertThrows(NotFoundException.class, () -> grading.page(teacher, 999_999_999L));
    long notEnrolled = newUser("Ikke Tilmeldt", Role.LEARNER);
    assertThrows(NotFoundException.class, () -> work.page(notEnrolled, assignment));
    assertThrows(NotFoundException.class, () -> work.saveDraft(notEnrolled, assignment, "Hej"));
  }

  @Test
  void theQueueListsWaitingWorkOldestFirstAndTheStartPageCountsIt() {
    long assignment = assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long teacher = instructor();
    long before = grading.waiting(teacher);
    long a = learner();
    long b = learner();
    work.saveDraft(a, assignment, "Først");
    work.submit(a, assignment, true, null);
    MovableClock.advance(Duration.ofSeconds(2));
    work.saveDraft(b, assignment, "Så");
    work.submit(b, assignment, true, null);
    List<AssignmentViews.QueueRow> rows =
        grading.queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, null));
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).submittedAt().isBefore(rows.get(1).submittedAt()));
    assertEquals(before + 2, grading.waiting(teacher));
    assertTrue(
        grading
            .queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, Boolean.TRUE))
            .isEmpty(),
        "none late");
  }

  @Test
  void blindGradingHidesTheLearnerInEveryGradersViewAndDownloadNameUntilTheGradeIsReleased()
      throws Exception {
    long assignment = assignment(CompletionCriterion.ON_GRADED_PASS, a -> a.setBlindGrading(true));
    long learner = newUser("Birgitte Blindholm", Role.LEARNER);
    enrolments.enrol(learner, course(), null);
    long teacher = instructor();
    work.upload(learner, assignment, "Birgitte Blindholm – refleksion.pdf", stream(pdf("Om")));
    work.saveDraft(learner, assignment, "Min refleksion.");
    work.submit(learner, assignment, true, null);
    String pattern = "Deltager {0} – fil {1}";

    AssignmentViews.QueueRow row =
        grading
            .queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, null))
            .get(0);
    long id = row.id();
    assertTrue(row.blind());
    assertTrue(row.learner().hidden());
    assertEquals(id, row.learner().number(), "the pseudonym is the submission's own number");
    GradingPage page = grading.page(teacher, id);
    AssignmentViews.FileRow file = page.current().files().get(0);
    assertTrue(page.learner().hidden());
    assertTrue(file.hidden());
    assertEquals(1, file.number());
    assertEquals(
        "Deltager " + id + " – fil 1.pdf", grading.download(teacher, file.id(), pattern).name());
    for (Object view :
        List.of(
            row,
            page,
            grading.queue(teacher, AssignmentViews.QueueFilter.waiting()),
            grading.releasable(
                teacher, new AssignmentViews.QueueFilter(null, assignment, null, null)),
            grading.download(teacher, file.id(), pattern))) {
      assertFalse(view.toString().contains("Blindholm"), view.toString());
    }

    Map<String, byte[]> zip = archive(teacher, assignment);
    assertEquals(
        List.of(
            "Deltager " + id + "/Version 1 – tekst.html",
            "Deltager " + id + "/Version 1 – Deltager " + id + " – fil 1.pdf"),
        List.copyOf(zip.keySet()),
        "the archive's folder and file names are the pseudonym's");
    assertFalse(csv(teacher, assignment).contains("Blindholm"));
    assertTrue(csv(teacher, assignment).contains("\r\nDeltager " + id + ";Afleveret;"));

    grading.grade(teacher, id, page.version(), all(page, "PASS"), null, "Godt set.", false);
    page = grading.page(teacher, id);
    assertTrue(page.learner().hidden(), "a grade saved, not released, keeps it hidden");
    assertFalse(csv(teacher, assignment).contains("Blindholm"), "saved, not released");
    assertFalse(
        grading
            .releasable(teacher, new AssignmentViews.QueueFilter(null, assignment, null, null))
            .toString()
            .contains("Blindholm"));
    assertTrue(returnedWork.of(assignment).isEmpty(), "nothing returned yet");

    grading.releaseSaved(teacher, Map.of(id, page.version()));
    page = grading.page(teacher, id);
    assertEquals("Birgitte Blindholm", page.learner().name(), "released: the name is shown");
    assertEquals("Birgitte Blindholm – refleksion.pdf", page.current().files().get(0).name());
    assertEquals(
        "Birgitte Blindholm – refleksion.pdf",
        grading.download(teacher, file.id(), pattern).name());
    assertTrue(
        archive(teacher, assignment)
            .containsKey(
                "Birgitte Blindholm (" + id + ")/Version 1 – Birgitte Blindholm – refleksion.pdf"));
    assertTrue(csv(teacher, assignment).contains("\r\nBirgitte Blindholm;Bedømt;"));
    WorkReturned returned = returnedWork.of(assignment).get(0);
    assertEquals(
        new WorkReturned(id, learner, assignment, WorkReturned.Kind.GRADED, returned.at()),
        returned,
        "ids only");
  }

  @Test
  void savedGradesAreReleasedInBulkAllOrNoneEachReturnedOnceInOneTransaction() {
    long assignment = assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long teacher = instructor();
    long stranger = newUser("Anden Underviser", Role.INSTRUCTOR);
    List<Long> learners = List.of(learner(), learner(), learner());
    for (long l : learners) {
      work.saveDraft(l, assignment, "Min refleksion.");
      work.submit(l, assignment, true, null);
    }
    AssignmentViews.QueueFilter ofIt =
        new AssignmentViews.QueueFilter(null, assignment, null, null);
    List<AssignmentViews.QueueRow> rows = grading.queue(teacher, ofIt);
    for (AssignmentViews.QueueRow r : rows.subList(0, 2)) {
      GradingPage p = grading.page(teacher, r.id());
      grading.grade(teacher, r.id(), p.version(), all(p, "PASS"), null, "Fint.", false);
    }
    List<AssignmentViews.QueueRow> saved = grading.releasable(teacher, ofIt);
    assertEquals(2, saved.size(), "only the grades saved and not released");
    Map<Long, Long> seen = new HashMap<>();
    saved.forEach(r -> seen.put(r.id(), r.lockVersion()));

    assertThrows(ForbiddenException.class, () -> grading.releaseSaved(stranger, seen));
    AssignmentRefused none =
        assertThrows(AssignmentRefused.class, () -> grading.releaseSaved(teacher, Map.of()));
    assertEquals(Reason.NOTHING_TO_RELEASE, none.reason());
    Map<Long, Long> withUngraded = new HashMap<>(seen);
    AssignmentViews.QueueRow ungraded = rows.get(2);
    withUngraded.put(ungraded.id(), ungraded.lockVersion());
    AssignmentRefused notSaved =
        assertThrows(AssignmentRefused.class, () -> grading.releaseSaved(teacher, withUngraded));
    assertEquals(Reason.NOT_RELEASABLE, notSaved.reason());
    GradingPage regraded = grading.page(teacher, saved.get(1).id());
    grading.grade(
        teacher,
        regraded.submissionId(),
        regraded.version(),
        all(regraded, "FAIL"),
        null,
        "Nej.",
        false);
    RuntimeException conflict =
        assertThrows(RuntimeException.class, () -> grading.releaseSaved(teacher, seen));
    assertTrue(
        causes(conflict).anyMatch(jakarta.persistence.OptimisticLockException.class::isInstance),
        conflict.toString());
    assertEquals(2, grading.releasable(teacher, ofIt).size(), "nothing released");
    assertTrue(returnedWork.of(assignment).isEmpty(), "nobody told");

    Map<Long, Long> current = new HashMap<>();
    grading.releasable(teacher, ofIt).forEach(r -> current.put(r.id(), r.lockVersion()));
    assertEquals(2, grading.releaseSaved(teacher, current));
    assertTrue(grading.releasable(teacher, ofIt).isEmpty());
    assertTrue(work.page(learners.get(0), assignment).released().passed());
    assertFalse(work.page(learners.get(1), assignment).released().passed(), "the grade saved last");
    assertEquals(
        ActivityState.COMPLETED,
        progress.course(learners.get(0), course()).progress().status(assignment).state());
    assertEquals(SubmissionStatus.SUBMITTED, work.page(learners.get(2), assignment).status());
    List<WorkReturned> returned = returnedWork.of(assignment);
    assertEquals(
        current.keySet().stream().sorted().toList(),
        returned.stream().map(WorkReturned::submissionId).sorted().toList(),
        "once per submission released");
    assertEquals(
        returnedWork.transactionOf(returned.get(0)),
        returnedWork.transactionOf(returned.get(1)),
        "in one transaction");
    assertNotEquals("null", returnedWork.transactionOf(returned.get(0)));
  }

  @Test
  void eachInstructorKeepsTheirOwnCommentBankAndBadCommentsAreRefusedWithNothingStored() {
    long teacher = instructor();
    long colleague = instructor();
    long first = bank.add(teacher, "  Godt set – du kobler situationen til modulets begreber.  ");
    long second = bank.add(teacher, "Uddyb gerne, hvad du selv gjorde.");
    assertEquals(
        List.of(
            "Godt set – du kobler situationen til modulets begreber.",
            "Uddyb gerne, hvad du selv gjorde."),
        bank.comments(teacher).stream().map(c -> c.text()).toList(),
        "kept stripped, in the order added");
    assertTrue(bank.comments(colleague).isEmpty(), "another instructor's bank is their own");
    for (Map.Entry<String, Reason> bad :
        Map.of(
                "   ",
                Reason.COMMENT_EMPTY,
                "x".repeat(1001),
                Reason.COMMENT_TOO_LONG,
                "Uddyb gerne, hvad du selv gjorde.",
                Reason.COMMENT_DUPLICATE)
            .entrySet()) {
      AssignmentRefused refused =
          assertThrows(AssignmentRefused.class, () -> bank.add(teacher, bad.getKey()));
      assertEquals(bad.getValue(), refused.reason());
    }
    assertEquals(2, bank.comments(teacher).size(), "nothing stored");
    assertThrows(NotFoundException.class, () -> bank.remove(colleague, first));
    assertEquals(2, bank.comments(teacher).size());
    bank.remove(teacher, first);
    assertEquals(List.of(second), bank.comments(teacher).stream().map(c -> c.id()).toList());
    assertThrows(NotFoundException.class, () -> bank.remove(teacher, first));
  }

  @Test
  void anAssignmentsSubmissionsComeAsAZipWithSafeNamesAndItsGradesAsDanishCsv() throws Exception {
    long assignment =
        assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a ->
                a.setGrading(
                    dk.medborger.lms.assignments.entity.GradingScheme.DIRECT,
                    java.math.BigDecimal.TEN,
                    java.math.BigDecimal.valueOf(5)));
    long learner = newUser("Søren Ærø-Åsted", Role.LEARNER);
    enrolments.enrol(learner, course(), null);
    long teacher = instructor();
    long stranger = newUser("Anden Underviser", Role.INSTRUCTOR);
    byte[] first = pdf("Første");
    work.upload(learner, assignment, "../../etc/noter.pdf", stream(first));
    work.upload(learner, assignment, "noter.pdf", stream(pdf("Anden")));
    work.saveDraft(learner, assignment, "=HYPERLINK(\"x\") og æøå");
    work.submit(learner, assignment, true, null);
    long id = submission(teacher, assignment, learner);
    GradingPage page = grading.page(teacher, id);
    grading.grade(
        teacher, id, page.version(), Map.of(), new java.math.BigDecimal("6.5"), "Fint.", true);

    Map<String, byte[]> zip = archive(teacher, assignment);
    String folder = "Søren Ærø-Åsted (" + id + ")/";
    assertEquals(
        List.of(
            folder + "Version 1 – tekst.html",
            folder + "Version 1 – noter.pdf",
            folder + "Version 1 – noter (2).pdf"),
        List.copyOf(zip.keySet()),
        "no path from the learner's name, one of each name");
    assertTrue(java.util.Arrays.equals(first, zip.get(folder + "Version 1 – noter.pdf")));
    String document =
        new String(zip.get(folder + "Version 1 – tekst.html"), StandardCharsets.UTF_8);
    assertTrue(document.startsWith("<!DOCTYPE html>"), document);
    assertTrue(
        document.contains("<title>Søren Ærø-Åsted (" + id + ") – Version 1 – tekst</title>"));
    assertTrue(document.contains("default-src 'none'"), "a document that runs no script");
    assertTrue(document.contains("&#61;HYPERLINK(&#34;x&#34;) og æøå"), document);

    String csv = csv(teacher, assignment);
    assertTrue(csv.startsWith("\uFEFFDeltager;Status;Afleveret;Version;For sent;Bedømmelse;"), csv);
    String row = csv.lines().skip(1).findFirst().orElseThrow();
    assertTrue(
        row.matches(
            "Søren Ærø-Åsted;Bedømt;\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2};1;Nej;Bestået;6,5;10;"
                + "\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}"),
        row);
    assertThrows(ForbiddenException.class, () -> archive(stranger, assignment));
    assertThrows(ForbiddenException.class, () -> csv(stranger, assignment));
    assertThrows(NotFoundException.class, () -> csv(teacher, 999_999_999L));
  }

  private Map<String, byte[]> archive(long instructor, long assignment) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeArchive(
        instructor,
        assignment,
        new dk.medborger.lms.assignments.boundary.SubmissionExports.ArchiveNames(
            "Deltager {0}", "Deltager {0} – fil {1}", "Version {0} – tekst", "Version {0} – {1}"),
        out);
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(
            new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private String csv(long instructor, long assignment) throws IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    Map<SubmissionStatus, String> statuses = new java.util.EnumMap<>(SubmissionStatus.class);
    statuses.put(SubmissionStatus.SUBMITTED, "Afleveret");
    statuses.put(SubmissionStatus.IN_GRADING, "Under bedømmelse");
    statuses.put(SubmissionStatus.GRADED, "Bedømt");
    statuses.put(SubmissionStatus.REVISION_REQUESTED, "Sendt tilbage til revision");
    Map<String, String> headings = new java.util.LinkedHashMap<>();
    List.of(
            "Deltager",
            "Status",
            "Afleveret",
            "Version",
            "For sent",
            "Bedømmelse",
            "Point",
            "Maks. point",
            "Frigivet")
        .forEach(
            h ->
                headings.put(
                    dk.medborger.lms.assignments.boundary.SubmissionExports.COLUMNS.get(
                        headings.size()),
                    h));
    exports.writeCsv(
        instructor,
        assignment,
        new dk.medborger.lms.assignments.boundary.SubmissionExports.CsvTexts(
            headings, statuses, "Deltager {0}", "Bestået", "Ikke bestået", "Ja", "Nej"),
        out);
    return out.toString();
  }

  @Test
  void theQueueIsReadAPageAtATimeAndTheNextStepAsksOnlyForTheNeighbours() {
    long assignment = assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long teacher = instructor();
    for (int i = 0; i < 3; i++) {
      long l = learner();
      work.saveDraft(l, assignment, "Tekst " + i);
      work.submit(l, assignment, true, null);
      MovableClock.advance(Duration.ofSeconds(1));
    }
    AssignmentViews.QueueFilter ofIt =
        new AssignmentViews.QueueFilter(null, assignment, null, null);
    List<Long> all = grading.queue(teacher, ofIt).stream().map(r -> r.id()).toList();
    AssignmentViews.QueuePage first = grading.queuePage(teacher, ofIt, 0, 2);
    assertEquals(3, first.total());
    assertEquals(all.subList(0, 2), first.rows().stream().map(r -> r.id()).toList());
    AssignmentViews.QueuePage second = grading.queuePage(teacher, ofIt, 2, 2);
    assertEquals(List.of(all.get(2)), second.rows().stream().map(r -> r.id()).toList());
    assertEquals(3, second.total());

    assertEquals(
        new AssignmentViews.QueuePlace(1, 3, all.get(0), all.get(2)),
        grading.place(teacher, ofIt, all.get(1)));
    assertEquals(
        new AssignmentViews.QueuePlace(0, 3, null, all.get(1)),
        grading.place(teacher, ofIt, all.get(0)));
    AssignmentViews.GradingStep forward =
        grading.step(teacher, ofIt, grading.page(teacher, all.get(0)), true).orElseThrow();
    assertEquals(all.get(1), forward.page().submissionId(), "the step opens the next one");
    assertEquals(all.get(2), forward.beyond(), "and knows there is one after it");
    AssignmentViews.GradingStep back =
        grading.step(teacher, ofIt, grading.page(teacher, all.get(2)), false).orElseThrow();
    assertEquals(all.get(1), back.page().submissionId());
    assertEquals(all.get(0), back.beyond());
    assertTrue(grading.step(teacher, ofIt, grading.page(teacher, all.get(2)), true).isEmpty());
    assertEquals(
        new AssignmentViews.QueuePlace(2, 3, all.get(1), null),
        grading.place(teacher, ofIt, all.get(1)).stepped(all.get(1), true, null),
        "a step counts the place on instead of counting the queue again");
    GradingPage p = grading.page(teacher, all.get(1));
    grading.grade(teacher, all.get(1), p.version(), all(p, "PASS"), null, null, true);
    assertEquals(
        new AssignmentViews.QueuePlace(-1, 2, all.get(0), all.get(2)),
        grading.place(teacher, ofIt, all.get(1)),
        "released: out of the waiting queue, its neighbours still reached");
    Instant now = clock.instant();
    assertEquals(
        new AssignmentViews.QueueCounts(2, 0, List.of(2L, 0L)),
        grading.counts(teacher, ofIt, List.of(now, now.minus(Duration.ofDays(1)))));
    GradingPage oldest = grading.page(teacher, all.get(0));
    grading.grade(teacher, all.get(0), oldest.version(), all(oldest, "PASS"), null, null, false);
    assertEquals(
        new AssignmentViews.QueueCounts(2, 1, List.of()),
        grading.counts(teacher, ofIt, List.of()),
        "one scan counts the queue and the grades saved for a bulk release");
    assertEquals(
        1,
        grading
            .counts(
                teacher,
                new AssignmentViews.QueueFilter(null, assignment, SubmissionStatus.SUBMITTED, null),
                List.of())
            .releasable(),
        "saved grades are counted for release also when the status filter leaves them out");
  }

  private void assertRefused(
      Reason reason, long learner, long assignment, String name, byte[] bytes) throws IOException {
    assertRefused(reason, learner, assignment, name, bytes, 0);
  }

  private void assertRefused(
      Reason reason, long learner, long assignment, String name, byte[] bytes, int padTo) {
    byte[] content = padTo > bytes.length ? Arrays.copyOf(bytes, padTo) : bytes;
    AssignmentRefused refused =
        assertThrows(
            AssignmentRefused.class, () -> work.upload(learner, assignment, name, stream(content)));
    assertEquals(reason, refused.reason(), name);
  }

  private static ByteArrayInputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  private long fileRows() {
    try (EntityManager em = emf.createEntityManager()) {
      return ((Number)
              em.createNativeQuery("SELECT COUNT(*) FROM submission_file").getSingleResult())
          .longValue();
    }
  }

  private long storedFiles() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.walk(store.root())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(store.root().resolve("incoming")))
          .count();
    }
  }

  private List<String> outcomes(long learner, long activity) {
    try (EntityManager em = emf.createEntityManager()) {
      return em.createNativeQuery(
              "SELECT o.outcome FROM activity_outcome o JOIN activity_progress p"
                  + " ON p.id = o.progress_id JOIN enrolment e ON e.id = p.enrolment_id"
                  + " WHERE e.user_id = ? AND p.activity_id = ? AND o.outcome <> 'STARTED'"
                  + " ORDER BY o.id")
          .setParameter(1, learner)
          .setParameter(2, activity)
          .getResultStream()
          .map(o -> String.valueOf(o))
          .toList();
    }
  }

  private static Stream<Throwable> causes(Throwable t) {
    return Stream.iterate(t, e -> e != null, Throwable::getCause);
  }

  @Inject dk.medborger.lms.assignments.control.SubmissionDigest digest;

  @Test
  void anInstructorGetsOneDigestADayThatCountsTheNewWorkAndNamesNoLearner() throws Exception {
    long assignment = assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    long learner = learner();
    long teacher = instructor();
    String mailbox = "underviser." + teacher + "@kommune.example";
    accounts.changeEmail(teacher, mailbox);
    work.saveDraft(learner, assignment, "Min refleksion.");
    work.submit(learner, assignment, true, null);
    java.time.ZonedDateTime now = clock.instant().atZone(java.time.ZoneId.of("Europe/Copenhagen"));
    LocalDate day =
        now.toLocalTime().isBefore(dk.medborger.lms.assignments.control.SubmissionDigest.AT)
            ? now.toLocalDate()
            : now.toLocalDate().plusDays(1);
    assertTrue(digest.queue(day) >= 1);
    assertEquals(0, digest.queue(day), "a day's digest goes once");
    List<jakarta.mail.internet.MimeMessage> mails =
        dk.medborger.lms.testing.TestMailServer.deliver(mailSender::sendDue, mailbox);
    assertEquals(1, mails.size());
    assertTrue(mails.get(0).getSubject().startsWith("Nyt til bedømmelse"));
    String text = String.valueOf(mails.get(0).getContent());
    String title =
        catalog.outline(course()).activitiesInOrder().stream()
            .filter(i -> i.id() == assignment)
            .findFirst()
            .orElseThrow()
            .title();
    assertTrue(text.contains("»" + title + "« i kurset"), text);
    assertTrue(text.contains("/instructor/queue.xhtml"), text);
    assertFalse(text.contains("Test Deltager"), "counts, never names");
  }
}
