package dk.medborger.lms.services;

import static dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem.DUE_MISSING;
import static dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem.DUE_NOT_AFTER_ASSIGNMENT;
import static dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem.DUE_NOT_IN_FUTURE;
import static dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem.NOT_ENROLLED;
import static dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem.NO_DUE_DATE;
import static dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem.REASON_TOO_LONG;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.boundary.AssignmentAuthoring;
import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.AssignmentSettings;
import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem;
import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Settings;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Chosen;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Ref;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Row;
import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentPackages;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentViews;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.assignments.boundary.RubricAuthoring;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.RubricPage;
import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.assignments.control.SubmissionRecords;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.courses.entity.CompletionCriterion;
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
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceUnit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What instructors change of an assignment, through its services on a real Payara Micro and
 * MariaDB: one learner's extension (checked, kept with who, when and why, two instructors at once,
 * a late hand-in made on time and a refused one let in under a movable clock, blind grading kept),
 * the assignment's settings (checked all at once, sanitised, a conflict between two instructors,
 * locked where grades and progress rest on them), its rubric (written, reordered and saved at once;
 * once graded, wording and order only, and no grade saved against an older rubric), and who may do
 * it.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class AssignmentAuthoringIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.application(
        AssignmentAuthoringIT.class, MovableClock.class, AssignmentFixtures.class);
  }

  @Inject AssignmentFixtures fixtures;
  @Inject AssignmentExtensions extensions;
  @Inject AssignmentAuthoring authoring;
  @Inject RubricAuthoring rubrics;
  @Inject SubmissionRecords records;
  @Inject AssignmentWork work;
  @Inject AssignmentGrading grading;
  @Inject LearnerProgress progress;
  @Inject Clock clock;

  @PersistenceUnit EntityManagerFactory emf;

  @Test
  void anExtensionIsCheckedAndKeptWithWhoWhenAndWhyAndAStaleFormIsToldOfTheConflict() {
    Instant now = clock.instant();
    long assignment =
        fixtures.assignment(
            CompletionCriterion.ON_SUBMIT, a -> a.setDates(now.plus(ofDays(2)), null));
    long learner = fixtures.learner("Ida Forlænget");
    long teacher = fixtures.instructor();
    Ref ref = Ref.learner(assignment, learner);

    assertEquals(List.of(DUE_MISSING), extensions.grant(teacher, ref, null, null, null));
    assertEquals(
        List.of(DUE_NOT_IN_FUTURE, DUE_NOT_AFTER_ASSIGNMENT),
        extensions.grant(teacher, ref, now.minus(ofHours(1)), null, null));
    assertEquals(
        List.of(DUE_NOT_AFTER_ASSIGNMENT),
        extensions.grant(teacher, ref, now.plus(ofDays(1)), null, null));
    assertEquals(
        List.of(REASON_TOO_LONG),
        extensions.grant(teacher, ref, now.plus(ofDays(3)), "x".repeat(501), null));
    long notEnrolled = fixtures.newUser("Ikke Tilmeldt", Role.LEARNER);
    assertEquals(
        List.of(NOT_ENROLLED),
        extensions.grant(
            teacher, Ref.learner(assignment, notEnrolled), now.plus(ofDays(3)), null, null));
    assertThrows(
        NotFoundException.class,
        () -> extensions.chosen(teacher, Ref.learner(assignment, notEnrolled)));
    long undated = fixtures.assignment(CompletionCriterion.ON_SUBMIT, a -> {});
    assertEquals(
        List.of(NO_DUE_DATE),
        extensions.grant(teacher, Ref.learner(undated, learner), now.plus(ofDays(3)), null, null));
    assertTrue(extensions.page(teacher, assignment).extensions().isEmpty(), "nothing stored");
    assertTrue(history(assignment, learner).isEmpty());

    Instant due = now.plus(ofDays(4)).truncatedTo(ChronoUnit.MILLIS);
    assertEquals(List.of(), extensions.grant(teacher, ref, due, "  Sygdom  ", null));
    Row row = extensions.page(teacher, assignment).extensions().get(0);
    assertEquals("Ida Forlænget", row.learner().name());
    assertEquals(due, row.dueAt());
    assertEquals("Sygdom", row.reason());
    assertEquals("Test Underviser", row.grantedBy());
    assertFalse(row.grantedAt().isBefore(now.truncatedTo(ChronoUnit.MILLIS)));
    assertEquals(learner, row.ref().learnerId());
    Chosen seen = extensions.chosen(teacher, ref);
    assertEquals(due, seen.dueAt());

    long colleague = fixtures.instructor();
    assertEquals(
        List.of(), extensions.grant(colleague, ref, due.plus(ofDays(1)), null, seen.version()));
    assertThrows(
        OptimisticLockException.class,
        () -> extensions.grant(teacher, ref, due.plus(ofDays(2)), null, seen.version()),
        "changed by a colleague since the form was read");
    assertThrows(
        OptimisticLockException.class,
        () -> extensions.grant(teacher, ref, due.plus(ofDays(2)), null, null),
        "a form that saw none does not overwrite one given since");
    assertThrows(
        OptimisticLockException.class, () -> extensions.remove(teacher, ref, seen.version()));
    Chosen holds = extensions.chosen(teacher, ref);
    assertEquals(due.plus(ofDays(1)), holds.dueAt(), "the colleague's date holds");
    assertNull(holds.reason());

    extensions.remove(teacher, ref, holds.version());
    assertFalse(extensions.chosen(teacher, ref).extended());
    assertTrue(extensions.page(teacher, assignment).extensions().isEmpty());
    assertThrows(
        OptimisticLockException.class, () -> extensions.remove(teacher, ref, holds.version()));
    assertEquals(
        List.of(
            "GRANTED " + teacher + " Sygdom",
            "CHANGED " + colleague + " null",
            "REMOVED " + teacher + " null"),
        history(assignment, learner));
  }

  @Test
  void anExtensionMakesALateHandInOnTimeUntilTheGradeIsReleasedAndLetsARefusedOneIn() {
    Instant now = clock.instant();
    long assignment =
        fixtures.assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a -> {
              a.setDates(now.plus(ofHours(1)), now.plus(ofHours(2)));
              a.setLatePolicy(LatePolicy.REFUSE_AFTER_CUTOFF, null);
            });
    long late = fixtures.learner("Test Deltager");
    long released = fixtures.learner("Test Deltager");
    long refused = fixtures.learner("Test Deltager");
    long teacher = fixtures.instructor();
    for (long l : List.of(late, released, refused)) {
      work.saveDraft(l, assignment, "Min refleksion om mødet med borgeren.");
    }
    MovableClock.advance(ofMinutes(90));
    work.submit(late, assignment, true, null);
    work.submit(released, assignment, true, null);
    assertTrue(work.page(late, assignment).versions().get(0).late());
    long releasedId = submissionOf(assignment, released);
    GradingPage page = grading.page(teacher, releasedId);
    grading.grade(teacher, releasedId, page.version(), all(page, "PASS"), null, null, true);

    MovableClock.advance(ofMinutes(60));
    AssignmentRefused closed =
        assertThrows(AssignmentRefused.class, () -> work.submit(refused, assignment, true, null));
    assertEquals(AssignmentRefused.Reason.AFTER_CUTOFF, closed.reason());

    long lateId = submissionOf(assignment, late);
    long seenByGrader = grading.page(teacher, lateId).version();
    Instant extended = clock.instant().plus(ofHours(5));
    for (long l : List.of(late, released, refused)) {
      assertEquals(
          List.of(),
          extensions.grant(teacher, Ref.learner(assignment, l), extended, "Sygdom", null));
    }
    assertFalse(grading.page(teacher, lateId).late(), "handed in within the extension: on time");
    assertFalse(work.page(late, assignment).versions().get(0).late());
    assertEquals(
        1,
        grading
            .queue(teacher, new AssignmentViews.QueueFilter(null, assignment, null, false))
            .size(),
        "the queue's on-time filter finds it");
    assertThrows(
        OptimisticLockException.class,
        () ->
            grading.grade(
                teacher,
                lateId,
                seenByGrader,
                all(grading.page(teacher, lateId), "PASS"),
                null,
                null,
                false),
        "a grader who saw it late is told");
    assertTrue(
        work.page(released, assignment).versions().get(0).late(),
        "a released grade keeps the mark it was given with");

    assertEquals(AssignmentViews.Timing.OPEN, work.page(refused, assignment).timing());
    work.submit(refused, assignment, true, null);
    assertFalse(work.page(refused, assignment).versions().get(0).late(), "let in, on time");

    Chosen chosen = extensions.chosen(teacher, Ref.learner(assignment, late));
    extensions.remove(teacher, Ref.learner(assignment, late), chosen.version());
    assertTrue(grading.page(teacher, lateId).late(), "without the extension: late again");
    assertTrue(work.page(late, assignment).versions().get(0).late());
  }

  @Test
  void aGradeSavedUnderALatePenaltyIsJudgedAgainWhenAnExtensionMakesTheWorkOnTime() {
    Instant now = clock.instant();
    long assignment =
        fixtures.assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a -> {
              a.setDates(now.minus(ofHours(1)), null);
              a.setLatePolicy(LatePolicy.ACCEPT_WITH_PENALTY, 20);
              a.setGrading(GradingScheme.DIRECT, BigDecimal.TEN, BigDecimal.valueOf(7));
            });
    long learner = fixtures.learner("Test Deltager");
    long teacher = fixtures.instructor();
    work.saveDraft(learner, assignment, "Sent, men grundigt.");
    work.submit(learner, assignment, true, null);
    long id = submissionOf(assignment, learner);
    // 8 of 10 less 20 %: 6.4, below the pass mark of 7.
    grading.grade(
        teacher,
        id,
        grading.page(teacher, id).version(),
        Map.of(),
        BigDecimal.valueOf(8),
        "",
        false);
    assertEquals(Boolean.FALSE, grading.page(teacher, id).passed());

    assertEquals(
        List.of(),
        extensions.grant(
            teacher,
            Ref.learner(assignment, learner),
            clock.instant().plus(ofDays(1)),
            null,
            null));
    GradingPage onTime = grading.page(teacher, id);
    assertFalse(onTime.late());
    assertEquals(Boolean.TRUE, onTime.passed(), "8 points on time pass");
    grading.releaseSaved(teacher, Map.of(id, onTime.version()));
    assertEquals(
        0, work.page(learner, assignment).released().points().compareTo(BigDecimal.valueOf(8)));
    assertEquals(
        ActivityState.COMPLETED,
        progress.course(learner, fixtures.course()).progress().status(assignment).state());
  }

  @Test
  void underBlindGradingAParticipantWhoseWorkIsHiddenIsNamedByThePseudonymOnly() {
    Instant now = clock.instant();
    long assignment =
        fixtures.assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a -> {
              a.setDates(now.plus(ofDays(2)), null);
              a.setBlindGrading(true);
            });
    long handedIn = fixtures.learner("Birthe Blindgaard");
    long notYet = fixtures.learner("Carl Endnu Ikke");
    long teacher = fixtures.instructor();
    work.saveDraft(handedIn, assignment, "Min tekst.");
    work.submit(handedIn, assignment, true, null);
    long id = submissionOf(assignment, handedIn);

    List<AssignmentExtensions.LearnerOption> offered =
        extensions.page(teacher, assignment).learners();
    assertTrue(offered.stream().anyMatch(l -> l.id() == notYet));
    assertFalse(offered.stream().anyMatch(l -> l.id() == handedIn), "not offered by name");
    assertThrows(
        NotFoundException.class,
        () -> extensions.chosen(teacher, Ref.learner(assignment, handedIn)));
    assertThrows(
        NotFoundException.class,
        () ->
            extensions.grant(
                teacher, Ref.learner(assignment, handedIn), now.plus(ofDays(3)), null, null));

    Ref ref = extensions.ofSubmission(teacher, id);
    assertNull(ref.learnerId(), "the page reached from the submission knows no learner id");
    Chosen chosen = extensions.chosen(teacher, ref);
    assertTrue(chosen.learner().hidden());
    assertNull(chosen.learner().name());
    assertEquals(id, chosen.learner().number());
    assertEquals(List.of(), extensions.grant(teacher, ref, now.plus(ofDays(3)), "Sygdom", null));
    Row row = extensions.page(teacher, assignment).extensions().get(0);
    assertTrue(row.learner().hidden());
    assertNull(row.ref().learnerId());
    assertEquals(id, row.ref().submissionId());

    GradingPage page = grading.page(teacher, id);
    grading.grade(teacher, id, page.version(), all(page, "PASS"), null, null, true);
    Row revealed = extensions.page(teacher, assignment).extensions().get(0);
    assertEquals("Birthe Blindgaard", revealed.learner().name(), "released: the name");
    assertEquals(handedIn, revealed.ref().learnerId());
  }

  @Test
  void onlyTheCoursesInstructorsSeeAndChangeExtensionsAndWhatDoesNotExistIsNotFound() {
    Instant now = clock.instant();
    long assignment =
        fixtures.assignment(
            CompletionCriterion.ON_SUBMIT, a -> a.setDates(now.plus(ofDays(1)), null));
    long other =
        fixtures.assignment(
            CompletionCriterion.ON_SUBMIT, a -> a.setDates(now.plus(ofDays(1)), null));
    long learner = fixtures.learner("Test Deltager");
    long teacher = fixtures.instructor();
    long stranger = fixtures.newUser("Anden Underviser", Role.INSTRUCTOR);
    work.saveDraft(learner, other, "Tekst.");
    long otherSubmission = submissionOf(other, learner);
    Ref ref = Ref.learner(assignment, learner);
    assertThrows(ForbiddenException.class, () -> extensions.page(stranger, assignment));
    assertThrows(ForbiddenException.class, () -> extensions.chosen(stranger, ref));
    assertThrows(
        ForbiddenException.class, () -> extensions.ofSubmission(stranger, otherSubmission));
    assertThrows(
        ForbiddenException.class,
        () -> extensions.grant(stranger, ref, now.plus(ofDays(2)), null, null));
    assertThrows(ForbiddenException.class, () -> extensions.remove(stranger, ref, null));
    assertTrue(extensions.page(teacher, assignment).extensions().isEmpty());

    assertThrows(NotFoundException.class, () -> extensions.page(teacher, 999_999_999L));
    assertThrows(NotFoundException.class, () -> extensions.ofSubmission(teacher, 999_999_999L));
    assertThrows(
        NotFoundException.class,
        () -> extensions.chosen(teacher, new Ref(assignment, null, otherSubmission)),
        "a submission of another assignment");
  }

  private static Settings with(
      Settings s,
      String title,
      LatePolicy policy,
      Integer penalty,
      boolean blind,
      CompletionCriterion completion,
      GradingScheme grading,
      String max,
      String pass) {
    return new Settings(
        title,
        s.instructions(),
        s.dueAt(),
        s.cutoffAt(),
        policy,
        penalty,
        s.acceptsText(),
        s.acceptsFiles(),
        s.maxFiles(),
        s.maxFileMegabytes(),
        s.allowedTypes(),
        blind,
        completion,
        grading,
        max == null ? null : new BigDecimal(max),
        pass == null ? null : new BigDecimal(pass));
  }

  private static Settings titled(Settings s, String title) {
    return with(
        s,
        title,
        s.latePolicy(),
        s.latePenaltyPercent(),
        s.blindGrading(),
        s.completion(),
        s.grading(),
        s.maxPoints() == null ? null : s.maxPoints().toPlainString(),
        s.passPoints() == null ? null : s.passPoints().toPlainString());
  }

  @Test
  void settingsAreCheckedAllAtOnceSavedAllOrNothingWithTheInstructionsSanitised() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    long assignment = fixtures.assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long teacher = fixtures.instructor();
    long learner = fixtures.learner("Test Deltager");
    AssignmentSettings before = authoring.settings(teacher, assignment);
    Settings bad =
        new Settings(
            " ",
            "<p>Skriv.</p>",
            now.plus(ofDays(2)),
            now.plus(ofDays(1)),
            LatePolicy.REFUSE_AFTER_CUTOFF,
            null,
            false,
            false,
            0,
            0,
            List.of(),
            false,
            CompletionCriterion.ON_GRADED_PASS,
            GradingScheme.PASS_FAIL_RUBRIC,
            null,
            null);
    assertEquals(
        List.of(
            Problem.TITLE,
            Problem.CUTOFF_BEFORE_DUE,
            Problem.NO_SUBMISSION_TYPE,
            Problem.MAX_FILES,
            Problem.MAX_FILE_SIZE),
        authoring.saveSettings(teacher, assignment, before.version(), bad));
    AssignmentSettings unchanged = authoring.settings(teacher, assignment);
    assertEquals(before.settings(), unchanged.settings(), "nothing saved");
    assertEquals(before.version(), unchanged.version());

    Settings good =
        new Settings(
            "  Testopgave om skranken  ",
            "<p onclick=\"steal()\">Skriv <strong>kort</strong>.</p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\">her</a>",
            now.plus(ofDays(2)),
            now.plus(ofDays(3)),
            LatePolicy.ACCEPT_WITH_PENALTY,
            10,
            true,
            true,
            5,
            10,
            List.of("text/plain", "application/pdf"),
            false,
            CompletionCriterion.ON_SUBMIT,
            GradingScheme.DIRECT,
            new BigDecimal("20"),
            new BigDecimal("12.5"));
    assertEquals(List.of(), authoring.saveSettings(teacher, assignment, before.version(), good));
    AssignmentSettings after = authoring.settings(teacher, assignment);
    assertTrue(after.version() > before.version());
    assertEquals("Testopgave om skranken", after.assignment().title(), "the outline read anew");
    assertEquals(CompletionCriterion.ON_SUBMIT, after.assignment().criterion());
    String kept = after.instructions();
    assertTrue(kept.contains("<strong>kort</strong>"), kept);
    assertFalse(kept.contains("script") || kept.contains("onclick"), kept);
    assertFalse(kept.contains("javascript"), kept);
    assertEquals(now.plus(ofDays(2)), after.settings().dueAt());
    assertEquals(now.plus(ofDays(3)), after.settings().cutoffAt());
    assertEquals(10, after.settings().latePenaltyPercent());
    assertEquals(5, after.settings().maxFiles());
    assertEquals(10, after.settings().maxFileMegabytes());
    assertEquals(List.of("application/pdf", "text/plain"), after.settings().allowedTypes());
    assertEquals(0, after.settings().passPoints().compareTo(new BigDecimal("12.5")));
    AssignmentViews.LearnerPage seen = work.page(learner, assignment);
    assertEquals(10L * 1024 * 1024, seen.settings().maxFileBytes(), "the learner's limits");
    assertEquals(kept, seen.instructions());
  }

  @Test
  void twoInstructorsSavingAtOnceTheSecondIsToldAndNothingOfTheirsIsSaved() {
    long assignment = fixtures.assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long first = fixtures.instructor();
    long second = fixtures.instructor();
    AssignmentSettings seenByFirst = authoring.settings(first, assignment);
    AssignmentSettings seenBySecond = authoring.settings(second, assignment);
    assertEquals(
        List.of(),
        authoring.saveSettings(
            first,
            assignment,
            seenByFirst.version(),
            titled(seenByFirst.settings(), "Den første")));
    assertThrows(
        OptimisticLockException.class,
        () ->
            authoring.saveSettings(
                second,
                assignment,
                seenBySecond.version(),
                titled(seenBySecond.settings(), "Den anden")));
    assertEquals("Den første", authoring.settings(second, assignment).settings().title());
  }

  @Test
  void whatGradesAndProgressFollowFromStaysOnceWorkIsHandedInOrGraded() {
    Instant now = clock.instant();
    long assignment =
        fixtures.assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a -> {
              a.setDates(now.minus(ofHours(1)), null);
              a.setLatePolicy(LatePolicy.ACCEPT_WITH_PENALTY, 20);
              a.setGrading(GradingScheme.DIRECT, BigDecimal.TEN, BigDecimal.valueOf(7));
            });
    long learner = fixtures.learner("Test Deltager");
    long teacher = fixtures.instructor();
    work.saveDraft(learner, assignment, "Min tekst.");
    work.submit(learner, assignment, true, null);
    AssignmentSettings handedIn = authoring.settings(teacher, assignment);
    Settings s = handedIn.settings();
    assertTrue(handedIn.completionLocked());
    assertFalse(handedIn.gradeLocked());
    assertEquals(BlindGrading.SwitchRefused.WORK_HANDED_IN, handedIn.blindSwitch());
    assertEquals(
        List.of(Problem.COMPLETION_LOCKED, Problem.BLIND_WORK_HANDED_IN),
        authoring.saveSettings(
            teacher,
            assignment,
            handedIn.version(),
            with(
                s,
                s.title(),
                s.latePolicy(),
                20,
                true,
                CompletionCriterion.ON_SUBMIT,
                s.grading(),
                "10",
                "7")));

    long id = submissionOf(assignment, learner);
    grading.grade(
        teacher,
        id,
        grading.page(teacher, id).version(),
        Map.of(),
        BigDecimal.valueOf(8),
        "",
        false);
    AssignmentSettings graded = authoring.settings(teacher, assignment);
    assertTrue(graded.gradeLocked());
    for (Settings change :
        List.of(
            with(s, s.title(), s.latePolicy(), 30, false, s.completion(), s.grading(), "10", "7"),
            with(
                s,
                s.title(),
                LatePolicy.ACCEPT_MARK_LATE,
                null,
                false,
                s.completion(),
                s.grading(),
                "10",
                "7"),
            with(s, s.title(), s.latePolicy(), 20, false, s.completion(), s.grading(), "12", "7"),
            with(
                s,
                s.title(),
                s.latePolicy(),
                20,
                false,
                s.completion(),
                GradingScheme.PASS_FAIL_RUBRIC,
                null,
                null))) {
      assertEquals(
          List.of(Problem.GRADE_LOCKED),
          authoring.saveSettings(teacher, assignment, graded.version(), change));
    }
    assertEquals(
        List.of(),
        authoring.saveSettings(
            teacher, assignment, graded.version(), titled(s, "Stadig til at omdøbe")),
        "what no grade rests on still changes");
  }

  @Test
  void blindGradingIsNotSwitchedOffWhileABlindGradeWaitsForRelease() {
    long assignment =
        fixtures.assignment(CompletionCriterion.ON_GRADED_PASS, a -> a.setBlindGrading(true));
    long learner = fixtures.learner("Test Deltager");
    long teacher = fixtures.instructor();
    work.saveDraft(learner, assignment, "Min tekst.");
    work.submit(learner, assignment, true, null);
    long id = submissionOf(assignment, learner);
    GradingPage page = grading.page(teacher, id);
    grading.grade(teacher, id, page.version(), all(page, "PASS"), null, null, false);
    AssignmentSettings saved = authoring.settings(teacher, assignment);
    assertEquals(BlindGrading.SwitchRefused.GRADES_SAVED, saved.blindSwitch());
    Settings s = saved.settings();
    Settings open =
        with(s, s.title(), s.latePolicy(), null, false, s.completion(), s.grading(), null, null);
    assertEquals(
        List.of(Problem.BLIND_GRADES_SAVED),
        authoring.saveSettings(teacher, assignment, saved.version(), open));
    assertTrue(grading.page(teacher, id).learner().hidden(), "still blind");

    grading.releaseSaved(teacher, Map.of(id, grading.page(teacher, id).version()));
    AssignmentSettings released = authoring.settings(teacher, assignment);
    assertNull(released.blindSwitch());
    assertEquals(List.of(), authoring.saveSettings(teacher, assignment, released.version(), open));
    assertFalse(authoring.settings(teacher, assignment).settings().blindGrading());
  }

  @Test
  void onlyTheCoursesInstructorsSeeAndChangeTheSettings() {
    long assignment = fixtures.assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long teacher = fixtures.instructor();
    long stranger = fixtures.newUser("Anden Underviser", Role.INSTRUCTOR);
    AssignmentSettings seen = authoring.settings(teacher, assignment);
    assertThrows(ForbiddenException.class, () -> authoring.settings(stranger, assignment));
    assertThrows(
        ForbiddenException.class,
        () ->
            authoring.saveSettings(
                stranger, assignment, seen.version(), titled(seen.settings(), "Kapret")));
    assertEquals(
        seen.settings().title(), authoring.settings(teacher, assignment).settings().title());
    assertThrows(NotFoundException.class, () -> authoring.settings(teacher, 999_999_999L));
    assertThrows(
        NotFoundException.class,
        () -> authoring.saveSettings(teacher, 999_999_999L, 0, seen.settings()));
  }

  private static RubricAuthoring.Level level(Long id, String title, String points) {
    return new RubricAuthoring.Level(id, title, new BigDecimal(points));
  }

  @Test
  void aRubricIsWrittenReorderedAndCutDownOnThePageAndSavedAllAtOnce() {
    long assignment =
        fixtures.assignment(
            CompletionCriterion.ON_GRADED_PASS,
            a -> a.setGrading(GradingScheme.POINTS_RUBRIC, BigDecimal.TEN, BigDecimal.valueOf(6)),
            List.of(
                new AssignmentPackages.Criterion(
                    "Situationen",
                    "Hvad ville borgeren?",
                    List.of(
                        new AssignmentPackages.Level("Ikke beskrevet", BigDecimal.ZERO),
                        new AssignmentPackages.Level("Beskrevet", BigDecimal.valueOf(4))))));
    long teacher = fixtures.instructor();
    long learner = fixtures.learner("Test Deltager");
    RubricPage before = rubrics.rubric(teacher, assignment);
    assertTrue(before.points());
    assertFalse(before.structureLocked());
    RubricAuthoring.Criterion a = before.criteria().get(0);

    assertEquals(
        List.of(RubricAuthoring.Problem.of(RubricAuthoring.Problem.Kind.NO_CRITERIA)),
        rubrics.save(teacher, assignment, before.version(), List.of()));
    assertEquals(before.criteria(), rubrics.rubric(teacher, assignment).criteria(), "unchanged");

    List<RubricAuthoring.Criterion> written =
        List.of(
            new RubricAuthoring.Criterion(
                null,
                "  Egen indsats  ",
                " ",
                List.of(level(null, "Ikke", "0"), level(null, "Tydeligt", "5"))),
            new RubricAuthoring.Criterion(
                a.id(),
                "Situationen er beskrevet",
                a.description(),
                List.of(
                    a.levels().get(1),
                    level(null, "Delvist", "2"),
                    level(a.levels().get(0).id(), "Slet ikke", "0"))));
    assertEquals(List.of(), rubrics.save(teacher, assignment, before.version(), written));
    RubricPage after = rubrics.rubric(teacher, assignment);
    assertTrue(after.version() > before.version());
    assertEquals(
        List.of("Egen indsats", "Situationen er beskrevet"),
        after.criteria().stream().map(RubricAuthoring.Criterion::title).toList());
    assertNull(after.criteria().get(0).description(), "a blank description is none");
    assertEquals(a.id(), after.criteria().get(1).id(), "kept, not made anew");
    assertEquals(
        List.of("Beskrevet", "Delvist", "Slet ikke"),
        after.criteria().get(1).levels().stream().map(RubricAuthoring.Level::title).toList());
    assertEquals(
        List.of("Egen indsats", "Situationen er beskrevet"),
        work.page(learner, assignment).criteria().stream()
            .map(AssignmentViews.Criterion::title)
            .toList(),
        "the learner sees the rubric as written");
    assertThrows(
        OptimisticLockException.class,
        () -> rubrics.save(teacher, assignment, before.version(), written),
        "saved since the page was read");

    assertEquals(
        List.of(),
        rubrics.save(teacher, assignment, after.version(), List.of(after.criteria().get(1))));
    assertEquals(1, rubrics.rubric(teacher, assignment).criteria().size(), "one removed");
  }

  @Test
  void onceGradedOnlyWordingAndOrderChangeAndNoGradeIsSavedAgainstAnotherRubric() {
    long assignment = fixtures.assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long learner = fixtures.learner("Test Deltager");
    long teacher = fixtures.instructor();
    work.saveDraft(learner, assignment, "Min tekst.");
    work.submit(learner, assignment, true, null);
    long id = submissionOf(assignment, learner);
    GradingPage page = grading.page(teacher, id);
    grading.grade(teacher, id, page.version(), all(page, "PASS"), null, null, false);

    RubricPage graded = rubrics.rubric(teacher, assignment);
    assertTrue(graded.structureLocked());
    List<RubricAuthoring.Criterion> c = graded.criteria();
    RubricAuthoring.Problem locked =
        RubricAuthoring.Problem.of(RubricAuthoring.Problem.Kind.STRUCTURE_LOCKED);
    assertEquals(
        List.of(locked),
        rubrics.save(
            teacher,
            assignment,
            graded.version(),
            List.of(
                c.get(0), c.get(1), new RubricAuthoring.Criterion(null, "Ny", null, List.of()))));
    assertEquals(
        List.of(locked), rubrics.save(teacher, assignment, graded.version(), List.of(c.get(0))));
    assertEquals(c, rubrics.rubric(teacher, assignment).criteria(), "nothing changed");

    List<RubricAuthoring.Criterion> reworded =
        List.of(
            new RubricAuthoring.Criterion(c.get(1).id(), "Kriterium B, rettet", null, List.of()),
            new RubricAuthoring.Criterion(c.get(0).id(), "Kriterium A, rettet", "A", List.of()));
    assertEquals(List.of(), rubrics.save(teacher, assignment, graded.version(), reworded));
    GradingPage regraded = grading.page(teacher, id);
    assertEquals(
        List.of("Kriterium B, rettet", "Kriterium A, rettet"),
        regraded.criteria().stream().map(AssignmentViews.Criterion::title).toList());
    assertTrue(
        regraded.criteria().stream().allMatch(AssignmentViews.Criterion::passed),
        "the judgements kept their criteria");

    // A grade worked out against the rubric before that save is not saved.
    assertThrows(
        OptimisticLockException.class,
        () ->
            records.grade(
                teacher,
                id,
                regraded.version(),
                new SubmissionRecords.Judgement(true, null, "", null, false, graded.version()),
                clock.instant()));
    grading.grade(teacher, id, regraded.version(), all(regraded, "PASS"), null, null, true);
    assertEquals(
        ActivityState.COMPLETED,
        progress.course(learner, fixtures.course()).progress().status(assignment).state());
  }

  @Test
  void onlyTheCoursesInstructorsChangeARubricAndOnlyItsOwnCriteria() {
    long assignment = fixtures.assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long other = fixtures.assignment(CompletionCriterion.ON_GRADED_PASS, a -> {});
    long teacher = fixtures.instructor();
    long stranger = fixtures.newUser("Anden Underviser", Role.INSTRUCTOR);
    RubricPage page = rubrics.rubric(teacher, assignment);
    assertThrows(ForbiddenException.class, () -> rubrics.rubric(stranger, assignment));
    assertThrows(
        ForbiddenException.class,
        () -> rubrics.save(stranger, assignment, page.version(), List.of()));
    RubricAuthoring.Criterion foreign = rubrics.rubric(teacher, other).criteria().get(0);
    assertThrows(
        NotFoundException.class,
        () -> rubrics.save(teacher, assignment, page.version(), List.of(foreign)),
        "another rubric's criterion");
    assertEquals(page.criteria(), rubrics.rubric(teacher, assignment).criteria());
    assertThrows(NotFoundException.class, () -> rubrics.rubric(teacher, 999_999_999L));
  }

  private static Map<Long, String> all(GradingPage page, String judgement) {
    Map<Long, String> j = new HashMap<>();
    page.criteria().forEach(c -> j.put(c.id(), judgement));
    return j;
  }

  private long submissionOf(long assignment, long learner) {
    try (EntityManager em = emf.createEntityManager()) {
      return ((Number)
              em.createNativeQuery(
                      "SELECT id FROM submission WHERE assignment_id = ? AND user_id = ?")
                  .setParameter(1, assignment)
                  .setParameter(2, learner)
                  .getSingleResult())
          .longValue();
    }
  }

  /** The extension's history: action, by whom, reason. */
  private List<String> history(long assignment, long learner) {
    try (EntityManager em = emf.createEntityManager()) {
      List<?> rows =
          em.createNativeQuery(
                  "SELECT CONCAT(action, ' ', done_by, ' ', COALESCE(reason, 'null'))"
                      + " FROM assignment_extension_entry WHERE assignment_id = ? AND user_id = ?"
                      + " ORDER BY id")
              .setParameter(1, assignment)
              .setParameter(2, learner)
              .getResultList();
      return rows.stream().map(String::valueOf).toList();
    }
  }
}
