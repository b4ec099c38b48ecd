package dk.medborger.lms.quizzes.entity;

/** Where an attempt is: open, handed in with essays still to grade, or graded in full. */
public enum AttemptState {
  IN_PROGRESS,
  AWAITING_GRADING,
  FINISHED
}
