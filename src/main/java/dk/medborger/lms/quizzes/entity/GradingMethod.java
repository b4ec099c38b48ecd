package dk.medborger.lms.quizzes.entity;

/** Which attempt's score is the quiz's grade when a learner has several (Moodle's four). */
public enum GradingMethod {
  HIGHEST,
  LAST,
  AVERAGE,
  FIRST
}
