package dk.medborger.lms.progress.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.progress.control.ProgressRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/**
 * How other components move a learner's progress: a quiz's submit, an assignment's grade, a
 * lesson's "mark as completed" all report an {@link Outcome} here, in the caller's own transaction,
 * and the progress rules decide what it means under the activity's completion criterion.
 *
 * <p>Every write takes the learner's enrolment lock first (ADR 10). A component whose own write
 * must be in turn with progress writes (a quiz attempt being submitted) calls {@link #lock} before
 * it locks its own rows, so that locks are always taken in the same order: enrolment, then the
 * component's rows.
 *
 * <pre>
 * &#64;Transactional void submit(...) {
 *   outcomes.lock(userId, quizId);          // enrolment first
 *   QuizAttempt a = lockAttempt(...);       // then the attempt
 *   ...
 *   outcomes.record(userId, quizId, Outcome.graded(passed, score, max, "QUIZ_ATTEMPT", a.id(), null));
 * }
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ActivityOutcomes {

  @Inject CourseCatalog catalog;

  @Inject ProgressRecords records;

  @Inject Clock clock;

  /**
   * A recorded outcome's effect: the course progress after it, or that the module was locked; with
   * the enrolment's due date, which the caller's page shows.
   */
  public record Recorded(CourseProgress progress, boolean locked, LocalDate dueDate) {}

  /**
   * Locks the learner's enrolment in the course of {@code activityId} until the transaction ends,
   * and returns the enrolment's id; 404 for a learner not enrolled in that course.
   */
  public long lock(long userId, long activityId) {
    return records.lock(userId, catalog.outlineOfActivity(activityId).id());
  }

  /**
   * Records what happened and returns the progress after it. An activity in a locked module is left
   * as it was ({@link Recorded#locked()}); 404 for a learner not enrolled in its course.
   */
  public Recorded record(long userId, long activityId, Outcome outcome) {
    CourseOutline outline = catalog.outlineOfActivity(activityId);
    return records.record(userId, outline, activityId, outcome, clock.instant());
  }

  /**
   * Takes back the learner's own "mark as completed" of {@code activityId}: the activity is open
   * again and a completed course incomplete again, kept in the history as a {@code REOPENED}
   * outcome with source {@code LESSON_UNDO}. Only what the learner completed themselves ({@code
   * MANUAL}); anything else, or an activity that is not completed, is left as it was. An issued
   * certificate stays (ADR 28). 404 for a learner not enrolled in its course.
   */
  public Recorded undoCompletion(long userId, long activityId) {
    CourseOutline outline = catalog.outlineOfActivity(activityId);
    return records.undo(userId, outline, activityId, clock.instant());
  }
}
