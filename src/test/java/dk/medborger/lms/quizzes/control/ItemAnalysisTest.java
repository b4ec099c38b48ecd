package dk.medborger.lms.quizzes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.quizzes.control.ItemAnalysis.Attempt;
import dk.medborger.lms.quizzes.control.ItemAnalysis.Mark;
import dk.medborger.lms.quizzes.control.ItemAnalysis.QuestionStatistics;
import dk.medborger.lms.quizzes.control.ItemAnalysis.Report;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ItemAnalysisTest {

  private static final double[] MAX = {1, 1, 2};

  private static Attempt attempt(double... scores) {
    return new Attempt(
        Arrays.stream(new int[] {0, 1, 2})
            .limit(scores.length)
            .mapToObj(q -> new Mark(scores[q], MAX[q]))
            .toList());
  }

  private static void assertAbout(double expected, OptionalDouble actual) {
    assertTrue(actual.isPresent(), "expected " + expected + ", was empty");
    assertEquals(expected, actual.getAsDouble(), 1e-9);
  }

  /**
   * Five attempts at three questions worth 1, 1 and 2 marks.
   *
   * <pre>
   *            Q1  Q2  Q3  total (of 4)
   *   A1        1   1   2   4   100 %
   *   A2        1   0   2   3    75 %
   *   A3        0   1   1   2    50 %
   *   A4        1   0   0   1    25 %
   *   A5        0   0   0   0     0 %
   *
   * Facility: Q1 3/5 = 60 %, Q2 2/5 = 40 %, Q3 5/10 = 50 %.
   *
   * SD (n − 1): Q1 scores 1,1,0,1,0, mean 0.6, squares 3 × 0.16 + 2 × 0.36 = 1.2,
   *   √(1.2 / 4) = 0.5477 → 54.77 % of 1 mark. Q2 the same squares (mean 0.4) → 54.77 %.
   *   Q3 in percent 100,100,50,0,0, mean 50, squares 4 × 2500 = 10000, √(10000 / 4) = 50 %.
   *
   * Discrimination against the rest (total − question):
   *   Q1 rest 3,2,2,0,0 mean 1.4; Σ dq·dr = 0.4·1.6 + 0.4·0.6 − 0.6·0.6 + 0.4·(−1.4) − 0.6·(−1.4)
   *      = 0.64 + 0.24 − 0.36 − 0.56 + 0.84 = 0.8; Σ dr² = 2.56 + 0.36 + 0.36 + 1.96 + 1.96 = 7.2;
   *      r = 0.8 / √(1.2 · 7.2) = 0.8 / 2.93939 = 0.27217 → 27.22.
   *   Q2 rest 3,3,1,1,0 mean 1.6; Σ dq·dr = 0.6·1.4 − 0.4·1.4 + 0.6·(−0.6) − 0.4·(−0.6) − 0.4·(−1.6)
   *      = 0.84 − 0.56 − 0.36 + 0.24 + 0.64 = 0.8; Σ dr² = 1.96 + 1.96 + 0.36 + 0.36 + 2.56 = 7.2
   *      → 27.22 as well.
   *   Q3 scores 2,2,1,0,0 mean 1, rest 2,1,1,1,0 mean 1; Σ dq·dr = 1·1 + 1·0 + 0 + (−1)·0 + (−1)(−1)
   *      = 2; Σ dq² = 4, Σ dr² = 2; r = 2 / √8 = 0.70711 → 70.71.
   *
   * Quiz: totals 100, 75, 50, 25, 0 %: mean 50 %, median 50 %.
   * </pre>
   */
  @Test
  void workedExampleGivesMoodlesNumbers() {
    Report r =
        ItemAnalysis.analyse(
            List.of(
                attempt(1, 1, 2),
                attempt(1, 0, 2),
                attempt(0, 1, 1),
                attempt(1, 0, 0),
                attempt(0, 0, 0)));
    assertEquals(5, r.attempts());
    QuestionStatistics q1 = r.questions().get(0);
    QuestionStatistics q2 = r.questions().get(1);
    QuestionStatistics q3 = r.questions().get(2);
    assertEquals(5, q1.count());
    assertAbout(60, q1.facilityIndex());
    assertAbout(40, q2.facilityIndex());
    assertAbout(50, q3.facilityIndex());
    assertAbout(100 * Math.sqrt(0.3), q1.standardDeviation());
    assertAbout(100 * Math.sqrt(0.3), q2.standardDeviation());
    assertAbout(50, q3.standardDeviation());
    assertAbout(100 * 0.8 / Math.sqrt(1.2 * 7.2), q1.discriminationIndex());
    assertAbout(27.2165526975, q2.discriminationIndex());
    assertAbout(100 / Math.sqrt(2), q3.discriminationIndex());
    assertAbout(50, r.meanPercent());
    assertAbout(50, r.medianPercent());
  }

  @Test
  void aQuestionEveryoneGotRightHasNoDiscrimination() {
    Report r = ItemAnalysis.analyse(List.of(attempt(1, 1), attempt(1, 0), attempt(1, 1)));
    QuestionStatistics easy = r.questions().get(0);
    assertAbout(100, easy.facilityIndex());
    assertAbout(0, easy.standardDeviation());
    assertEquals(OptionalDouble.empty(), easy.discriminationIndex());
  }

  @Test
  void aConstantRestOfTheQuizGivesNoDiscrimination() {
    // Q2's rest is Q1, 0.1 in every attempt; 0.1 + 1 − 1 would not be 0.1 in doubles.
    Report r = ItemAnalysis.analyse(List.of(attempt(0.1, 1), attempt(0.1, 0), attempt(0.1, 1)));
    assertEquals(OptionalDouble.empty(), r.questions().get(1).discriminationIndex());
  }

  @Test
  void oneAttemptHasAFacilityButNoSpreadOrDiscrimination() {
    Report r = ItemAnalysis.analyse(List.of(attempt(1, 0, 1)));
    QuestionStatistics q3 = r.questions().get(2);
    assertAbout(50, q3.facilityIndex());
    assertEquals(OptionalDouble.empty(), q3.standardDeviation());
    assertEquals(OptionalDouble.empty(), q3.discriminationIndex());
    assertAbout(50, r.medianPercent());
  }

  @Test
  void noAttemptsGiveAnEmptyReport() {
    Report r = ItemAnalysis.analyse(List.of());
    assertEquals(0, r.attempts());
    assertEquals(List.of(), r.questions());
    assertEquals(OptionalDouble.empty(), r.meanPercent());
    assertEquals(OptionalDouble.empty(), r.medianPercent());
  }

  @Test
  void medianOfAnEvenNumberOfAttemptsIsTheMiddlePairsMean() {
    Report r =
        ItemAnalysis.analyse(
            List.of(attempt(0, 0, 0), attempt(1, 0, 0), attempt(1, 1, 0), attempt(1, 1, 2)));
    // Totals 0, 25, 50, 100 %: median (25 + 50) / 2, mean 175 / 4.
    assertAbout(37.5, r.medianPercent());
    assertAbout(43.75, r.meanPercent());
  }

  @Test
  void aQuestionWorthNothingHasNoFacility() {
    Report r =
        ItemAnalysis.analyse(
            List.of(
                new Attempt(List.of(new Mark(0, 0), new Mark(1, 1))),
                new Attempt(List.of(new Mark(0, 0), new Mark(0, 1)))));
    assertEquals(OptionalDouble.empty(), r.questions().get(0).facilityIndex());
    assertEquals(OptionalDouble.empty(), r.questions().get(0).standardDeviation());
  }

  @Test
  void attemptsOfDifferentLengthsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ItemAnalysis.analyse(List.of(attempt(1, 1, 1), attempt(1, 1))));
  }
}
