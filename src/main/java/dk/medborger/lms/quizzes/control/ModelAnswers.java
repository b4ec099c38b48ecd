package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionContent.Choice;
import dk.medborger.lms.quizzes.entity.Response;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A full-marks answer to a question, as a learner would give it: for demo data and instructors'
 * previews, never for a learner's page. An essay gets a placeholder text.
 *
 * <pre>
 * Response best = ModelAnswers.of(content);   // AnswerGrading.grade(content, best).fraction() == 1
 * </pre>
 */
public final class ModelAnswers {

  private ModelAnswers() {}

  public static Response of(QuestionContent q) {
    return switch (q.type()) {
      case SINGLE_CHOICE, TRUE_FALSE ->
          Response.ofKeys(
              List.of(
                  q.choices().stream()
                      .max(Comparator.comparingDouble(Choice::fraction))
                      .orElseThrow()
                      .key()));
      case MULTIPLE_CHOICE ->
          Response.ofKeys(
              q.choices().stream().filter(c -> c.fraction() > 0).map(Choice::key).toList());
      case ORDERING -> Response.ofKeys(q.choices().stream().map(Choice::key).toList());
      case SHORT_ANSWER ->
          Response.ofText(
              q.choices().stream()
                  .max(Comparator.comparingDouble(Choice::fraction))
                  .orElseThrow()
                  .text()
                  .replace("*", ""));
      case NUMERIC ->
          Response.ofText(
              BigDecimal.valueOf(
                      q.numbers().stream()
                          .max(Comparator.comparingDouble(QuestionContent.NumericAnswer::fraction))
                          .orElseThrow()
                          .value())
                  .stripTrailingZeros()
                  .toPlainString()
                  .replace('.', ','));
      case MATCHING -> {
        Map<String, String> matches = new HashMap<>();
        q.pairs().stream()
            .filter(p -> p.prompt() != null)
            .forEach(p -> matches.put(p.key(), p.key()));
        yield Response.ofMatches(matches);
      }
      case ESSAY -> Response.ofText("Et eksempel på et svar.");
    };
  }
}
