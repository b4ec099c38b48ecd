package dk.medborger.lms.progress.control;

import dk.medborger.lms.courses.entity.EnrolmentStatus;
import dk.medborger.lms.progress.entity.ActivityState;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The rows the learner's pages read with JPQL constructor expressions ({@code SELECT NEW}), checked
 * when the query is compiled instead of cast position by position.
 */
public final class ProgressRows {

  private ProgressRows() {}

  /** One of the learner's enrolments, for the dashboard. */
  public record EnrolmentRow(
      long enrolmentId,
      long courseId,
      String title,
      String summary,
      EnrolmentStatus status,
      int percent,
      LocalDate dueDate,
      Long lastActivityId,
      Instant completedAt) {}

  /** The learner's enrolment in a course with one activity's state (null: none begun). */
  public record LearnerRow(
      long enrolmentId,
      LocalDate dueDate,
      Long lastActivityId,
      Instant lastAccessedAt,
      Instant completedAt,
      Long activityId,
      ActivityState state) {}

  /** One activity state of one of the learner's enrolments. */
  public record StateRow(long enrolmentId, long activityId, ActivityState state) {}
}
