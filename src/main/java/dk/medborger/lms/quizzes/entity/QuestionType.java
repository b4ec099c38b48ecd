package dk.medborger.lms.quizzes.entity;

/** The kinds of question a quiz asks; all but {@link #ESSAY} are graded by the server at submit. */
public enum QuestionType {
  /** One choice is right (or best); {@link QuestionContent#choices()} with fractions. */
  SINGLE_CHOICE,
  /** Several choices count; fractions add up, wrong ones may subtract, never below zero. */
  MULTIPLE_CHOICE,
  /** Two choices, keys {@code "true"} and {@code "false"}. */
  TRUE_FALSE,
  /** Typed text matched against accepted answers (case and spacing ignored, {@code *} wildcard). */
  SHORT_ANSWER,
  /** A number within a tolerance; a Danish decimal comma is accepted. */
  NUMERIC,
  /** Each prompt is matched to one answer; {@link QuestionContent#pairs()}. */
  MATCHING,
  /** The choices are put in order; {@link QuestionContent#choices()} lists the right order. */
  ORDERING,
  /** Free text, graded by hand. */
  ESSAY;

  /** Whether the server grades an answer of this type itself. */
  public boolean autoGraded() {
    return this != ESSAY;
  }
}
