package dk.medborger.lms.assignments.entity;

/** How an assignment is graded. */
public enum GradingScheme {
  /** A competence rubric: each criterion "Bestået" or "Ikke bestået"; passed when all are. */
  PASS_FAIL_RUBRIC,
  /** Criteria with levels worth points; the grade is their sum, passed from the pass mark on. */
  POINTS_RUBRIC,
  /** Points given directly, passed from the pass mark on. */
  DIRECT
}
