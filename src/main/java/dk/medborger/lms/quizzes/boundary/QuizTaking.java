package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.quizzes.boundary.QuizViews.AttemptPage;
import dk.medborger.lms.quizzes.boundary.QuizViews.AttemptSummary;
import dk.medborger.lms.quizzes.boundary.QuizViews.Option;
import dk.medborger.lms.quizzes.boundary.QuizViews.Overview;
import dk.medborger.lms.quizzes.boundary.QuizViews.QuestionReview;
import dk.medborger.lms.quizzes.boundary.QuizViews.QuestionView;
import dk.medborger.lms.quizzes.boundary.QuizViews.Review;
import dk.medborger.lms.quizzes.boundary.QuizViews.ReviewOption;
import dk.medborger.lms.quizzes.boundary.QuizViews.Settings;
import dk.medborger.lms.quizzes.control.AnswerGrading;
import dk.medborger.lms.quizzes.control.AttemptGrading;
import dk.medborger.lms.quizzes.control.AttemptRecords;
import dk.medborger.lms.quizzes.control.Attempts;
import dk.medborger.lms.quizzes.control.QuestionContents;
import dk.medborger.lms.quizzes.control.QuizRules;
import dk.medborger.lms.quizzes.control.ReviewPolicy;
import dk.medborger.lms.quizzes.entity.AttemptAnswer;
import dk.medborger.lms.quizzes.entity.AttemptState;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionContent.Choice;
import dk.medborger.lms.quizzes.entity.QuestionContent.MatchPair;
import dk.medborger.lms.quizzes.entity.Quiz;
import dk.medborger.lms.quizzes.entity.QuizAttempt;
import dk.medborger.lms.quizzes.entity.QuizAttempt.FinishedBy;
import dk.medborger.lms.quizzes.entity.QuizOverride;
import dk.medborger.lms.quizzes.entity.QuizSlot;
import dk.medborger.lms.quizzes.entity.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A learner taking quizzes: the quiz's page, starting or resuming the one open attempt, saving each
 * answer as it is given, handing in, and the review the quiz's settings allow. Every method takes
 * the signed-in learner's id and answers only about that learner's own attempts; anything else is
 * "not found". Reads need no transaction; each write is one of {@link AttemptRecords}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuizTaking {

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  @Inject LearnerProgress progress;

  @Inject AttemptRecords records;

  @Inject Attempts attempts;

  @Inject QuestionContents contents;

  @Inject Clock clock;

  /** How long after its deadline an answer is still taken (the way there takes time). */
  @Inject
  @ConfigProperty(name = "medborger.quiz.grace-seconds", defaultValue = "15")
  long graceSeconds;

  public Duration grace() {
    return Duration.ofSeconds(graceSeconds);
  }

  /** The quiz's page for the learner; 404 for a quiz in a course they do not take. */
  public Overview overview(long userId, long quizId) {
    CourseOutline outline = quizCourse(quizId);
    LearnerProgress.CoursePage coursePage = progress.course(userId, outline.id());
    CourseProgress course = coursePage.progress();
    CourseProgress.ModuleProgress module = course.moduleOf(quizId);
    Quiz quiz = em.find(Quiz.class, quizId);
    Instant now = clock.instant();
    List<QuizAttempt> earlier = attempts.ofLearner(userId, quizId);
    List<AttemptSummary> summaries = new ArrayList<>();
    Long open = null;
    List<Double> graded = new ArrayList<>();
    for (QuizAttempt a : earlier) {
      if (a.open()) {
        open = a.getId();
      }
      if (a.getState() == AttemptState.FINISHED) {
        graded.add(percent(a).doubleValue());
      }
      summaries.add(
          new AttemptSummary(
              a.getId(),
              a.getNumber(),
              a.getState(),
              a.getStartedAt(),
              a.getSubmittedAt(),
              a.getState() == AttemptState.FINISHED ? percent(a) : null,
              !a.open() && shown(quiz, a, now).any()));
    }
    OptionalDouble grade = AttemptGrading.combine(quiz.getGradingMethod(), graded);
    QuizOverride override = records.override(quizId, userId);
    QuizRefused.Reason cannotStart =
        module.locked()
            ? QuizRefused.Reason.LOCKED
            : QuizRules.whyNot(quiz, earlier.size(), override, now);
    CourseOutline.Neighbours around = outline.neighbours(quizId);
    return new Overview(
        outline,
        outline.activity(quizId).orElseThrow(),
        module.module(),
        module.blockedBy(),
        around.previous(),
        around.next(),
        quiz.getIntro(),
        settings(quiz, override),
        course.status(quizId).state(),
        grade.isPresent() ? scale(grade.getAsDouble()) : null,
        summaries,
        open,
        open != null ? null : cannotStart,
        course,
        coursePage.deadline(),
        coursePage.whomToAsk());
  }

  /** Starts an attempt, or returns the open one: double clicks and two tabs get the same. */
  public long start(long userId, long quizId) {
    quizCourse(quizId);
    return records.start(userId, quizId, clock.instant());
  }

  /**
   * The learner's open attempt; null when it is no longer open (handed in, or its time ran out, in
   * which case the server hands it in now).
   */
  public AttemptPage attempt(long userId, long attemptId) {
    QuizAttempt attempt = attempts.own(userId, attemptId);
    Instant now = clock.instant();
    if (attempt.open()
        && attempt.getDeadlineAt() != null
        && now.isAfter(attempt.getDeadlineAt().plus(grace()))) {
      records.finaliseExpired(attemptId, now);
      return null;
    }
    if (!attempt.open()) {
      return null;
    }
    Quiz quiz = em.find(Quiz.class, attempt.getQuizId());
    CourseOutline outline = catalog.outlineOfActivity(quiz.getId());
    List<QuestionView> questions = new ArrayList<>();
    for (AttemptAnswer answer : attempts.answers(attemptId)) {
      questions.add(questionView(answer));
    }
    return new AttemptPage(
        attemptId,
        attempt.getNumber(),
        outline.activity(quiz.getId()).orElseThrow(),
        outline,
        attempt.getSaveToken(),
        attempt.getDeadlineAt(),
        attempt.getDeadlineAt() == null
            ? 0
            : Math.max(0, Duration.between(now, attempt.getDeadlineAt()).toSeconds()),
        quiz.isOnePerPage(),
        List.copyOf(questions));
  }

  /** Saves one answer (see {@link AttemptRecords#save}). */
  public AttemptRecords.Saved save(
      long userId, long attemptId, String token, int slot, Response response, long seenVersion) {
    return records.save(
        userId, attemptId, token, slot, response, seenVersion, clock.instant(), grace());
  }

  public void flag(long userId, long attemptId, String token, int slot, boolean on) {
    records.flag(userId, attemptId, token, slot, on);
  }

  /** Hands the attempt in; twice is once. */
  public void submit(long userId, long attemptId) {
    records.submit(userId, attemptId, FinishedBy.LEARNER, clock.instant());
  }

  /** Whether the learner may see a review of their handed-in attempt now (settings allow it). */
  public boolean reviewable(long userId, long attemptId) {
    QuizAttempt attempt = attempts.own(userId, attemptId);
    return !attempt.open()
        && shown(em.find(Quiz.class, attempt.getQuizId()), attempt, clock.instant()).any();
  }

  /** The quiz an attempt belongs to (the learner's own attempt only). */
  public long quizOf(long userId, long attemptId) {
    return attempts.own(userId, attemptId).getQuizId();
  }

  /**
   * The review of a handed-in attempt, with only what the quiz's settings allow now; 404 for an
   * open attempt or one that shows nothing.
   */
  public Review review(long userId, long attemptId) {
    QuizAttempt attempt = attempts.own(userId, attemptId);
    if (attempt.open()) {
      throw new NotFoundException("open attempt " + attemptId);
    }
    Quiz quiz = em.find(Quiz.class, attempt.getQuizId());
    ReviewPolicy.Shown shown = shown(quiz, attempt, clock.instant());
    if (!shown.any()) {
      throw new NotFoundException("review of " + attemptId);
    }
    CourseOutline outline = catalog.outlineOfActivity(quiz.getId());
    List<QuestionReview> questions = new ArrayList<>();
    if (shown.answers() || shown.correct() || shown.feedback()) {
      for (AttemptAnswer answer : attempts.answers(attemptId)) {
        questions.add(questionReview(answer, shown));
      }
    }
    BigDecimal percent = attempt.getScore() == null ? null : percent(attempt);
    return new Review(
        attemptId,
        attempt.getNumber(),
        outline.activity(quiz.getId()).orElseThrow(),
        outline,
        attempt.getState(),
        attempt.getStartedAt(),
        attempt.getSubmittedAt(),
        attempt.getFinishedBy() == FinishedBy.TIMEOUT,
        shown.answers() ? attempt.getScore() : null,
        attempt.getMaxScore(),
        shown.answers() ? percent : null,
        attempt.getState() == AttemptState.FINISHED
            && percent != null
            && percent.compareTo(quiz.getPassPercent()) >= 0,
        shown.answers(),
        shown.correct(),
        shown.feedback(),
        List.copyOf(questions));
  }

  private static ReviewPolicy.Shown shown(Quiz quiz, QuizAttempt attempt, Instant now) {
    return ReviewPolicy.shown(
        quiz.getReviewAnswers(),
        quiz.getReviewCorrect(),
        quiz.getReviewFeedback(),
        !attempt.open(),
        quiz.getClosesAt(),
        now);
  }

  private Settings settings(Quiz quiz, QuizOverride override) {
    int questions = 0;
    for (QuizSlot slot : quiz.getSlots()) {
      questions += slot.getQuestion() != null ? 1 : slot.getDrawCount();
    }
    return new Settings(
        quiz.getPassPercent(),
        QuizRules.attemptsAllowed(quiz, override),
        quiz.getGradingMethod(),
        QuizRules.timeLimit(quiz, override),
        quiz.getOpensAt(),
        quiz.getClosesAt(),
        questions,
        quiz.isOnePerPage());
  }

  private QuestionView questionView(AttemptAnswer answer) {
    QuestionContent content = contents.of(answer.getQuestionVersionId());
    List<Option> options = new ArrayList<>();
    List<Option> prompts = new ArrayList<>();
    List<String> order =
        answer.getChoiceOrder() == null
            ? List.of()
            : Arrays.asList(answer.getChoiceOrder().split(","));
    switch (content.type()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE, ORDERING -> {
        Map<String, String> texts = new LinkedHashMap<>();
        content.choices().forEach(c -> texts.put(c.key(), c.text()));
        order.forEach(k -> options.add(new Option(k, texts.get(k))));
      }
      case TRUE_FALSE -> content.choices().forEach(c -> options.add(new Option(c.key(), c.text())));
      case MATCHING -> {
        Map<String, MatchPair> pairs = new LinkedHashMap<>();
        content.pairs().forEach(p -> pairs.put(p.key(), p));
        order.forEach(k -> options.add(new Option(k, pairs.get(k).answer())));
        content.pairs().stream()
            .filter(p -> p.prompt() != null)
            .forEach(p -> prompts.add(new Option(p.key(), p.prompt())));
      }
      default -> {}
    }
    return new QuestionView(
        answer.getSlot(),
        content.type(),
        content.text(),
        answer.getMaxScore(),
        List.copyOf(options),
        List.copyOf(prompts),
        answer.getResponse() == null ? Response.ofText(null) : answer.getResponse(),
        answer.getVersion(),
        answer.isFlagged());
  }

  private QuestionReview questionReview(AttemptAnswer answer, ReviewPolicy.Shown shown) {
    QuestionContent content = contents.of(answer.getQuestionVersionId());
    Response response = answer.getResponse() == null ? Response.ofText(null) : answer.getResponse();
    QuestionView view = questionView(answer);
    List<ReviewOption> options = new ArrayList<>();
    List<String> right = new ArrayList<>();
    Map<String, Choice> choices = new LinkedHashMap<>();
    content.choices().forEach(c -> choices.put(c.key(), c));
    switch (content.type()) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE ->
          view.options()
              .forEach(
                  o ->
                      options.add(
                          new ReviewOption(
                              o.key(),
                              o.text(),
                              response.keys().contains(o.key()),
                              shown.correct() ? choices.get(o.key()).fraction() > 0 : null,
                              null)));
      case ORDERING -> {
        for (int i = 0; i < content.choices().size(); i++) {
          String given = i < response.keys().size() ? response.keys().get(i) : null;
          if (given != null && !choices.containsKey(given)) {
            given = null; // a place left empty
          }
          Choice at = content.choices().get(i);
          options.add(
              new ReviewOption(
                  at.key(),
                  given == null ? null : choices.get(given).text(),
                  given != null,
                  shown.correct() ? at.key().equals(given) : null,
                  at.text()));
        }
      }
      case MATCHING -> {
        Map<String, String> answers = new LinkedHashMap<>();
        content.pairs().forEach(p -> answers.put(p.key(), p.answer()));
        for (Option prompt : view.prompts()) {
          String given = response.matches().get(prompt.key());
          options.add(
              new ReviewOption(
                  prompt.key(),
                  prompt.text(),
                  given != null,
                  shown.correct() ? prompt.key().equals(given) : null,
                  given == null ? null : answers.get(given)));
          if (shown.correct()) {
            right.add(prompt.text() + " → " + answers.get(prompt.key()));
          }
        }
      }
      case SHORT_ANSWER -> {
        if (shown.correct()) {
          content.choices().stream()
              .filter(c -> c.fraction() >= 1)
              .forEach(c -> right.add(c.text()));
        }
      }
      case NUMERIC -> {
        if (shown.correct()) {
          content.numbers().stream()
              .filter(n -> n.fraction() >= 1)
              .forEach(
                  n ->
                      right.add(
                          n.tolerance() == 0
                              ? plain(n.value())
                              : plain(n.value()) + " ± " + plain(n.tolerance())));
        }
      }
      default -> {}
    }
    List<String> feedback =
        shown.feedback() ? AnswerGrading.grade(content, response).feedback() : List.of();
    return new QuestionReview(
        answer.getSlot(),
        content.type(),
        content.text(),
        answer.getMaxScore(),
        shown.answers() ? answer.getMark() : null,
        shown.answers() ? answer.getScore() : null,
        shown.answers() || shown.correct() ? List.copyOf(options) : List.of(),
        shown.answers() ? response.text() : null,
        List.copyOf(right),
        feedback,
        shown.feedback() ? content.generalFeedback() : null,
        shown.feedback() ? answer.getGraderComment() : null);
  }

  private static String plain(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private CourseOutline quizCourse(long quizId) {
    CourseOutline outline = catalog.outlineOfActivity(quizId);
    if (outline.activity(quizId).orElseThrow().kind() != ActivityKind.QUIZ) {
      throw new NotFoundException("quiz " + quizId);
    }
    return outline;
  }

  private static BigDecimal percent(QuizAttempt a) {
    return scale(AttemptGrading.percent(a.getScore().doubleValue(), a.getMaxScore().doubleValue()));
  }

  private static BigDecimal scale(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}
