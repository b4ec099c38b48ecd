package dk.medborger.lms.progress.entity;

/**
 * A learner's state in one activity. Not started has no stored row; only {@link #COMPLETED} counts
 * towards module and course completion.
 */
public enum ActivityState {
  NOT_STARTED,
  IN_PROGRESS,
  /** Handed in, waiting for an instructor (an assignment). */
  SUBMITTED,
  /** Handed in, partly graded, waiting for a grader (a quiz with an essay question). */
  AWAITING_GRADING,
  /** Judged and not passed; the learner may try again where the activity allows it. */
  FAILED,
  COMPLETED;

  /** Whether the learner has begun the activity. */
  public boolean started() {
    return this != NOT_STARTED;
  }
}
