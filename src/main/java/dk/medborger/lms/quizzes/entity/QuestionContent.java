package dk.medborger.lms.quizzes.entity;

import java.util.List;

/**
 * What a question asks and how its answers are graded: one immutable version of a question, kept as
 * JSON in {@code question_version.content}. Attempts point at the version the learner saw, so
 * editing a question never changes a past attempt.
 *
 * <p>Which lists a type uses:
 *
 * <ul>
 *   <li>{@code SINGLE_CHOICE}, {@code MULTIPLE_CHOICE}: {@code choices}, each with a fraction of
 *       the points (1 = full, 0.5 = half, negative subtracts).
 *   <li>{@code TRUE_FALSE}: {@code choices} with the keys {@code "true"} and {@code "false"}, the
 *       right one with fraction 1.
 *   <li>{@code SHORT_ANSWER}: {@code choices} as the accepted answers (the text is the pattern,
 *       {@code *} matches any characters), each with its fraction.
 *   <li>{@code NUMERIC}: {@code numbers}.
 *   <li>{@code MATCHING}: {@code pairs}; a pair without prompt is an extra (wrong) answer.
 *   <li>{@code ORDERING}: {@code choices} in the right order (fractions unused).
 *   <li>{@code ESSAY}: none.
 * </ul>
 *
 * @param name a short name for the question bank (GIFT's {@code ::name::})
 * @param text the question as the learner reads it (plain text; line breaks kept)
 * @param points the most the question gives, more than 0
 * @param generalFeedback shown in the review whatever was answered, or null
 */
public record QuestionContent(
    QuestionType type,
    String name,
    String text,
    double points,
    String generalFeedback,
    List<Choice> choices,
    List<NumericAnswer> numbers,
    List<MatchPair> pairs) {

  public QuestionContent {
    choices = choices == null ? List.of() : List.copyOf(choices);
    numbers = numbers == null ? List.of() : List.copyOf(numbers);
    pairs = pairs == null ? List.of() : List.copyOf(pairs);
  }

  /**
   * A choice, an accepted short answer or an item to order.
   *
   * @param key stable within the question version ("a", "b", … or "true"/"false"); what a response
   *     names
   * @param fraction share of the points, -1 to 1
   * @param feedback shown in the review when this choice was given, or null
   */
  public record Choice(String key, String text, double fraction, String feedback) {}

  /**
   * An accepted number: right when the answer is within {@code value ± tolerance}.
   *
   * @param fraction share of the points, 0 to 1
   */
  public record NumericAnswer(double value, double tolerance, double fraction, String feedback) {}

  /**
   * A prompt and its answer; {@code prompt} null makes {@code answer} an extra, wrong option.
   *
   * @param key stable within the question version; what a response names, for prompt and answer
   */
  public record MatchPair(String key, String prompt, String answer) {}
}
