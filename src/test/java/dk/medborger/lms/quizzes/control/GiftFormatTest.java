package dk.medborger.lms.quizzes.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.quizzes.control.GiftFormat.GiftError;
import dk.medborger.lms.quizzes.control.GiftFormat.GiftError.Code;
import dk.medborger.lms.quizzes.control.GiftFormat.GiftQuestion;
import dk.medborger.lms.quizzes.control.GiftFormat.Result;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionContent.Choice;
import dk.medborger.lms.quizzes.entity.QuestionContent.MatchPair;
import dk.medborger.lms.quizzes.entity.QuestionContent.NumericAnswer;
import dk.medborger.lms.quizzes.entity.QuestionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GiftFormatTest {

  /** The one question {@code gift} holds, which must read without errors. */
  private static GiftQuestion only(String gift) {
    Result r = GiftFormat.parse(gift);
    assertEquals(List.of(), r.errors());
    assertEquals(1, r.questions().size(), "questions");
    return r.questions().get(0);
  }

  private static QuestionContent content(String gift) {
    return only(gift).content();
  }

  /** The one error {@code gift} has. */
  private static GiftError onlyError(String gift) {
    List<GiftError> errors = GiftFormat.parse(gift).errors();
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    return errors.get(0);
  }

  private static QuestionContent question(
      QuestionType type, String name, String text, String general, List<Choice> choices) {
    return new QuestionContent(type, name, text, 1, general, choices, null, null);
  }

  // ------------------------------------------------------------------------------- question types

  @Test
  void singleChoiceIsReadWithKeysInOrderAndFeedback() {
    QuestionContent q =
        content(
            "::Hovedstad::Hvad er Danmarks hovedstad?"
                + "{=København#Ja, siden 1400-tallet. ~Aarhus#Nej ~Odense}");
    assertEquals(
        question(
            QuestionType.SINGLE_CHOICE,
            "Hovedstad",
            "Hvad er Danmarks hovedstad?",
            null,
            List.of(
                new Choice("a", "København", 1, "Ja, siden 1400-tallet."),
                new Choice("b", "Aarhus", 0, "Nej"),
                new Choice("c", "Odense", 0, null))),
        q);
  }

  @Test
  void tildeWeightsWithoutEqualsMakeMultipleChoice() {
    QuestionContent q = content("Hvilke er nordiske lande?{~%50%Norge ~%50%Island ~%-100%Spanien}");
    assertEquals(QuestionType.MULTIPLE_CHOICE, q.type());
    assertEquals(
        List.of(
            new Choice("a", "Norge", 0.5, null),
            new Choice("b", "Island", 0.5, null),
            new Choice("c", "Spanien", -1, null)),
        q.choices());
  }

  @Test
  void oneFullWeightWithoutEqualsIsStillMultipleChoiceAsInMoodle() {
    assertEquals(QuestionType.MULTIPLE_CHOICE, content("Vælg{~%100%Rigtig ~Forkert}").type());
  }

  @Test
  void anEqualsChoiceMakesSingleChoiceEvenWithPartialWeights() {
    QuestionContent q = content("Bedste svar?{=Bedst ~%33.33333%Næstbedst ~%-50%Dårligt}");
    assertEquals(QuestionType.SINGLE_CHOICE, q.type());
    assertEquals(0.3333333, q.choices().get(1).fraction(), 1e-15);
    assertEquals(-0.5, q.choices().get(2).fraction());
  }

  @Test
  void weightsAcceptADecimalCommaAndSpaces() {
    QuestionContent q = content("Vælg{~% 12,5 %a ~%87.5%b}");
    assertEquals(0.125, q.choices().get(0).fraction());
  }

  @ParameterizedTest
  @CsvSource({"T, 1, 0", "TRUE, 1, 0", "F, 0, 1", "FALSE, 0, 1", "true, 1, 0", "f, 0, 1"})
  void trueFalseIsReadInEveryMoodleSpelling(
      String answer, double trueFraction, double falseFraction) {
    QuestionContent q = content("Jorden er rund.{" + answer + "}");
    assertEquals(
        question(
            QuestionType.TRUE_FALSE,
            "Jorden er rund.",
            "Jorden er rund.",
            null,
            List.of(
                new Choice("true", "true", trueFraction, null),
                new Choice("false", "false", falseFraction, null))),
        q);
  }

  @Test
  void trueFalseFirstFeedbackIsForAWrongAnswerAndTheSecondForARightOne() {
    QuestionContent isTrue = content("Solen er en stjerne.{TRUE#Jo, den er.#Rigtigt.}");
    assertEquals("Rigtigt.", isTrue.choices().get(0).feedback(), "true is right");
    assertEquals("Jo, den er.", isTrue.choices().get(1).feedback(), "false is wrong");
    QuestionContent isFalse = content("Månen er en stjerne.{F#Nej, en måne.#Rigtigt.}");
    assertEquals("Nej, en måne.", isFalse.choices().get(0).feedback(), "true is wrong");
    assertEquals("Rigtigt.", isFalse.choices().get(1).feedback(), "false is right");
  }

  @Test
  void shortAnswersAreReadWithWeightsAndFeedback() {
    QuestionContent q =
        content("Hvilken farve har en brandbil?{=rød =%50%rødlig#Næsten =*orange*#Tæt nok}");
    assertEquals(
        question(
            QuestionType.SHORT_ANSWER,
            "Hvilken farve har en brandbil?",
            "Hvilken farve har en brandbil?",
            null,
            List.of(
                new Choice("a", "rød", 1, null),
                new Choice("b", "rødlig", 0.5, "Næsten"),
                new Choice("c", "*orange*", 1, "Tæt nok"))),
        q);
  }

  @Test
  void shortAnswerWeightOfZeroKeepsAWrongAnswerWithFeedback() {
    QuestionContent q = content("Hovedstad?{=København =%0%Aarhus#Nej, den næststørste by}");
    assertEquals(new Choice("b", "Aarhus", 0, "Nej, den næststørste by"), q.choices().get(1));
  }

  @Test
  void numericAnswerIsReadAsValueAndTolerance() {
    QuestionContent q = content("Hvad er pi med to decimaler?{#3.14:0.005}");
    assertEquals(QuestionType.NUMERIC, q.type());
    assertEquals(List.of(new NumericAnswer(3.14, 0.005, 1, null)), q.numbers());
  }

  @Test
  void numericRangeBecomesItsMiddleAndHalfItsWidth() {
    assertEquals(
        List.of(new NumericAnswer(3, 2, 1, null)), content("Et tal fra 1 til 5?{#1..5}").numbers());
    assertEquals(
        List.of(new NumericAnswer(-3, 2, 1, null)), content("Negativt?{#-5..-1}").numbers());
  }

  @Test
  void numericMayHaveSeveralWeightedAnswersWithFeedback() {
    QuestionContent q =
        content(
            "Hvor mange ben har en edderkop?{#=8:0#Ja =%50%8:2#Tæt på ####Edderkopper har otte.}");
    assertEquals(
        List.of(new NumericAnswer(8, 0, 1, "Ja"), new NumericAnswer(8, 2, 0.5, "Tæt på")),
        q.numbers());
    assertEquals("Edderkopper har otte.", q.generalFeedback());
  }

  @Test
  void numericAnswersMayUseADanishDecimalComma() {
    assertEquals(
        List.of(new NumericAnswer(3.5, 0.25, 1, null)), content("Tal?{#3,5:0,25}").numbers());
  }

  @Test
  void numericWrongAnswerFeedbackMatchesAnyOtherNumber() {
    QuestionContent q = content("Hvor mange dage har en uge?{#=7 ~#Tæl dem igen.}");
    assertEquals(
        List.of(new NumericAnswer(7, 0, 1, null), GiftFormat.anyOtherNumber("Tæl dem igen.")),
        q.numbers());
  }

  @Test
  void matchingPairWithoutPromptIsAnExtraAnswer() {
    QuestionContent q =
        content(
            "Hvilken hovedstad hører til landet?{=Danmark -> København =Norge -> Oslo"
                + " =Sverige->Stockholm = -> Helsinki}");
    assertEquals(QuestionType.MATCHING, q.type());
    assertEquals(
        List.of(
            new MatchPair("a", "Danmark", "København"),
            new MatchPair("b", "Norge", "Oslo"),
            new MatchPair("c", "Sverige", "Stockholm"),
            new MatchPair("d", null, "Helsinki")),
        q.pairs());
  }

  @Test
  void matchingAnswerMayContainAnArrowAfterTheFirst() {
    assertEquals(
        new MatchPair("b", "Forbrænding", "brint -> vand"),
        content("Par{=Rust -> jern -> ilte =Forbrænding -> brint -> vand}").pairs().get(1));
  }

  @Test
  void emptyBlockIsAnEssay() {
    assertEquals(
        question(QuestionType.ESSAY, "Fortæl", "Fortæl om din dag.", null, List.of()),
        content("::Fortæl::Fortæl om din dag.{}"));
  }

  @Test
  void essayMayHaveGeneralFeedback() {
    QuestionContent q = content("Beskriv.{####Husk at nævne kilder.}");
    assertEquals(QuestionType.ESSAY, q.type());
    assertEquals("Husk at nævne kilder.", q.generalFeedback());
  }

  @Test
  void generalFeedbackEndsAnyBlock() {
    QuestionContent q = content("Vælg{=a#godt ~b ####Se kapitel 2.}");
    assertEquals("Se kapitel 2.", q.generalFeedback());
    assertEquals(new Choice("b", "b", 0, null), q.choices().get(1));
    assertEquals("Husk", content("S{T####Husk}").generalFeedback());
  }

  @Test
  void choiceQuestionMayContainArrowsAsInMoodle() {
    QuestionContent q = content("Reaktion?{=2H2 + O2 -> 2H2O ~H2 + O2 -> H2O}");
    assertEquals(QuestionType.SINGLE_CHOICE, q.type());
    assertEquals("2H2 + O2 -> 2H2O", q.choices().get(0).text());
  }

  // ------------------------------------------------------------------------------- the file

  // ------------------------------------------------------------------------------- the file

  @Test
  void questionsAreSeparatedByBlankLinesAndCommentsAreSkipped() {
    Result r =
        GiftFormat.parse(
            """
            // Førstehjælp, version 2
            // question: 1  name: Puls
            ::Puls::Normal hvilepuls?{#60..100}

            // En kommentar midt i filen

            ::Ring::Hvilket nummer ringer du?
            // 112 er rigtigt
            {=112 ~114}
            """);
    assertEquals(List.of(), r.errors());
    assertEquals(2, r.questions().size());
    assertEquals(3, r.questions().get(0).line());
    assertEquals(7, r.questions().get(1).line());
    assertEquals("Hvilket nummer ringer du?", r.questions().get(1).content().text());
  }

  @Test
  void questionMaySpanLinesAndKeepsItsLineBreaks() {
    QuestionContent q =
        content(
            """
            ::Flere linjer::Første linje
            anden linje{
              =ja
              ~nej
            }
            """);
    assertEquals("Første linje\nanden linje", q.text());
    assertEquals(List.of("ja", "nej"), q.choices().stream().map(Choice::text).toList());
  }

  @Test
  void categoryAppliesToTheQuestionsAfterItUntilTheNext() {
    Result r =
        GiftFormat.parse(
            """
            Uden kategori{T}

            $CATEGORY: $course$/top/Førstehjælp
            Et{T}

            To{F}
            $CATEGORY: Brand/Slukning
            Tre{T}

            $CATEGORY:

            Fire{T}
            """);
    assertEquals(List.of(), r.errors());
    assertEquals(
        Arrays.asList(
            null, "$course$/top/Førstehjælp", "$course$/top/Førstehjælp", "Brand/Slukning", null),
        r.questions().stream().map(GiftQuestion::category).toList());
  }

  @Test
  void withoutTitleTheNameIsTheFirstFiftyCharactersOfTheText() {
    QuestionContent q =
        content(
            "Hvad gør du først, når du kommer til en ulykke\\nhvor flere er kommet til skade?"
                + "{=Sikrer stedet ~Ringer 112}");
    assertEquals("Hvad gør du først, når du kommer til en ulykke hvo", q.name());
    assertEquals("Kort", content("::::Kort{T}").name(), "an empty title counts as none");
  }

  @Test
  void escapedSpecialCharactersAreText() {
    QuestionContent q =
        content(
            "::Tegn\\: alle::2 \\= 2\\: \\{sandt\\} \\#1 \\~ \\\\ sti\\nny linje"
                + "{=ja\\: \\~ \\= \\# \\{\\}#fint\\#1 ~nej}");
    assertEquals("Tegn: alle", q.name());
    assertEquals("2 = 2: {sandt} #1 ~ \\ sti\nny linje", q.text());
    assertEquals(new Choice("a", "ja: ~ = # {}", 1, "fint#1"), q.choices().get(0));
  }

  @Test
  void otherBackslashesStayAsWritten() {
    assertEquals("C:\\temp \\d", content("C\\:\\temp \\d{T}").text());
  }

  @Test
  void formatPrefixesAreAcceptedAndDropped() {
    QuestionContent q =
        content("[html]<p>Vælg den <b>rigtige</b></p>{=[markdown]**ja**#[plain]godt ~[moodle]nej}");
    assertEquals("<p>Vælg den <b>rigtige</b></p>", q.text());
    assertEquals(new Choice("a", "**ja**", 1, "godt"), q.choices().get(0));
    assertEquals("nej", q.choices().get(1).text());
    assertEquals("[note] tekst", content("[note] tekst{T}").text(), "not a format");
  }

  @Test
  void missingWordQuestionPutsBlanksInPlaceOfTheBlock() {
    QuestionContent q = content("H.C. Andersen blev født i {=Odense ~Aarhus ~Aalborg}, i 1805.");
    assertEquals("H.C. Andersen blev født i _____, i 1805.", q.text());
    assertEquals(QuestionType.SINGLE_CHOICE, q.type());
    assertEquals(
        "_____ er Danmarks hovedstad.",
        content("{=København ~Aarhus} er Danmarks hovedstad.").text());
  }

  @Test
  void blockAtTheEndLeavesTheTextAsItIs() {
    assertEquals("Vælg:", content("Vælg\\: {=a ~b}   ").text());
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkAreRead() {
    Result r = GiftFormat.parse("\uFEFF// kommentar\r\nEt{T}\r\n\r\nTo\r\n{F}\r\n");
    assertEquals(List.of(), r.errors());
    assertEquals(List.of(2, 4), r.questions().stream().map(GiftQuestion::line).toList());
    assertEquals("To", r.questions().get(1).content().text());
  }

  @Test
  void moodleExportIsRead() {
    Result r =
        GiftFormat.parse(
            """
            // question: 0  name: Switch category to $course$/top/Default for Førstehjælp
            $CATEGORY: $course$/top/Default for Førstehjælp


            // question: 12  name: Puls
            ::Puls::[html]<p>Normal hvilepuls?</p>{#
            \t=%100%80:20#
            }


            // question: 13  name: Farve
            ::Farve::[html]<p>Farven på en brandbil?</p>{
            \t=%100%rød#
            \t=%50%rødlig#<p>Næsten</p>
            }


            // question: 14  name: Sand
            ::Sand::[html]<p>Solen er en stjerne.</p>{TRUE#<p>Forkert</p>#<p>Ja</p>####<p>Om solen</p>}
            """);
    assertEquals(List.of(), r.errors());
    assertEquals(3, r.questions().size());
    assertEquals(
        List.of(new NumericAnswer(80, 20, 1, null)), r.questions().get(0).content().numbers());
    assertEquals(
        List.of(new Choice("a", "rød", 1, null), new Choice("b", "rødlig", 0.5, "<p>Næsten</p>")),
        r.questions().get(1).content().choices());
    assertEquals("<p>Om solen</p>", r.questions().get(2).content().generalFeedback());
    assertEquals(List.of(6, 12, 19), r.questions().stream().map(GiftQuestion::line).toList());
  }

  @Test
  void keysAreGivenLikeSpreadsheetColumns() {
    assertEquals(
        List.of("a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"),
        IntStream.of(0, 1, 25, 26, 27, 51, 52, 701, 702).mapToObj(GiftFormat::key).toList());
  }

  // ------------------------------------------------------------------------------- errors

  @Test
  void unclosedTitleIsReportedWithItsLine() {
    assertEquals(
        new GiftError(3, Code.UNCLOSED_TITLE, null), onlyError("Et{T}\n\n::Navn uden slut{T}"));
  }

  @Test
  void questionWithoutBlockIsReported() {
    assertEquals(
        new GiftError(4, Code.NO_ANSWER_BLOCK, null),
        onlyError("Et{T}\n\n// beskrivelse\nBare en tekst\nover to linjer"));
  }

  @Test
  void unclosedBlockIsReportedWithItsLine() {
    Result r = GiftFormat.parse("Et{T}\n\nSpørgsmål\n{=a\n~b\n\nTre{F}");
    assertEquals(List.of(new GiftError(4, Code.UNCLOSED_ANSWER_BLOCK, null)), r.errors());
    assertEquals(2, r.questions().size(), "the others are read");
  }

  @Test
  void blockOpenedInsideABlockIsAnUnclosedBlock() {
    assertEquals(
        new GiftError(1, Code.UNCLOSED_ANSWER_BLOCK, null), onlyError("Spørgsmål{=a\n{~b}"));
  }

  @Test
  void closingBraceOutsideABlockIsReported() {
    assertEquals(
        new GiftError(2, Code.UNMATCHED_CLOSING_BRACE, null), onlyError("Spørgsmål\n=a} ~b"));
    assertEquals(
        new GiftError(3, Code.UNMATCHED_CLOSING_BRACE, null), onlyError("Spørgsmål{T}\nog\nså}"));
  }

  @Test
  void secondBlockIsReportedWhereItStarts() {
    assertEquals(
        new GiftError(2, Code.SECOND_ANSWER_BLOCK, null),
        onlyError("Et{T}\nTo{F}"),
        "a blank line was forgotten");
  }

  @Test
  void questionWithoutTextIsReported() {
    assertEquals(
        new GiftError(2, Code.EMPTY_QUESTION_TEXT, null), onlyError("\n::Navn::\n{=a ~b}"));
  }

  @Test
  void textBeforeTheFirstMarkerIsAnUnknownAnswerFormat() {
    assertEquals(
        new GiftError(3, Code.UNKNOWN_ANSWER_FORMAT, "rød"),
        onlyError("Et{T}\n\n  Farve?{ rød =blå}"));
    assertEquals(Code.UNKNOWN_ANSWER_FORMAT, onlyError("Sandt?{T ~x}").code());
  }

  @Test
  void emptyAnswerIsReported() {
    assertEquals(new GiftError(3, Code.EMPTY_ANSWER, null), onlyError("Vælg{\n=a\n~\n~c}"));
    assertEquals(Code.EMPTY_ANSWER, onlyError("Hvad?{=a =#kun feedback}").code());
  }

  @Test
  void choiceQuestionNeedsTwoChoices() {
    assertEquals(
        new GiftError(2, Code.TOO_FEW_CHOICES, "1"), onlyError("Vælg\n{~%100%Den eneste}"));
  }

  @Test
  void questionWhereNoAnswerGivesPointsIsReported() {
    assertEquals(new GiftError(2, Code.NO_CORRECT_ANSWER, null), onlyError("Vælg\n{~a\n~%-50%b}"));
    assertEquals(Code.NO_CORRECT_ANSWER, onlyError("Skriv{=%0%a}").code());
    assertEquals(Code.NO_CORRECT_ANSWER, onlyError("Tal{#}").code());
    assertEquals(Code.NO_CORRECT_ANSWER, onlyError("Tal{#=%0%3 ~#Nej}").code());
  }

  @Test
  void badWeightIsReportedOnItsLine() {
    assertEquals(
        new GiftError(3, Code.BAD_WEIGHT, "%abc%"),
        onlyError("::Q::Vælg{\n  =a\n  ~%abc%b\n  ~c\n}"));
    assertEquals("%150%", onlyError("Vælg{~%150%a ~b}").detail());
    assertEquals("%-101%", onlyError("Vælg{~%-101%a ~%100%b}").detail());
    assertEquals("%50 a", onlyError("Vælg{~%50 a ~%100%b}").detail());
    assertEquals("%50%", onlyError("Vælg{=%50%a ~b}").detail(), "a weight belongs after ~");
    assertEquals("%-50%", onlyError("Skriv{=a =%-50%b}").detail(), "short answers are 0 to 100");
    assertEquals(Code.BAD_WEIGHT, onlyError("Tal{#=3 =%-5%4}").code());
  }

  @Test
  void badNumberIsReportedOnItsLine() {
    assertEquals(new GiftError(2, Code.BAD_NUMBER, "tre"), onlyError("Tal\n{#tre}"));
    assertEquals("5..1", onlyError("Tal{#5..1}").detail(), "min above max");
    assertEquals("3:-1", onlyError("Tal{#3:-1}").detail(), "negative tolerance");
    assertEquals("3:x", onlyError("Tal{#=2\n=3:x}").detail());
    assertEquals(2, onlyError("Tal{#=2\n=3:x}").line());
    assertEquals("", onlyError("Tal{#=3 =}").detail());
  }

  @Test
  void badMatchPairIsReportedOnItsLine() {
    assertEquals(
        new GiftError(3, Code.BAD_MATCH_PAIR, "Sverige"),
        onlyError("Par{\n=Danmark -> København\n=Sverige\n=Norge -> Oslo}"));
    assertEquals("Norge ->", onlyError("Par{=Danmark -> København =Norge -> }").detail());
    assertEquals(
        "Norge -> Oslo#godt",
        onlyError("Par{=Danmark -> København =Norge -> Oslo#godt =Sverige -> Stockholm}").detail(),
        "matching has no feedback per pair");
  }

  @Test
  void matchingNeedsTwoPairsWithAPrompt() {
    assertEquals(
        new GiftError(1, Code.TOO_FEW_MATCH_PAIRS, "1"),
        onlyError("Par{=Danmark -> København = -> Oslo}"));
  }

  @Test
  void choiceInANumericBlockIsMixedAnswerKinds() {
    assertEquals(new GiftError(1, Code.MIXED_ANSWER_KINDS, "fire"), onlyError("Tal{#=3 ~fire}"));
  }

  @Test
  void everyErrorOfTheFileIsCollectedInOrder() {
    Result r =
        GiftFormat.parse(
            """
            ::Godt::Et{T}

            ::Dårlige vægte::Vælg{
              ~%x%a
              ~%200%b
              =c
            }

            Ingen blok

            ::Også godt::To{F}
            Tal{#tre}
            """);
    assertEquals(
        List.of(
            new GiftError(4, Code.BAD_WEIGHT, "%x%"),
            new GiftError(5, Code.BAD_WEIGHT, "%200%"),
            new GiftError(9, Code.NO_ANSWER_BLOCK, null),
            new GiftError(12, Code.SECOND_ANSWER_BLOCK, null)),
        r.errors());
    assertEquals(List.of("Godt"), r.questions().stream().map(q -> q.content().name()).toList());
  }

  @Test
  void longDetailIsShortened() {
    String detail = onlyError("Tal{#" + "9".repeat(200) + "x}").detail();
    assertEquals(80, detail.length());
    assertTrue(detail.endsWith("…"));
  }

  /** A file with one error, and the line it is on. */
  private record Sample(String gift, int line) {}

  /** One sample per code; a code added without a sample fails the test below. */
  private static final Map<Code, Sample> SAMPLES =
      Map.ofEntries(
          Map.entry(Code.UNCLOSED_TITLE, new Sample("Et{T}\n\n::Navn{T}", 3)),
          Map.entry(Code.NO_ANSWER_BLOCK, new Sample("Et{T}\n\n// x\nTekst", 4)),
          Map.entry(Code.UNCLOSED_ANSWER_BLOCK, new Sample("Et{T}\n\nSpørgsmål\n{=a\n~b", 4)),
          Map.entry(Code.UNMATCHED_CLOSING_BRACE, new Sample("Spørgsmål{T}\nog\nså}", 3)),
          Map.entry(Code.SECOND_ANSWER_BLOCK, new Sample("Et{T}\nTo{F}", 2)),
          Map.entry(Code.EMPTY_QUESTION_TEXT, new Sample("\n\n::Navn::{T}", 3)),
          Map.entry(Code.UNKNOWN_ANSWER_FORMAT, new Sample("Farve?{\nrød =blå}", 2)),
          Map.entry(Code.EMPTY_ANSWER, new Sample("Vælg{=a\n~}", 2)),
          Map.entry(Code.TOO_FEW_CHOICES, new Sample("Vælg\n{~%100%a}", 2)),
          Map.entry(Code.NO_CORRECT_ANSWER, new Sample("Et{T}\n\nVælg\n{~a\n~%-50%b}", 4)),
          Map.entry(Code.BAD_WEIGHT, new Sample("Vælg{=a\n~%abc%b}", 2)),
          Map.entry(Code.BAD_NUMBER, new Sample("Tal{#\n=3\n=tre}", 3)),
          Map.entry(Code.BAD_MATCH_PAIR, new Sample("Par{=a -> b\n=c}", 2)),
          Map.entry(Code.TOO_FEW_MATCH_PAIRS, new Sample("Par\n{=a -> b\n= -> c}", 2)),
          Map.entry(Code.MIXED_ANSWER_KINDS, new Sample("Tal{#=3\n~fire}", 2)));

  @Test
  void everyCodeIsProducedOnItsLine() {
    assertEquals(EnumSet.allOf(Code.class), SAMPLES.keySet());
    assertAll(
        SAMPLES.entrySet().stream()
            .<Executable>map(
                e ->
                    () -> {
                      GiftError error = onlyError(e.getValue().gift());
                      assertEquals(e.getKey(), error.code(), e.getValue().gift());
                      assertEquals(e.getValue().line(), error.line(), e.getValue().gift());
                    }));
  }

  @Test
  void nothingToReadIsNoQuestionsAndNoErrors() {
    for (String empty : Arrays.asList(null, "", "\n\n", "// bare kommentarer\n// her")) {
      Result r = GiftFormat.parse(empty);
      assertEquals(List.of(), r.questions());
      assertEquals(List.of(), r.errors());
    }
  }

  // ------------------------------------------------------------------------------- writing

  private static GiftQuestion in(String category, QuestionContent content) {
    return new GiftQuestion(category, content, 0);
  }

  /** One question of every type GIFT can express, with what makes writing it hard. */
  private static List<GiftQuestion> everyType() {
    return List.of(
        in(
            "Førstehjælp/Grundlæggende",
            question(
                QuestionType.SINGLE_CHOICE,
                "Hovedstad: {Danmark}",
                "Hvad er Danmarks hovedstad?\nVælg én ~ og kun én = #1",
                "Se kapitel 2: \"Byer\".",
                List.of(
                    new Choice("a", "København", 1, "Ja, siden 1400-tallet."),
                    new Choice("b", "%Aarhus", 0.5, "Næsten # tæt på"),
                    new Choice("c", "[html]Æbeltoft", -1, null),
                    new Choice("d", "Øster -> Vester", 0, "\\ backslash")))),
        in(
            "Førstehjælp/Grundlæggende",
            question(
                QuestionType.MULTIPLE_CHOICE,
                "Nordiske lande",
                "[markdown]Hvilke lande er *nordiske*?",
                null,
                List.of(
                    new Choice("a", "Norge", 1.0 / 3, null),
                    new Choice("b", "Island", 1.0 / 3, "Ja"),
                    new Choice("c", "Færøerne", 1.0 / 3, null),
                    new Choice("d", "Tyskland", -1, "Nej"),
                    new Choice("e", "Holland", 0, null)))),
        in(
            null,
            question(
                QuestionType.TRUE_FALSE,
                "Sand",
                "Solen er en stjerne.",
                "Om solen",
                List.of(
                    new Choice("true", "true", 1, "Rigtigt"),
                    new Choice("false", "false", 0, "Jo, den er")))),
        in(
            null,
            question(
                QuestionType.TRUE_FALSE,
                "Falsk, kun ret feedback",
                "Månen er en stjerne.",
                null,
                List.of(
                    new Choice("true", "true", 0, null),
                    new Choice("false", "false", 1, "Rigtigt")))),
        in(
            null,
            question(
                QuestionType.TRUE_FALSE,
                "Uden feedback",
                "Vand er vådt.",
                null,
                List.of(
                    new Choice("true", "true", 1, null), new Choice("false", "false", 0, null)))),
        in(
            "Brand",
            question(
                QuestionType.SHORT_ANSWER,
                "Farve",
                "Brandbilens farve er _____.",
                null,
                List.of(
                    new Choice("a", "rød", 1, "Ja"),
                    new Choice("b", "*rød*", 0.25, null),
                    new Choice("c", "stjerne\\*", 0.5, null),
                    new Choice("d", "gul", 0, "Nej, det er en anden bil")))),
        in(
            "Brand",
            new QuestionContent(
                QuestionType.NUMERIC,
                "Tal",
                "Hvor mange grader?",
                1,
                "Målt i °C",
                null,
                List.of(
                    new NumericAnswer(0.2, 0.09999999999999998, 1, "Fint"),
                    new NumericAnswer(-1234.5, 1e-10, 0.5, null),
                    new NumericAnswer(1e20, 0, 0.1, null),
                    new NumericAnswer(7, 0, 0, "Almindelig fejl"),
                    GiftFormat.anyOtherNumber("Prøv igen"),
                    GiftFormat.anyOtherNumber(null)),
                null)),
        in(
            "Brand",
            new QuestionContent(
                QuestionType.MATCHING,
                "Par",
                "Par landene med hovedstæderne.",
                1,
                "Alle er hovedstæder",
                null,
                null,
                List.of(
                    new MatchPair("a", "Danmark", "København"),
                    new MatchPair("b", "%Norge", "Oslo -> Bergen"),
                    new MatchPair("c", "[html]Sverige", "[html]Stockholm"),
                    new MatchPair("d", null, "Helsinki")))),
        in(
            null,
            question(
                QuestionType.ESSAY,
                "Essay",
                "Fortæl om din dag.\n\nBrug gerne { og }.",
                "Husk kilder",
                List.of())),
        in(null, question(QuestionType.ESSAY, "Kort", "Kort essay", null, List.of())));
  }

  @Test
  void everyTypeGiftCanExpressReadsBackEqual() {
    List<GiftQuestion> written = everyType();
    Result r = GiftFormat.parse(GiftFormat.write(written));
    assertEquals(List.of(), r.errors());
    assertEquals(
        written.stream().map(GiftQuestion::content).toList(),
        r.questions().stream().map(GiftQuestion::content).toList());
    assertEquals(
        written.stream().map(GiftQuestion::category).toList(),
        r.questions().stream().map(GiftQuestion::category).toList());
  }

  @Test
  void writingWhatWasReadGivesTheSameText() {
    String once = GiftFormat.write(everyType());
    assertEquals(once, GiftFormat.write(GiftFormat.parse(once).questions()));
  }

  @Test
  void writtenGiftLooksLikeMoodles() {
    String gift =
        GiftFormat.write(
            List.of(
                in(
                    "Kursus/Emne",
                    question(
                        QuestionType.SINGLE_CHOICE,
                        "Hovedstad",
                        "Hvad er hovedstaden?",
                        "Se kapitel 2",
                        List.of(
                            new Choice("a", "København", 1, "Ja"),
                            new Choice("b", "Aarhus", 0, null),
                            new Choice("c", "Odense", 0.5, null)))),
                in(
                    "Kursus/Emne",
                    question(
                        QuestionType.TRUE_FALSE,
                        "Sandt",
                        "Jorden er flad.",
                        null,
                        List.of(
                            new Choice("true", "true", 0, "Nej"),
                            new Choice("false", "false", 1, "Ja"))))));
    assertEquals(
        """
        $CATEGORY: Kursus/Emne

        ::Hovedstad::Hvad er hovedstaden?{
        \t=København#Ja
        \t~Aarhus
        \t~%50%Odense
        \t####Se kapitel 2
        }

        ::Sandt::Jorden er flad.{FALSE#Nej#Ja}

        """,
        gift);
  }

  @Test
  void questionWithoutNameIsWrittenWithTheNameReadingWouldGiveIt() {
    QuestionContent unnamed =
        question(QuestionType.ESSAY, null, "Fortæl om din dag.", null, List.of());
    QuestionContent read = content(GiftFormat.write(List.of(in(null, unnamed))));
    assertEquals("Fortæl om din dag.", read.name());
  }

  @Test
  void pointsAreNotWrittenAsGiftHasNone() {
    QuestionContent worthThree =
        new QuestionContent(QuestionType.ESSAY, "E", "Skriv", 3, null, null, null, null);
    assertEquals(1, content(GiftFormat.write(List.of(in(null, worthThree)))).points());
  }

  @Test
  void orderingCannotBeWrittenAndIsRejectedNotDropped() {
    QuestionContent ordering =
        question(
            QuestionType.ORDERING,
            "Rækkefølge",
            "Sæt i orden",
            null,
            List.of(new Choice("a", "Først", 0, null), new Choice("b", "Sidst", 0, null)));
    assertFalse(GiftFormat.writable(ordering));
    List<GiftQuestion> questions = new ArrayList<>(everyType());
    questions.add(in(null, ordering));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GiftFormat.write(questions));
    assertTrue(e.getMessage().contains("Rækkefølge"), e.getMessage());
  }

  @Test
  void contentGiftWouldReadAsSomethingElseIsNotWritable() {
    assertFalse(
        GiftFormat.writable(
            question(
                QuestionType.SINGLE_CHOICE,
                "n",
                "t",
                null,
                List.of(new Choice("a", "x", 0.5, null), new Choice("b", "y", 0, null)))),
        "no choice worth 1, so no = to make it single choice");
    assertFalse(
        GiftFormat.writable(
            question(
                QuestionType.SINGLE_CHOICE,
                "n",
                "t",
                null,
                List.of(new Choice("a", "x", 1, null), new Choice("b", "y", 1, null)))),
        "no ~, so it would read as short answers");
    assertFalse(
        GiftFormat.writable(
            question(
                QuestionType.SHORT_ANSWER,
                "n",
                "t",
                null,
                List.of(new Choice("a", "a -> b", 1, null)))),
        "an arrow makes a short answer a matching pair");
    assertFalse(
        GiftFormat.writable(
            new QuestionContent(
                QuestionType.MATCHING,
                "n",
                "t",
                1,
                null,
                null,
                null,
                List.of(new MatchPair("a", "x -> y", "z"), new MatchPair("b", "v", "w")))),
        "an arrow in a prompt would end it");
    assertFalse(
        GiftFormat.writable(question(QuestionType.ESSAY, "n", " ", null, List.of())), "no text");
    assertTrue(GiftFormat.writable(everyType().get(0).content()));
  }

  @Test
  void categoryWithALineBreakIsRejected() {
    QuestionContent essay = question(QuestionType.ESSAY, "n", "t", null, List.of());
    assertThrows(
        IllegalArgumentException.class, () -> GiftFormat.write(List.of(in("a\nb", essay))));
  }

  @Test
  void readingDropsTheTrueFalseChoiceTexts() {
    QuestionContent labelled =
        question(
            QuestionType.TRUE_FALSE,
            "n",
            "t",
            null,
            List.of(new Choice("true", "Sandt", 1, null), new Choice("false", "Falsk", 0, null)));
    assertEquals(
        List.of("true", "false"),
        content(GiftFormat.write(List.of(in(null, labelled)))).choices().stream()
            .map(Choice::text)
            .toList());
  }
}
