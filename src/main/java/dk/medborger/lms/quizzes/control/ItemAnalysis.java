package dk.medborger.lms.quizzes.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Per-question statistics of a quiz's attempts, as Moodle's quiz statistics report defines them:
 * facility index, standard deviation and discrimination index, plus the quiz's mean and median.
 *
 * <pre>
 * Report r = ItemAnalysis.analyse(List.of(
 *     new Attempt(List.of(new Mark(1, 1), new Mark(0.5, 2))),
 *     new Attempt(List.of(new Mark(0, 1), new Mark(2, 2)))));
 * r.questions().get(0).facilityIndex();  // 50.0
 * </pre>
 *
 * <ul>
 *   <li>Facility index: the mean score as a percentage of the maximum; higher means easier.
 *   <li>Standard deviation: of the score as a percentage of the maximum, over the attempts (sample
 *       form, divided by n − 1, as Moodle).
 *   <li>Discrimination index: 100 × the Pearson correlation between the question's score and the
 *       score on the rest of the quiz (the attempt's total minus this question), so a question is
 *       not correlated with itself. Above 30 discriminates well; below 0 suggests a flawed
 *       question.
 * </ul>
 *
 * <p>A statistic that is undefined is empty rather than NaN: standard deviation and discrimination
 * need 2 attempts, and discrimination needs both the question's and the rest's scores to vary.
 */
public final class ItemAnalysis {

  private ItemAnalysis() {}

  /** A question's score in one attempt and the most it could give there. */
  public record Mark(double score, double max) {}

  /** One finished attempt: a mark per question, in the quiz's question order. */
  public record Attempt(List<Mark> marks) {
    public Attempt {
      marks = List.copyOf(marks);
    }
  }

  /**
   * The statistics of one question.
   *
   * @param count attempts that include the question
   * @param facilityIndex mean score in percent of the maximum
   * @param standardDeviation of the score in percent of the maximum
   * @param discriminationIndex 100 × correlation with the rest of the quiz, −100 to 100
   */
  public record QuestionStatistics(
      int count,
      OptionalDouble facilityIndex,
      OptionalDouble standardDeviation,
      OptionalDouble discriminationIndex) {}

  /**
   * The statistics of a quiz.
   *
   * @param questions one per question, in the attempts' question order
   * @param meanPercent the mean of the attempts' totals in percent of their maximum
   * @param medianPercent the median of the same
   */
  public record Report(
      int attempts,
      List<QuestionStatistics> questions,
      OptionalDouble meanPercent,
      OptionalDouble medianPercent) {
    public Report {
      questions = List.copyOf(questions);
    }
  }

  /**
   * Statistics of {@code attempts}, which must all have the same number of marks (the quiz's
   * questions); throws {@link IllegalArgumentException} when they do not.
   */
  public static Report analyse(List<Attempt> attempts) {
    int n = attempts.size();
    int questions = n == 0 ? 0 : attempts.get(0).marks().size();
    for (Attempt attempt : attempts) {
      if (attempt.marks().size() != questions) {
        throw new IllegalArgumentException(
            "every attempt needs " + questions + " marks, one has " + attempt.marks().size());
      }
    }
    double[] totals = new double[n];
    double[] maxima = new double[n];
    for (int a = 0; a < n; a++) {
      for (Mark mark : attempts.get(a).marks()) {
        totals[a] += mark.score();
        maxima[a] += mark.max();
      }
    }
    List<QuestionStatistics> statistics = new ArrayList<>();
    for (int q = 0; q < questions; q++) {
      double[] scores = new double[n];
      double[] percents = new double[n];
      double[] rest = new double[n];
      double scoreSum = 0;
      double maxSum = 0;
      for (int a = 0; a < n; a++) {
        Mark mark = attempts.get(a).marks().get(q);
        scores[a] = mark.score();
        percents[a] = mark.max() == 0 ? 0 : 100 * mark.score() / mark.max();
        rest[a] = rest(attempts.get(a), q);
        scoreSum += mark.score();
        maxSum += mark.max();
      }
      statistics.add(
          new QuestionStatistics(
              n,
              maxSum == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * scoreSum / maxSum),
              maxSum == 0 ? OptionalDouble.empty() : sampleStandardDeviation(percents),
              correlation(scores, rest).stream().map(r -> 100 * r).findFirst()));
    }
    double[] totalPercents =
        IntStream.range(0, n)
            .filter(a -> maxima[a] > 0)
            .mapToDouble(a -> 100 * totals[a] / maxima[a])
            .toArray();
    return new Report(n, statistics, mean(totalPercents), median(totalPercents));
  }

  /**
   * The attempt's score without question {@code q}, added up rather than subtracted from the total:
   * 1.1 − 1 is not 0.1 in doubles, and a rest that should be constant would seem to vary.
   */
  private static double rest(Attempt attempt, int q) {
    double rest = 0;
    for (int i = 0; i < attempt.marks().size(); i++) {
      if (i != q) {
        rest += attempt.marks().get(i).score();
      }
    }
    return rest;
  }

  private static OptionalDouble mean(double[] values) {
    return Arrays.stream(values).average();
  }

  private static OptionalDouble median(double[] values) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return OptionalDouble.of(
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
  }

  private static OptionalDouble sampleStandardDeviation(double[] values) {
    if (values.length < 2) {
      return OptionalDouble.empty();
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return OptionalDouble.of(Math.sqrt(squares / (values.length - 1)));
  }

  /**
   * Pearson's r; empty when a side does not vary. Equal values are tested as such, not as a
   * variance near 0, because the mean of equal doubles need not equal them and would leave a tiny
   * variance that makes r noise.
   */
  private static OptionalDouble correlation(double[] x, double[] y) {
    if (x.length < 2 || constant(x) || constant(y)) {
      return OptionalDouble.empty();
    }
    double meanX = Arrays.stream(x).average().orElseThrow();
    double meanY = Arrays.stream(y).average().orElseThrow();
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      varianceX += (x[i] - meanX) * (x[i] - meanX);
      varianceY += (y[i] - meanY) * (y[i] - meanY);
    }
    return OptionalDouble.of(covariance / Math.sqrt(varianceX * varianceY));
  }

  private static boolean constant(double[] values) {
    return Arrays.stream(values).allMatch(v -> v == values[0]);
  }
}
