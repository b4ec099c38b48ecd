package dk.medborger.lms.progress.entity;

/** What happened to a learner's activity, as another component reports it ({@code Outcome}). */
public enum OutcomeKind {
  /** Opened or begun (a lesson opened, a quiz attempt started). */
  STARTED,
  /** Done by the learner's own act: a lesson marked completed or read to its end. */
  COMPLETED,
  /** Handed in for an instructor to grade. */
  SUBMITTED,
  /** Handed in and graded in part; a grader must finish it. */
  AWAITING_GRADING,
  /** Graded as passed, with a score. */
  PASSED,
  /** Graded as not passed, with a score. */
  FAILED,
  /** A regrade or a revision: the activity is open again; what it had stays in the history. */
  REOPENED
}
