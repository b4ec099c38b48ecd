package dk.medborger.lms.quizzes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.quizzes.control.AnswerGrading.Marked;
import dk.medborger.lms.quizzes.control.AnswerGrading.Marked.State;
import dk.medborger.lms.quizzes.control.AttemptGrading.Total;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttemptGradingTest {

  private static final List<Double> SCORES = List.of(4.0, 7.5, 6.0, 5.0);

  @Test
  void highestTakesTheBestAttempt() {
    assertEquals(OptionalDouble.of(7.5), AttemptGrading.combine(GradingMethod.HIGHEST, SCORES));
  }

  @Test
  void lastTakesTheLatestAttempt() {
    assertEquals(OptionalDouble.of(5.0), AttemptGrading.combine(GradingMethod.LAST, SCORES));
  }

  @Test
  void firstTakesTheFirstAttempt() {
    assertEquals(OptionalDouble.of(4.0), AttemptGrading.combine(GradingMethod.FIRST, SCORES));
  }

  @Test
  void averageTakesTheMeanOfAllAttempts() {
    assertEquals(OptionalDouble.of(5.625), AttemptGrading.combine(GradingMethod.AVERAGE, SCORES));
  }

  @ParameterizedTest
  @EnumSource(GradingMethod.class)
  void noAttemptsGiveNoGrade(GradingMethod method) {
    assertEquals(OptionalDouble.empty(), AttemptGrading.combine(method, List.of()));
  }

  @ParameterizedTest
  @EnumSource(GradingMethod.class)
  void oneAttemptIsTheGradeWhateverTheMethod(GradingMethod method) {
    assertEquals(OptionalDouble.of(3.0), AttemptGrading.combine(method, List.of(3.0)));
  }

  @Test
  void passingNeedsThePassPercentOfTheMaximum() {
    assertTrue(AttemptGrading.passed(7, 10, 70));
    assertFalse(AttemptGrading.passed(6.99, 10, 70));
    assertTrue(AttemptGrading.passed(10, 10, 100));
    assertTrue(AttemptGrading.passed(0, 10, 0));
  }

  @Test
  void aScoreSummedFromFractionsIsNotFailedByRounding() {
    double score = 0.2 + 0.7; // 0.8999999999999999 in doubles
    assertTrue(score < 0.9);
    assertTrue(AttemptGrading.passed(score, 1, 90));
  }

  @Test
  void percentIsOfTheMaximum() {
    assertEquals(75, AttemptGrading.percent(7.5, 10));
  }

  @Test
  void aMaximumOfZeroIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> AttemptGrading.passed(0, 0, 50));
    assertThrows(IllegalArgumentException.class, () -> AttemptGrading.percent(1, -1));
  }

  @Test
  void totalAddsScoresAndNotesAnEssayWaitingForATeacher() {
    List<Marked> marks =
        List.of(
            new Marked(1, 2, State.CORRECT, List.of()),
            new Marked(0.5, 0.5, State.PARTIAL, List.of()),
            new Marked(0, 0, State.NEEDS_GRADING, List.of()));
    assertEquals(new Total(2.5, true), AttemptGrading.total(marks));
    assertEquals(new Total(2.5, false), AttemptGrading.total(marks.subList(0, 2)));
  }
}
