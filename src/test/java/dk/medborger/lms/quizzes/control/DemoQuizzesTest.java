package dk.medborger.lms.quizzes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.quizzes.boundary.QuizPackages;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionType;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo course's quizzes, as shipped: a quiz for every module, each GIFT file reads without an
 * error, 5–10 questions a quiz, every question type across the course, one essay at the end, and a
 * full-marks answer for every question grades as full marks.
 */
class DemoQuizzesTest {

  private static final String COURSE = "courses/digitalt-medborgerskab/";

  private static String text(String name) throws IOException {
    try (InputStream in = DemoQuizzesTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyModuleHasAQuizOfFiveToTenGoodQuestions() throws Exception {
    QuizPackages.Package pkg;
    try (var jsonb = JsonbBuilder.create()) {
      pkg = jsonb.fromJson(text(COURSE + "quizzes.json"), QuizPackages.Package.class);
    }
    assertEquals(8, pkg.quizzes.size());
    Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
    int essays = 0;
    for (QuizPackages.Entry quiz : pkg.quizzes) {
      GiftFormat.Result result = GiftFormat.parse(text(COURSE + quiz.questions));
      assertTrue(result.errors().isEmpty(), quiz.questions + ": " + result.errors());
      List<QuestionContent> questions = new ArrayList<>();
      result.questions().forEach(q -> questions.add(q.content()));
      if (quiz.extraQuestions != null) {
        questions.addAll(quiz.extraQuestions);
      }
      int count = questions.size();
      assertTrue(count >= 5 && count <= 10, quiz.questions + " has " + count);
      for (QuestionContent q : questions) {
        types.add(q.type());
        if (q.type() == QuestionType.ESSAY) {
          essays++;
          assertEquals("ON_SUBMIT", quiz.completion, "a quiz with an essay completes on submit");
        } else {
          assertEquals(
              1.0,
              AnswerGrading.grade(q, ModelAnswers.of(q)).fraction(),
              1e-9,
              quiz.questions + ": " + q.name());
        }
      }
    }
    assertTrue(types.size() >= 8, "every question type: " + types);
    assertEquals(1, essays);
  }
}
