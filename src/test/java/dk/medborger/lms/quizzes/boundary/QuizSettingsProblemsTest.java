package dk.medborger.lms.quizzes.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.medborger.lms.quizzes.boundary.QuizAuthoring.Problem;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring.Settings;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import dk.medborger.lms.quizzes.entity.ReviewTiming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of a quiz's settings on their own, each limit on both sides. */
class QuizSettingsProblemsTest {

  private static final Instant NOON = Instant.parse("2026-12-24T11:00:00Z");

  private static Settings settings(
      String pass, Integer attempts, Integer minutes, Instant opens, Instant closes) {
    return settings(pass, attempts, minutes, opens, closes, ReviewTiming.AFTER_SUBMIT);
  }

  private static Settings settings(
      String pass,
      Integer attempts,
      Integer minutes,
      Instant opens,
      Instant closes,
      ReviewTiming review) {
    return new Settings(
        pass == null ? null : new BigDecimal(pass),
        attempts,
        GradingMethod.HIGHEST,
        minutes,
        opens,
        closes,
        true,
        false,
        review,
        review,
        review);
  }

  @Test
  void settingsWithinTheirLimitsHaveNoProblems() {
    assertEquals(List.of(), QuizAuthoring.problems(settings("0", 1, 1, null, null)));
    assertEquals(List.of(), QuizAuthoring.problems(settings("100", 50, 600, NOON, null)));
    assertEquals(
        List.of(),
        QuizAuthoring.problems(settings("66.7", null, null, NOON, NOON.plusSeconds(60))));
  }

  @Test
  void eachLimitIsCheckedAndEveryProblemIsListed() {
    assertEquals(
        List.of(Problem.PASS_PERCENT), QuizAuthoring.problems(settings(null, 1, 1, null, null)));
    assertEquals(
        List.of(Problem.PASS_PERCENT), QuizAuthoring.problems(settings("100.1", 1, 1, null, null)));
    assertEquals(
        List.of(Problem.PASS_PERCENT), QuizAuthoring.problems(settings("-1", 1, 1, null, null)));
    assertEquals(
        List.of(Problem.ATTEMPTS, Problem.TIME_LIMIT, Problem.WINDOW),
        QuizAuthoring.problems(settings("60", 51, 601, NOON, NOON)));
    assertEquals(
        List.of(Problem.ATTEMPTS, Problem.TIME_LIMIT),
        QuizAuthoring.problems(settings("60", 0, 0, null, null)));
  }

  @Test
  void aReviewAfterTheCloseNeedsAClosingTime() {
    assertEquals(
        List.of(Problem.REVIEW_NEEDS_CLOSE),
        QuizAuthoring.problems(settings("60", 1, null, null, null, ReviewTiming.AFTER_CLOSE)));
    assertEquals(
        List.of(),
        QuizAuthoring.problems(settings("60", 1, null, null, NOON, ReviewTiming.AFTER_CLOSE)));
  }
}
