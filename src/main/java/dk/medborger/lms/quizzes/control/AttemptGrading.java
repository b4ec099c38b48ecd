package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.quizzes.control.AnswerGrading.Marked;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * From question marks to a quiz grade: an attempt's total, the grade of several attempts by the
 * quiz's grading method, and whether a score passes.
 *
 * <pre>
 * Total t = AttemptGrading.total(marks);                       // 7.5, needs no teacher
 * OptionalDouble g = AttemptGrading.combine(GradingMethod.HIGHEST, List.of(4.0, 7.5, 6.0)); // 7.5
 * boolean ok = AttemptGrading.passed(7.5, 10, 70);              // true
 * </pre>
 */
public final class AttemptGrading {

  private AttemptGrading() {}

  /**
   * An attempt's score so far.
   *
   * @param needsGrading whether an essay still waits for a teacher, so the score may yet rise
   */
  public record Total(double score, boolean needsGrading) {}

  /** The sum of the marks' scores, and whether any of them still needs grading. */
  public static Total total(Collection<Marked> marks) {
    double score = 0;
    boolean needsGrading = false;
    for (Marked mark : marks) {
      score += mark.score();
      needsGrading |= mark.state() == Marked.State.NEEDS_GRADING;
    }
    return new Total(score, needsGrading);
  }

  /**
   * The quiz grade of a learner's attempts by {@code method}; empty when there are no attempts.
   *
   * @param scoresInAttemptOrder the finished attempts' scores, first attempt first; no nulls
   */
  public static OptionalDouble combine(GradingMethod method, List<Double> scoresInAttemptOrder) {
    Objects.requireNonNull(method, "method");
    if (scoresInAttemptOrder.isEmpty()) {
      return OptionalDouble.empty();
    }
    return switch (method) {
      case HIGHEST -> scoresInAttemptOrder.stream().mapToDouble(Double::doubleValue).max();
      case AVERAGE -> scoresInAttemptOrder.stream().mapToDouble(Double::doubleValue).average();
      case FIRST -> OptionalDouble.of(scoresInAttemptOrder.get(0));
      case LAST -> OptionalDouble.of(scoresInAttemptOrder.get(scoresInAttemptOrder.size() - 1));
    };
  }

  /** {@code score} as a percentage of {@code maxScore}, which must be more than 0. */
  public static double percent(double score, double maxScore) {
    requirePositive(maxScore);
    return 100 * score / maxScore;
  }

  /**
   * Whether {@code score} reaches {@code passPercent} of {@code maxScore}, with a little slack so
   * that a score summed from fractions (0.1 + 0.2 …) is not failed by a rounding error.
   */
  public static boolean passed(double score, double maxScore, double passPercent) {
    requirePositive(maxScore);
    double needed = maxScore * passPercent / 100;
    return score >= needed - 1e-9 * Math.max(1, maxScore);
  }

  private static void requirePositive(double maxScore) {
    if (!(maxScore > 0)) {
      throw new IllegalArgumentException("maxScore must be more than 0: " + maxScore);
    }
  }
}
