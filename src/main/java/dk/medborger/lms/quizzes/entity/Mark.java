package dk.medborger.lms.quizzes.entity;

/** How one answer was marked. */
public enum Mark {
  CORRECT,
  PARTIAL,
  WRONG,
  BLANK,
  NEEDS_GRADING
}
