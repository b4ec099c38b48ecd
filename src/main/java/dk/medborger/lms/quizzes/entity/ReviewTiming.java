package dk.medborger.lms.quizzes.entity;

/**
 * When a learner may see a part of a finished attempt's review (answers, right answers, feedback).
 */
public enum ReviewTiming {
  NEVER,
  AFTER_SUBMIT,
  AFTER_CLOSE
}
