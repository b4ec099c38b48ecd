package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionContent.Choice;
import dk.medborger.lms.quizzes.entity.QuestionContent.MatchPair;
import dk.medborger.lms.quizzes.entity.QuestionContent.NumericAnswer;
import dk.medborger.lms.quizzes.entity.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades one response to one question version: how much of the points it earns, and which feedback
 * texts the learner sees in the review. Pure: the same question and response give the same mark.
 *
 * <pre>
 * Marked m = AnswerGrading.grade(content, Response.ofText("3,5"));
 * m.fraction(); m.score(); m.state(); m.feedback();
 * </pre>
 *
 * <p>The rules per type:
 *
 * <ul>
 *   <li>{@code SINGLE_CHOICE}, {@code TRUE_FALSE}: the fraction of the chosen key, negative counts
 *       as 0; an unknown key, or more than one key, earns 0.
 *   <li>{@code MULTIPLE_CHOICE}: the fractions of the chosen keys added up (each key once, unknown
 *       keys ignored) and kept within 0 to 1, so wrong choices subtract but never below zero.
 *   <li>{@code SHORT_ANSWER}: the best fraction among the accepted answers that match, as {@link
 *       ShortAnswers#matches} compares them.
 *   <li>{@code NUMERIC}: the text read by {@link Numbers#parse}; the best fraction among the
 *       answers the number lies within; text that is no number earns 0.
 *   <li>{@code MATCHING}: the share of prompts matched to their answer. An answer counts as right
 *       when its text is the prompt's own answer text, so two prompts sharing an answer text are
 *       both right whichever of the two identical options was picked.
 *   <li>{@code ORDERING}: the share of items in their right absolute position (Moodle's ordering
 *       question calls this "absolute position"): simple to explain to a learner, though one item
 *       put first shifts the others and costs them their marks too.
 *   <li>{@code ESSAY}: needs grading by hand.
 * </ul>
 *
 * <p>A blank response is {@link Marked.State#BLANK} with 0 for every type. Feedback lists the
 * feedback of the chosen choices (in the question's order) or of the matched answer; the question's
 * general feedback is not in it, as it is shown whatever was answered.
 */
public final class AnswerGrading {

  /** Below this a fraction counts as 0, above 1 minus this as full marks; absorbs double sums. */
  private static final double EPSILON = 1e-9;

  private AnswerGrading() {}

  /**
   * The grade of one response.
   *
   * @param fraction share of the question's points, 0 to 1
   * @param score {@code fraction} times the question's points
   * @param feedback the feedback texts that apply to what was answered; none blank
   */
  public record Marked(double fraction, double score, State state, List<String> feedback) {

    public Marked {
      feedback = List.copyOf(feedback);
    }

    /** How the response did, for the review's colours and for what still needs a teacher. */
    public enum State {
      CORRECT,
      PARTIAL,
      WRONG,
      BLANK,
      /** An answered essay, which a teacher grades; its fraction is 0 until then. */
      NEEDS_GRADING
    }
  }

  /** Grades {@code response} against the question {@code content}. */
  public static Marked grade(QuestionContent content, Response response) {
    Objects.requireNonNull(content, "content");
    if (response == null || response.blank()) {
      return new Marked(0, 0, Marked.State.BLANK, List.of());
    }
    return switch (content.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> single(content, response);
      case MULTIPLE_CHOICE -> multiple(content, response);
      case SHORT_ANSWER -> shortAnswer(content, response);
      case NUMERIC -> numeric(content, response);
      case MATCHING -> matching(content, response);
      case ORDERING -> ordering(content, response);
      case ESSAY -> new Marked(0, 0, Marked.State.NEEDS_GRADING, List.of());
    };
  }

  private static Marked single(QuestionContent content, Response response) {
    Set<String> keys = new LinkedHashSet<>(response.keys());
    if (keys.size() != 1) {
      // Several keys are no answer to a one-choice question; taking the best would reward guessing.
      return marked(content, 0, List.of());
    }
    String key = keys.iterator().next();
    return content.choices().stream()
        .filter(c -> c.key().equals(key))
        .findFirst()
        .map(c -> marked(content, c.fraction(), feedbackOf(c.feedback())))
        .orElseGet(() -> marked(content, 0, List.of()));
  }

  private static Marked multiple(QuestionContent content, Response response) {
    Set<String> keys = Set.copyOf(response.keys());
    double sum = 0;
    List<String> feedback = new ArrayList<>();
    for (Choice choice : content.choices()) {
      if (keys.contains(choice.key())) {
        sum += choice.fraction();
        feedback.addAll(feedbackOf(choice.feedback()));
      }
    }
    return marked(content, sum, feedback);
  }

  private static Marked shortAnswer(QuestionContent content, Response response) {
    Choice best = null;
    for (Choice accepted : content.choices()) {
      if ((best == null || accepted.fraction() > best.fraction())
          && ShortAnswers.matches(accepted.text(), response.text())) {
        best = accepted;
      }
    }
    return best == null
        ? marked(content, 0, List.of())
        : marked(content, best.fraction(), feedbackOf(best.feedback()));
  }

  private static Marked numeric(QuestionContent content, Response response) {
    OptionalDouble number = Numbers.parse(response.text());
    if (number.isEmpty()) {
      return marked(content, 0, List.of());
    }
    double x = number.getAsDouble();
    NumericAnswer best = null;
    for (NumericAnswer answer : content.numbers()) {
      if ((best == null || answer.fraction() > best.fraction()) && within(x, answer)) {
        best = answer;
      }
    }
    return best == null
        ? marked(content, 0, List.of())
        : marked(content, best.fraction(), feedbackOf(best.feedback()));
  }

  /**
   * Within value ± tolerance, allowing for rounding: 3.5 is within 3.4 ± 0.1 although 3.5 − 3.4 is
   * 0.10000000000000009 in doubles. The slack grows with large numbers, whose doubles are coarser,
   * but stays a millionth of a millionth of them, far below any tolerance a teacher sets.
   */
  static boolean within(double x, NumericAnswer answer) {
    double size = Math.max(Math.abs(x), Math.abs(answer.value()));
    double slack = Math.max(EPSILON, 1e-12 * size);
    return Math.abs(x - answer.value()) <= answer.tolerance() + slack;
  }

  private static Marked matching(QuestionContent content, Response response) {
    Map<String, MatchPair> byKey =
        content.pairs().stream()
            .collect(Collectors.toMap(MatchPair::key, Function.identity(), (a, b) -> a));
    int prompts = 0;
    int right = 0;
    for (MatchPair pair : content.pairs()) {
      if (pair.prompt() == null) {
        continue;
      }
      prompts++;
      String chosenKey = response.matches().get(pair.key());
      MatchPair chosen = chosenKey == null ? null : byKey.get(chosenKey);
      if (chosen != null && Objects.equals(chosen.answer(), pair.answer())) {
        right++;
      }
    }
    return marked(content, prompts == 0 ? 0 : (double) right / prompts, List.of());
  }

  private static Marked ordering(QuestionContent content, Response response) {
    List<Choice> items = content.choices();
    List<String> order = response.keys();
    int inPlace = 0;
    for (int i = 0; i < items.size() && i < order.size(); i++) {
      if (items.get(i).key().equals(order.get(i))) {
        inPlace++;
      }
    }
    return marked(content, items.isEmpty() ? 0 : (double) inPlace / items.size(), List.of());
  }

  private static Marked marked(QuestionContent content, double rawFraction, List<String> feedback) {
    double fraction = Math.max(0, Math.min(1, rawFraction));
    Marked.State state;
    if (fraction >= 1 - EPSILON) {
      fraction = 1;
      state = Marked.State.CORRECT;
    } else if (fraction <= EPSILON) {
      fraction = 0;
      state = Marked.State.WRONG;
    } else {
      state = Marked.State.PARTIAL;
    }
    return new Marked(fraction, fraction * content.points(), state, feedback);
  }

  private static List<String> feedbackOf(String feedback) {
    return feedback == null || feedback.isBlank() ? List.of() : List.of(feedback);
  }
}
