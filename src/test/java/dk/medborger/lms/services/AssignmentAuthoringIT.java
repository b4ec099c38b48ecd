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

import dk.medborger.lms.assignments.boundary.AssignmentExtensions;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Chosen;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Ref;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Row;
import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentViews;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
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
 * and who may do it.
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
