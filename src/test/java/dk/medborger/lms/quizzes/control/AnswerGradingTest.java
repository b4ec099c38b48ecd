package dk.medborger.lms.quizzes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.quizzes.control.AnswerGrading.Marked;
import dk.medborger.lms.quizzes.control.AnswerGrading.Marked.State;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionContent.Choice;
import dk.medborger.lms.quizzes.entity.QuestionContent.MatchPair;
import dk.medborger.lms.quizzes.entity.QuestionContent.NumericAnswer;
import dk.medborger.lms.quizzes.entity.QuestionType;
import dk.medborger.lms.quizzes.entity.Response;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerGradingTest {

  private static QuestionContent choices(QuestionType type, double points, Choice... choices) {
    return new QuestionContent(type, "q", "Spørgsmål", points, null, List.of(choices), null, null);
  }

  private static QuestionContent numeric(NumericAnswer... answers) {
    return new QuestionContent(
        QuestionType.NUMERIC, "q", "Hvor meget?", 2, null, null, List.of(answers), null);
  }

  private static QuestionContent matching(MatchPair... pairs) {
    return new QuestionContent(
        QuestionType.MATCHING, "q", "Par dem", 3, null, null, null, List.of(pairs));
  }

  private static final QuestionContent CAPITAL =
      choices(
          QuestionType.SINGLE_CHOICE,
          2,
          new Choice("a", "København", 1, "Rigtigt, hovedstaden."),
          new Choice("b", "Aarhus", 0, "Danmarks næststørste by."),
          new Choice("c", "Roskilde", -0.5, null));

  private static final QuestionContent NORDIC =
      choices(
          QuestionType.MULTIPLE_CHOICE,
          4,
          new Choice("a", "Danmark", 0.5, "Ja"),
          new Choice("b", "Norge", 0.5, null),
          new Choice("c", "Tyskland", -1, "Nej"),
          new Choice("d", "Holland", -0.25, null));

  private static final QuestionContent FRUIT =
      choices(
          QuestionType.SHORT_ANSWER,
          1,
          new Choice("a", "æble", 1, "Flot"),
          new Choice("b", "*æble*", 0.5, "Næsten"),
          new Choice("c", "pære", 0, "Det er en anden frugt"));

  @ParameterizedTest
  @EnumSource(QuestionType.class)
  void blankResponseIsBlankWithNothingForEveryType(QuestionType type) {
    QuestionContent content = new QuestionContent(type, "q", "t", 1, null, null, null, null);
    for (Response blank :
        List.of(
            Response.ofKeys(List.of()), Response.ofText("  \n"), Response.ofMatches(Map.of()))) {
      Marked m = AnswerGrading.grade(content, blank);
      assertEquals(State.BLANK, m.state());
      assertEquals(0, m.fraction());
      assertEquals(0, m.score());
      assertEquals(List.of(), m.feedback());
    }
  }

  @Test
  void singleChoiceGivesTheChosenFractionOfThePointsAndItsFeedback() {
    Marked m = AnswerGrading.grade(CAPITAL, Response.ofKeys(List.of("a")));
    assertEquals(new Marked(1, 2, State.CORRECT, List.of("Rigtigt, hovedstaden.")), m);
  }

  @Test
  void wrongSingleChoiceShowsItsFeedback() {
    Marked m = AnswerGrading.grade(CAPITAL, Response.ofKeys(List.of("b")));
    assertEquals(new Marked(0, 0, State.WRONG, List.of("Danmarks næststørste by.")), m);
  }

  @Test
  void negativeSingleChoiceCountsAsZero() {
    Marked m = AnswerGrading.grade(CAPITAL, Response.ofKeys(List.of("c")));
    assertEquals(0, m.fraction());
    assertEquals(State.WRONG, m.state());
  }

  @Test
  void unknownKeyEarnsNothing() {
    assertEquals(0, AnswerGrading.grade(CAPITAL, Response.ofKeys(List.of("z"))).fraction());
  }

  @Test
  void severalKeysAreNoAnswerToASingleChoice() {
    Marked m = AnswerGrading.grade(CAPITAL, Response.ofKeys(List.of("a", "b")));
    assertEquals(State.WRONG, m.state());
    assertEquals(0, m.score());
  }

  @Test
  void partialSingleChoiceIsPartial() {
    QuestionContent q =
        choices(
            QuestionType.SINGLE_CHOICE,
            1,
            new Choice("a", "x", 1, null),
            new Choice("b", "y", 0.5, null));
    Marked m = AnswerGrading.grade(q, Response.ofKeys(List.of("b")));
    assertEquals(State.PARTIAL, m.state());
    assertEquals(0.5, m.score());
  }

  @Test
  void trueFalseGradesTheChosenKey() {
    QuestionContent q =
        choices(
            QuestionType.TRUE_FALSE,
            1,
            new Choice("true", "true", 0, "Nej, jorden er rund."),
            new Choice("false", "false", 1, "Ja."));
    assertEquals(
        new Marked(1, 1, State.CORRECT, List.of("Ja.")),
        AnswerGrading.grade(q, Response.ofKeys(List.of("false"))));
    assertEquals(
        new Marked(0, 0, State.WRONG, List.of("Nej, jorden er rund.")),
        AnswerGrading.grade(q, Response.ofKeys(List.of("true"))));
  }

  @Test
  void multipleChoiceAddsTheChosenFractions() {
    Marked m = AnswerGrading.grade(NORDIC, Response.ofKeys(List.of("b", "a")));
    assertEquals(new Marked(1, 4, State.CORRECT, List.of("Ja")), m);
  }

  @Test
  void wrongChoicesSubtractButNeverBelowZero() {
    Marked some = AnswerGrading.grade(NORDIC, Response.ofKeys(List.of("a", "b", "d")));
    assertEquals(0.75, some.fraction(), 1e-12);
    assertEquals(State.PARTIAL, some.state());
    Marked none = AnswerGrading.grade(NORDIC, Response.ofKeys(List.of("a", "c")));
    assertEquals(0, none.fraction());
    assertEquals(State.WRONG, none.state());
    assertEquals(List.of("Ja", "Nej"), none.feedback(), "feedback in the question's order");
  }

  @Test
  void duplicateKeysCountOnce() {
    Marked m = AnswerGrading.grade(NORDIC, Response.ofKeys(List.of("a", "a", "a")));
    assertEquals(0.5, m.fraction());
    assertEquals(List.of("Ja"), m.feedback());
  }

  @Test
  void multipleChoiceIgnoresUnknownKeys() {
    assertEquals(0.5, AnswerGrading.grade(NORDIC, Response.ofKeys(List.of("a", "x"))).fraction());
  }

  @Test
  void fractionsThatSumToOneInDoublesCountAsCorrect() {
    double third = 1.0 / 3;
    QuestionContent q =
        choices(
            QuestionType.MULTIPLE_CHOICE,
            3,
            new Choice("a", "x", third, null),
            new Choice("b", "y", third, null),
            new Choice("c", "z", third, null));
    Marked m = AnswerGrading.grade(q, Response.ofKeys(List.of("a", "b", "c")));
    assertEquals(State.CORRECT, m.state());
    assertEquals(3, m.score());
  }

  @ParameterizedTest
  @ValueSource(strings = {"æble", "ÆBLE", "  Æble ", "\u00a0æble\t"})
  void shortAnswerIgnoresCaseAndSurroundingSpaceAlsoForDanishLetters(String typed) {
    Marked m = AnswerGrading.grade(FRUIT, Response.ofText(typed));
    assertEquals(new Marked(1, 1, State.CORRECT, List.of("Flot")), m);
  }

  @Test
  void shortAnswerCollapsesRunsOfSpaces() {
    QuestionContent q =
        choices(QuestionType.SHORT_ANSWER, 1, new Choice("a", "H.C.  Andersen", 1, null));
    assertEquals(State.CORRECT, AnswerGrading.grade(q, Response.ofText("h.c. andersen")).state());
    assertEquals(State.WRONG, AnswerGrading.grade(q, Response.ofText("hXcX andersen")).state());
  }

  @Test
  void bestMatchingShortAnswerWins() {
    Marked m = AnswerGrading.grade(FRUIT, Response.ofText("et grønt æble"));
    assertEquals(new Marked(0.5, 0.5, State.PARTIAL, List.of("Næsten")), m);
  }

  @Test
  void matchedAnswerWorthNothingStillGivesItsFeedback() {
    Marked m = AnswerGrading.grade(FRUIT, Response.ofText("Pære"));
    assertEquals(new Marked(0, 0, State.WRONG, List.of("Det er en anden frugt")), m);
  }

  @Test
  void shortAnswerThatMatchesNothingIsWrongWithoutFeedback() {
    assertEquals(
        new Marked(0, 0, State.WRONG, List.of()),
        AnswerGrading.grade(FRUIT, Response.ofText("banan")));
  }

  @ParameterizedTest
  @CsvSource({
    "*sen, Andersen, true",
    "*sen, sen, true",
    "a*b*c, aXXbc, true",
    "a*b*c, acb, false",
    "3.5, 3x5, false",
    "(x), (x), true",
    "x+, xx, false",
    "\\*, *, true",
    "\\*, a, false",
    "straße, STRASSE, true",
  })
  void starIsTheOnlyWildcard(String pattern, String typed, boolean matches) {
    assertEquals(matches, ShortAnswers.matches(pattern, typed));
  }

  @Test
  void decomposedDanishLettersEqualPrecomposedOnes() {
    assertTrue(ShortAnswers.matches("Århus", "A\u030Arhus"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3,5|3.5",
        "3.5|3.5",
        " -3,5 |-3.5",
        "+7|7",
        "\u22122|-2",
        "1.234,5|1234.5",
        "1,234.5|1234.5",
        "1.234.567|1234567",
        "1.234|1.234",
        ",5|0.5",
        "5,|5",
        "0|0",
      })
  void danishDecimalCommaIsAccepted(String text, double expected) {
    assertEquals(OptionalDouble.of(expected), Numbers.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "tre",
        "3 5",
        "1e3",
        "NaN",
        "Infinity",
        "-",
        ".",
        "1.23,5",
        "12,34.5",
        "1,2,3",
        "1..5",
        "3,5,",
        "0x10"
      })
  void somethingThatIsNoNumberIsNotParsed(String text) {
    assertEquals(OptionalDouble.empty(), Numbers.parse(text));
  }

  @Test
  void numericAnswerWithinToleranceIsRight() {
    QuestionContent q = numeric(new NumericAnswer(3.4, 0.1, 1, "Godt"));
    assertEquals(
        new Marked(1, 2, State.CORRECT, List.of("Godt")),
        AnswerGrading.grade(q, Response.ofText("3,5")),
        "3.5 - 3.4 is 0.10000000000000009 in doubles");
    assertEquals(State.WRONG, AnswerGrading.grade(q, Response.ofText("3,51")).state());
    assertEquals(State.CORRECT, AnswerGrading.grade(q, Response.ofText("3.3")).state());
  }

  @Test
  void bestMatchingNumericAnswerWins() {
    QuestionContent q =
        numeric(
            new NumericAnswer(100, 50, 0.5, "Tæt på"),
            new NumericAnswer(100, 5, 1, "Præcis"),
            GiftFormat.anyOtherNumber("Langt fra"));
    assertEquals(
        new Marked(1, 2, State.CORRECT, List.of("Præcis")),
        AnswerGrading.grade(q, Response.ofText("102")));
    assertEquals(
        new Marked(0.5, 1, State.PARTIAL, List.of("Tæt på")),
        AnswerGrading.grade(q, Response.ofText("140")));
    assertEquals(
        new Marked(0, 0, State.WRONG, List.of("Langt fra")),
        AnswerGrading.grade(q, Response.ofText("-1.234,5")));
  }

  @Test
  void numericAcceptsDanishThousands() {
    QuestionContent q = numeric(new NumericAnswer(1234.5, 0, 1, null));
    assertEquals(State.CORRECT, AnswerGrading.grade(q, Response.ofText(" 1.234,5 ")).state());
  }

  @Test
  void textThatIsNoNumberIsWrongNotAnError() {
    QuestionContent q = numeric(new NumericAnswer(3, 0, 1, "Godt"));
    assertEquals(
        new Marked(0, 0, State.WRONG, List.of()), AnswerGrading.grade(q, Response.ofText("tre")));
  }

  @Test
  void largeNumbersAllowARoundingErrorOfTheirSizeButNoMore() {
    QuestionContent q = numeric(new NumericAnswer(1234567890.3, 0.1, 1, null));
    // In doubles 1234567890.4 - 1234567890.3 is 0.10000014305114746.
    assertEquals(State.CORRECT, AnswerGrading.grade(q, Response.ofText("1234567890,4")).state());
    assertEquals(State.WRONG, AnswerGrading.grade(q, Response.ofText("1234567890,41")).state());
  }

  private static final QuestionContent CAPITALS =
      matching(
          new MatchPair("a", "Danmark", "København"),
          new MatchPair("b", "Norge", "Oslo"),
          new MatchPair("c", "Sverige", "Stockholm"),
          new MatchPair("d", null, "Helsinki"));

  @Test
  void matchingGivesTheShareOfPromptsMatchedRight() {
    Marked m =
        AnswerGrading.grade(CAPITALS, Response.ofMatches(Map.of("a", "a", "b", "d", "c", "c")));
    assertEquals(2.0 / 3, m.fraction(), 1e-12);
    assertEquals(2, m.score(), 1e-12);
    assertEquals(State.PARTIAL, m.state());
  }

  @Test
  void allPromptsMatchedIsCorrectAndUnansweredPromptsCountAsWrong() {
    assertEquals(
        State.CORRECT,
        AnswerGrading.grade(CAPITALS, Response.ofMatches(Map.of("a", "a", "b", "b", "c", "c")))
            .state());
    assertEquals(
        1.0 / 3,
        AnswerGrading.grade(CAPITALS, Response.ofMatches(Map.of("a", "a"))).fraction(),
        1e-12);
  }

  @Test
  void promptsSharingAnAnswerTextAreRightWithEitherOption() {
    QuestionContent q =
        matching(
            new MatchPair("a", "Hund", "Pattedyr"),
            new MatchPair("b", "Kat", "Pattedyr"),
            new MatchPair("c", "Ørn", "Fugl"));
    Marked m = AnswerGrading.grade(q, Response.ofMatches(Map.of("a", "b", "b", "a", "c", "c")));
    assertEquals(State.CORRECT, m.state());
  }

  @Test
  void unknownMatchKeysAreWrong() {
    assertEquals(
        0, AnswerGrading.grade(CAPITALS, Response.ofMatches(Map.of("a", "zz"))).fraction());
  }

  private static final QuestionContent STEPS =
      choices(
          QuestionType.ORDERING,
          4,
          new Choice("a", "Sikr stedet", 0, null),
          new Choice("b", "Tjek vejrtrækning", 0, null),
          new Choice("c", "Ring 112", 0, null),
          new Choice("d", "Start hjertemassage", 0, null));

  @Test
  void orderingCountsItemsInTheirRightAbsolutePosition() {
    assertEquals(
        new Marked(1, 4, State.CORRECT, List.of()),
        AnswerGrading.grade(STEPS, Response.ofKeys(List.of("a", "b", "c", "d"))));
    Marked swapped = AnswerGrading.grade(STEPS, Response.ofKeys(List.of("a", "c", "b", "d")));
    assertEquals(0.5, swapped.fraction());
    assertEquals(2, swapped.score());
  }

  @Test
  void oneItemMovedToTheFrontCostsEveryShiftedItem() {
    Marked m = AnswerGrading.grade(STEPS, Response.ofKeys(List.of("d", "a", "b", "c")));
    assertEquals(State.WRONG, m.state());
  }

  @Test
  void shortOrderingResponseCountsOnlyThePositionsGiven() {
    assertEquals(0.25, AnswerGrading.grade(STEPS, Response.ofKeys(List.of("a"))).fraction());
  }

  @Test
  void answeredEssayNeedsGrading() {
    QuestionContent q =
        new QuestionContent(QuestionType.ESSAY, "q", "Skriv", 5, null, null, null, null);
    Marked m = AnswerGrading.grade(q, Response.ofText("Mit svar"));
    assertEquals(new Marked(0, 0, State.NEEDS_GRADING, List.of()), m);
    assertFalse(q.type().autoGraded());
  }

  @Test
  void blankFeedbackIsNotListed() {
    QuestionContent q =
        choices(
            QuestionType.SINGLE_CHOICE,
            1,
            new Choice("a", "x", 1, "  "),
            new Choice("b", "y", 0, null));
    assertEquals(List.of(), AnswerGrading.grade(q, Response.ofKeys(List.of("a"))).feedback());
  }
}
