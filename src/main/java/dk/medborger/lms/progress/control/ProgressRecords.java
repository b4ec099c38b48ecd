package dk.medborger.lms.progress.control;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.progress.boundary.ActivityOutcomes.Recorded;
import dk.medborger.lms.progress.boundary.CourseCompleted;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.Outcome;
import dk.medborger.lms.progress.entity.ActivityOutcome;
import dk.medborger.lms.progress.entity.ActivityProgress;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.progress.entity.OutcomeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Every write of a learner's progress: an activity opened, or an outcome reported for it (a lesson
 * completed, a quiz graded …), and with it the enrolment's place to resume and its outcome
 * (percent, completion). Each write first locks the enrolment ({@link Enrolments#lock}) and then
 * reads the learner's activity rows afresh, so writes of one learner in one course take turns: no
 * second "started" row, and the last of two completions at once sees both (ADR 10). Reading a page
 * needs no transaction and takes no lock. Joins the caller's transaction when there is one.
 */
@ApplicationScoped
@Transactional
public class ProgressRecords {

  @PersistenceContext EntityManager em;

  @Inject Enrolments enrolments;

  @Inject Event<CourseCompleted> courseCompleted;

  /** Locks the learner's enrolment in a course; returns its id (404 when not enrolled). */
  public long lock(long userId, long courseId) {
    return enrolments.lock(userId, courseId).getId();
  }

  /** Records that the learner opened {@code activityId}, and returns the progress after it. */
  public CourseProgress opened(
      long enrolmentId, CourseOutline outline, long activityId, Instant now) {
    Enrolment enrolment = enrolments.lock(enrolmentId);
    Map<Long, ActivityProgress> rows = rowsOf(enrolment);
    findOrStart(rows, enrolment, activityId, now).opened(now);
    enrolment.opened(activityId, now);
    return outcome(enrolment, outline, rows, now);
  }

  /**
   * Records an outcome of {@code activityId} under its completion criterion (ProgressRules), keeps
   * it in the history, and returns the progress after it. In a locked module nothing is written.
   * 404 for a course the learner does not take.
   */
  public Recorded record(
      long userId, CourseOutline outline, long activityId, Outcome outcome, Instant now) {
    Enrolment enrolment = enrolments.lock(userId, outline.id());
    Map<Long, ActivityProgress> rows = rowsOf(enrolment);
    CourseProgress before =
        ProgressRules.evaluate(outline, states(rows), enrolment.getLastActivityId());
    if (before.moduleOf(activityId).locked()) {
      return new Recorded(before, true, enrolment.getDueDate());
    }
    CourseOutline.Item activity = outline.activity(activityId).orElseThrow();
    ActivityProgress row = findOrStart(rows, enrolment, activityId, now);
    ActivityState next =
        ProgressRules.stateAfter(row.getStatus(), activity.criterion(), outcome.kind());
    row.apply(next, outcome.score(), outcome.maxScore(), outcome.passed(), now);
    if (outcome.kind() != OutcomeKind.STARTED) {
      if (row.getId() == null) {
        em.flush();
      }
      em.persist(
          new ActivityOutcome(
              row.getId(),
              outcome.kind(),
              next,
              outcome.score(),
              outcome.maxScore(),
              outcome.passed(),
              outcome.source(),
              outcome.sourceId(),
              outcome.recordedBy(),
              now));
    }
    return new Recorded(outcome(enrolment, outline, rows, now), false, enrolment.getDueDate());
  }

  /**
   * Takes back the learner's own completion of {@code activityId} ("undo"): under the enrolment's
   * lock, a completed activity the rules let the learner undo ({@link
   * ProgressRules#learnerMayUndo}) is open again, as a {@code REOPENED} outcome in the history; the
   * course is incomplete again if it was complete. Anything else (not completed, as a second click
   * finds it; not the learner's to undo) writes nothing and returns the progress as it is.
   */
  public Recorded undo(long userId, CourseOutline outline, long activityId, Instant now) {
    Enrolment enrolment = enrolments.lock(userId, outline.id());
    Map<Long, ActivityProgress> rows = rowsOf(enrolment);
    CourseOutline.Item activity = outline.activity(activityId).orElseThrow();
    ActivityProgress row = rows.get(activityId);
    CourseProgress before =
        ProgressRules.evaluate(outline, states(rows), enrolment.getLastActivityId());
    if (row == null
        || before.moduleOf(activityId).locked()
        || !ProgressRules.learnerMayUndo(activity.criterion(), row.getStatus())) {
      return new Recorded(before, before.moduleOf(activityId).locked(), enrolment.getDueDate());
    }
    return record(
        userId, outline, activityId, Outcome.of(OutcomeKind.REOPENED, "LESSON_UNDO", null), now);
  }

  private CourseProgress outcome(
      Enrolment enrolment, CourseOutline outline, Map<Long, ActivityProgress> rows, Instant now) {
    CourseProgress progress =
        ProgressRules.evaluate(outline, states(rows), enrolment.getLastActivityId());
    boolean wasComplete = enrolment.getCompletedAt() != null;
    enrolment.recordOutcome(progress.percent(), progress.complete(), progress.started(), now);
    enrolment.scored(quizPercent(outline, rows), assignmentsPassed(outline, rows));
    if (progress.complete() && !wasComplete) {
      courseCompleted.fire(
          new CourseCompleted(enrolment.getUserId(), outline.id(), enrolment.getId(), now));
    }
    return progress;
  }

  /** How many of the course's assignments are passed. */
  static int assignmentsPassed(CourseOutline outline, Map<Long, ActivityProgress> rows) {
    int passed = 0;
    for (ActivityProgress row : rows.values()) {
      if (Boolean.TRUE.equals(row.getPassed())
          && outline
              .activity(row.getActivityId())
              .map(a -> a.kind() == dk.medborger.lms.courses.entity.ActivityKind.ASSIGNMENT)
              .orElse(false)) {
        passed++;
      }
    }
    return passed;
  }

  /** The average of the scored quizzes, in percent with one decimal; null before any. */
  static java.math.BigDecimal quizPercent(CourseOutline outline, Map<Long, ActivityProgress> rows) {
    double sum = 0;
    int count = 0;
    for (ActivityProgress row : rows.values()) {
      boolean quiz =
          outline
              .activity(row.getActivityId())
              .map(a -> a.kind() == dk.medborger.lms.courses.entity.ActivityKind.QUIZ)
              .orElse(false);
      if (quiz
          && row.getScore() != null
          && row.getMaxScore() != null
          && row.getMaxScore().signum() > 0) {
        sum += 100 * row.getScore().doubleValue() / row.getMaxScore().doubleValue();
        count++;
      }
    }
    return count == 0
        ? null
        : java.math.BigDecimal.valueOf(sum / count).setScale(1, java.math.RoundingMode.HALF_UP);
  }

  /**
   * The learner's activity rows by activity, read after the enrolment's lock was granted: under
   * read-committed isolation (Database) this sees every row the previous writer committed. A plain
   * read: under repeatable read a locking one also locked the index gap after the learner's rows,
   * and two newly enrolled learners inserting their first rows deadlocked on it.
   */
  private Map<Long, ActivityProgress> rowsOf(Enrolment enrolment) {
    Map<Long, ActivityProgress> rows = new HashMap<>();
    for (ActivityProgress row :
        em.createNamedQuery(ActivityProgress.OF_ENROLMENT, ActivityProgress.class)
            .setParameter("enrolmentId", enrolment.getId())
            .getResultList()) {
      rows.put(row.getActivityId(), row);
    }
    return rows;
  }

  private ActivityProgress findOrStart(
      Map<Long, ActivityProgress> rows, Enrolment enrolment, long activityId, Instant now) {
    return rows.computeIfAbsent(
        activityId,
        id -> {
          ActivityProgress row = new ActivityProgress(enrolment, id, now);
          em.persist(row);
          return row;
        });
  }

  private static Map<Long, ActivityState> states(Map<Long, ActivityProgress> rows) {
    Map<Long, ActivityState> states = new HashMap<>();
    rows.forEach((activityId, row) -> states.put(activityId, row.getStatus()));
    return states;
  }
}
