package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import dk.medborger.lms.quizzes.entity.Question;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.Quiz;
import dk.medborger.lms.quizzes.entity.ReviewTiming;
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
import java.util.ArrayList;
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
    public Boolean onePerPage;
    public String intro;

    /** Questions GIFT cannot express (ordering), as {@link QuestionContent} JSON. */
    public List<QuestionContent> extraQuestions;

    /** The bank category of the extra questions (the GIFT file's own, usually); else the title. */
    public String extraCategory;

    /** Also draw this many questions at random from a bank category for each attempt. */
    public Draw draw;

    /** False: the GIFT file's questions only go into the bank (for a draw), not into the quiz. */
    public Boolean fixed;

    /** False: the quiz does not count towards completion. */
    public Boolean required;

    /** What the review shows and when: NEVER, AFTER_SUBMIT (default), AFTER_CLOSE. */
    public String reviewAnswers;

    public String reviewCorrect;
    public String reviewFeedback;
  }

  /** Questions drawn at random for each attempt. */
  public static class Draw {
    public String category;
    public int count;
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
      quiz.setOnePerPage(Boolean.TRUE.equals(entry.onePerPage));
      // The quiz's rows first: EclipseLink writes a slot before the quiz's own table otherwise.
      catalog.append(courseId, entry.module, quiz);
      List<Long> questions =
          new ArrayList<>(Boolean.FALSE.equals(entry.fixed) ? List.of() : imported.questionIds());
      if (entry.required != null) {
        quiz.setRequired(entry.required);
      }
      if (entry.extraQuestions != null) {
        for (QuestionContent extra : entry.extraQuestions) {
          questions.add(
              bank.create(
                  courseId,
                  entry.extraCategory == null ? entry.title : entry.extraCategory,
                  extra,
                  null));
        }
      }
      for (long id : questions) {
        quiz.addQuestion(em.find(Question.class, id));
      }
      if (entry.draw != null) {
        quiz.addRandom(bank.category(courseId, entry.draw.category), entry.draw.count);
      }
      quiz.setReview(
          timing(entry.reviewAnswers), timing(entry.reviewCorrect), timing(entry.reviewFeedback));
      em.flush();
    }
    return pkg.quizzes.size();
  }

  private static ReviewTiming timing(String name) {
    return name == null ? ReviewTiming.AFTER_SUBMIT : ReviewTiming.valueOf(name);
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
