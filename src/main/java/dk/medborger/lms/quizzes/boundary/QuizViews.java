package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.Deadline;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.quizzes.entity.AttemptState;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import dk.medborger.lms.quizzes.entity.Mark;
import dk.medborger.lms.quizzes.entity.QuestionType;
import dk.medborger.lms.quizzes.entity.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the quiz pages show, as records: the quiz's own page, an open attempt (which never carries a
 * right answer or a fraction), and the review of a finished attempt as the settings allow it.
 */
public final class QuizViews {

  private QuizViews() {}

  /** The quiz's page: settings, the learner's attempts, their grade and what they may do next. */
  public record Overview(
      CourseOutline outline,
      CourseOutline.Item quiz,
      CourseOutline.Module module,
      CourseOutline.Module blockedBy,
      CourseOutline.Item previous,
      CourseOutline.Item next,
      String intro,
      Settings settings,
      ActivityState state,
      BigDecimal gradePercent,
      List<AttemptSummary> attempts,
      Long openAttemptId,
      QuizRefused.Reason cannotStart,
      CourseProgress progress,
      Deadline deadline,
      List<String> whomToAsk) {

    /** The module's number in the course, from 1. */
    public int moduleNumber() {
      return progress.numberOf(progress.moduleOf(quiz.id()));
    }

    public boolean locked() {
      return blockedBy != null;
    }

    public boolean passed() {
      return gradePercent != null && gradePercent.compareTo(settings.passPercent()) >= 0;
    }
  }

  /** The settings a learner is told before starting. */
  public record Settings(
      BigDecimal passPercent,
      Integer attemptsAllowed,
      GradingMethod gradingMethod,
      Duration timeLimit,
      Instant opensAt,
      Instant closesAt,
      int questions,
      boolean onePerPage) {

    public Long timeLimitMinutes() {
      return timeLimit == null ? null : timeLimit.toMinutes();
    }
  }

  /** One of the learner's attempts. */
  public record AttemptSummary(
      long id,
      int number,
      AttemptState state,
      Instant startedAt,
      Instant submittedAt,
      BigDecimal percent,
      boolean reviewable) {}

  /** An open attempt as the learner answers it. */
  public record AttemptPage(
      long attemptId,
      int number,
      CourseOutline.Item quiz,
      CourseOutline outline,
      String token,
      Instant deadline,
      long secondsLeft,
      boolean onePerPage,
      List<QuestionView> questions) {

    public boolean timed() {
      return deadline != null;
    }

    public long answered() {
      return questions.stream().filter(q -> !q.response().blank()).count();
    }
  }

  /** A question of an open attempt: what to show and what the learner last saved. */
  public record QuestionView(
      int slot,
      QuestionType type,
      String text,
      BigDecimal points,
      List<Option> options,
      List<Option> prompts,
      Response response,
      long version,
      boolean flagged) {

    public boolean chosen(String key) {
      return response.keys().contains(key);
    }

    public String matched(String promptKey) {
      return response.matches().get(promptKey);
    }

    /** For an ordering question: the item the learner put at {@code position} (from 1). */
    public String atPosition(int position) {
      return position <= response.keys().size() ? response.keys().get(position - 1) : null;
    }
  }

  /** Something to pick: a choice, an answer of a matching question, an item to order. */
  public record Option(String key, String text) {}

  /** A finished attempt's review: the parts that {@link #shown} says the learner may see. */
  public record Review(
      long attemptId,
      int number,
      CourseOutline.Item quiz,
      CourseOutline outline,
      AttemptState state,
      Instant startedAt,
      Instant submittedAt,
      boolean timedOut,
      BigDecimal score,
      BigDecimal maxScore,
      BigDecimal percent,
      boolean passed,
      boolean showAnswers,
      boolean showCorrect,
      boolean showFeedback,
      List<QuestionReview> questions) {}

  /**
   * One question of a review. {@code options} carry whether each was chosen and (when shown)
   * whether it is right; {@code rightAnswers} lists accepted texts; feedback is empty when not
   * shown.
   */
  public record QuestionReview(
      int slot,
      QuestionType type,
      String text,
      BigDecimal points,
      Mark mark,
      BigDecimal score,
      List<ReviewOption> options,
      String answerText,
      List<String> rightAnswers,
      List<String> feedback,
      String generalFeedback,
      String graderComment) {

    /** The accepted answers in one line. */
    public String rightAnswersText() {
      return String.join(" · ", rightAnswers);
    }
  }

  /** A choice, item or prompt in a review; {@code right} is null when right answers are hidden. */
  public record ReviewOption(
      String key, String text, boolean chosen, Boolean right, String given) {}
}
