package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import dk.medborger.lms.quizzes.entity.Question;
import dk.medborger.lms.quizzes.entity.Quiz;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Installs the quizzes a course package ships ({@code courses/<slug>/quizzes.json}, with the
 * questions in GIFT files beside it) into a course that has none yet: the questions go into the
 * course's bank through the same import instructors use, each quiz at the end of its module.
 */
@ApplicationScoped
public class QuizPackages {

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  @Inject QuestionBank bank;

  /** The package's quiz list, as JSON-B reads it. */
  public static class Package {
    public String comment;
    public List<Entry> quizzes;
  }

  /** One quiz of the package. */
  public static class Entry {
    public int module;
    public String title;
    public String questions;
    public Integer minutes;
    public BigDecimal passPercent;
    public String gradingMethod;
    public String completion;
    public Integer timeLimitMinutes;
    public Integer attemptsAllowed;
    public String intro;
  }

  /** Installs the package's quizzes unless the course has quizzes; returns how many it made. */
  @Transactional
  public int installIfMissing(String slug, long courseId) {
    InputStream in = resource("courses/" + slug + "/quizzes.json");
    if (in == null || catalog.hasActivities(courseId, ActivityKind.QUIZ)) {
      return 0;
    }
    Package pkg;
    try (in;
        Jsonb jsonb = JsonbBuilder.create()) {
      pkg = jsonb.fromJson(in, Package.class);
    } catch (Exception e) {
      throw new IllegalStateException("Quiz package of " + slug + " cannot be read", e);
    }
    for (Entry entry : pkg.quizzes) {
      QuestionBank.Imported imported =
          bank.importGift(
              courseId, text("courses/" + slug + "/" + entry.questions), entry.title, null);
      if (!imported.ok()) {
        throw new IllegalStateException(
            "The shipped questions " + entry.questions + " have errors: " + imported.errors());
      }
      Quiz quiz =
          new Quiz(
              entry.title,
              entry.minutes,
              entry.completion == null
                  ? CompletionCriterion.ON_PASS
                  : CompletionCriterion.valueOf(entry.completion),
              entry.intro);
      if (entry.passPercent != null) {
        quiz.setPassPercent(entry.passPercent);
      }
      if (entry.gradingMethod != null) {
        quiz.setGradingMethod(GradingMethod.valueOf(entry.gradingMethod));
      }
      if (entry.timeLimitMinutes != null) {
        quiz.setTimeLimit(Duration.ofMinutes(entry.timeLimitMinutes));
      }
      quiz.setAttemptsAllowed(entry.attemptsAllowed);
      // The quiz's rows first: EclipseLink writes a slot before the quiz's own table otherwise.
      catalog.append(courseId, entry.module, quiz);
      for (long id : imported.questionIds()) {
        quiz.addQuestion(em.find(Question.class, id));
      }
      em.flush();
    }
    return pkg.quizzes.size();
  }

  private static InputStream resource(String name) {
    return QuizPackages.class.getClassLoader().getResourceAsStream(name);
  }

  private static String text(String name) {
    try (InputStream in = resource(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
