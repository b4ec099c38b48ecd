package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.quizzes.control.GiftFormat;
import dk.medborger.lms.quizzes.control.GiftFormat.GiftError;
import dk.medborger.lms.quizzes.control.GiftFormat.GiftQuestion;
import dk.medborger.lms.quizzes.entity.AttemptState;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import dk.medborger.lms.quizzes.entity.Question;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionType;
import dk.medborger.lms.quizzes.entity.Quiz;
import dk.medborger.lms.quizzes.entity.ReviewTiming;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An instructor's changes to the quizzes of the courses they teach (403 for any other): a quiz's
 * settings, and a question of the bank revised as GIFT text (a new version; attempts keep the
 * version they showed, ADR 12). Settings that a learner's grade already follows from (pass mark,
 * grading method) cannot change once an attempt is graded (ADR 14).
 *
 * <pre>
 * Problems problems = authoring.saveSettings(instructorId, quizId, settings);
 * if (problems.isEmpty()) { … saved … }
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuizAuthoring {

  /** The most attempts and minutes a quiz may allow: beyond them, leave the field empty. */
  public static final int MAX_ATTEMPTS = 50;

  public static final int MAX_MINUTES = 600;

  /** The most points one question may give. */
  public static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

  @PersistenceContext EntityManager em;

  @Inject QuizTeaching teaching;

  @Inject QuestionBank bank;

  @Inject CourseCatalog catalog;

  /**
   * A quiz's settings as the instructor edits them.
   *
   * @param attemptsAllowed null: as many as the learner likes
   * @param timeLimitMinutes null: no time limit
   * @param opensAt null: open from the start
   * @param closesAt null: never closes
   */
  public record Settings(
      BigDecimal passPercent,
      Integer attemptsAllowed,
      GradingMethod gradingMethod,
      Integer timeLimitMinutes,
      Instant opensAt,
      Instant closesAt,
      boolean shuffleChoices,
      boolean onePerPage,
      ReviewTiming reviewAnswers,
      ReviewTiming reviewCorrect,
      ReviewTiming reviewFeedback) {}

  /**
   * A quiz with its settings.
   *
   * @param gradeLocked an attempt is graded, so the pass mark and the grading method stay
   */
  public record QuizSettings(
      CourseOutline.Item quiz, CourseOutline outline, Settings settings, boolean gradeLocked) {}

  /** Why settings were not saved; the UI's bundle key is {@code quizSettings.problem.<name>}. */
  public enum Problem {
    PASS_PERCENT,
    ATTEMPTS,
    TIME_LIMIT,
    WINDOW,
    REVIEW_NEEDS_CLOSE,
    GRADE_LOCKED
  }

  /** The settings of a quiz the instructor teaches. */
  public QuizSettings settings(long instructorId, long quizId) {
    CourseOutline outline = teaching.taughtQuiz(instructorId, quizId);
    Quiz quiz = em.find(Quiz.class, quizId);
    Duration limit = quiz.getTimeLimit();
    return new QuizSettings(
        outline.activity(quizId).orElseThrow(),
        outline,
        new Settings(
            quiz.getPassPercent(),
            quiz.getAttemptsAllowed(),
            quiz.getGradingMethod(),
            limit == null ? null : (int) limit.toMinutes(),
            quiz.getOpensAt(),
            quiz.getClosesAt(),
            quiz.isShuffleChoices(),
            quiz.isOnePerPage(),
            quiz.getReviewAnswers(),
            quiz.getReviewCorrect(),
            quiz.getReviewFeedback()),
        graded(quizId));
  }

  /**
   * Saves a quiz's settings, or nothing when there is any problem (then every problem is listed).
   * They apply to attempts started afterwards; an open attempt keeps its deadline.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public List<Problem> saveSettings(long instructorId, long quizId, Settings settings) {
    teaching.taughtQuiz(instructorId, quizId);
    Quiz quiz = em.find(Quiz.class, quizId);
    List<Problem> problems = problems(settings);
    boolean gradeChanged =
        settings.passPercent() != null
            && (quiz.getPassPercent().compareTo(settings.passPercent()) != 0
                || quiz.getGradingMethod() != settings.gradingMethod());
    if (gradeChanged && graded(quizId)) {
      problems.add(Problem.GRADE_LOCKED);
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    quiz.setPassPercent(settings.passPercent());
    quiz.setAttemptsAllowed(settings.attemptsAllowed());
    quiz.setGradingMethod(settings.gradingMethod());
    quiz.setTimeLimit(
        settings.timeLimitMinutes() == null
            ? null
            : Duration.ofMinutes(settings.timeLimitMinutes()));
    quiz.setWindow(settings.opensAt(), settings.closesAt());
    quiz.setShuffleChoices(settings.shuffleChoices());
    quiz.setOnePerPage(settings.onePerPage());
    quiz.setReview(settings.reviewAnswers(), settings.reviewCorrect(), settings.reviewFeedback());
    return List.of();
  }

  /** The problems of settings on their own (not whether the grade is locked). */
  static List<Problem> problems(Settings s) {
    List<Problem> problems = new ArrayList<>();
    if (s.passPercent() == null
        || s.passPercent().signum() < 0
        || s.passPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
      problems.add(Problem.PASS_PERCENT);
    }
    if (s.attemptsAllowed() != null
        && (s.attemptsAllowed() < 1 || s.attemptsAllowed() > MAX_ATTEMPTS)) {
      problems.add(Problem.ATTEMPTS);
    }
    if (s.timeLimitMinutes() != null
        && (s.timeLimitMinutes() < 1 || s.timeLimitMinutes() > MAX_MINUTES)) {
      problems.add(Problem.TIME_LIMIT);
    }
    if (s.opensAt() != null && s.closesAt() != null && !s.closesAt().isAfter(s.opensAt())) {
      problems.add(Problem.WINDOW);
    }
    if (s.closesAt() == null
        && (s.reviewAnswers() == ReviewTiming.AFTER_CLOSE
            || s.reviewCorrect() == ReviewTiming.AFTER_CLOSE
            || s.reviewFeedback() == ReviewTiming.AFTER_CLOSE)) {
      problems.add(Problem.REVIEW_NEEDS_CLOSE);
    }
    return problems;
  }

  private boolean graded(long quizId) {
    return em.createQuery(
                "SELECT COUNT(a) FROM QuizAttempt a WHERE a.quizId = :quiz AND a.state = :finished",
                Long.class)
            .setParameter("quiz", quizId)
            .setParameter("finished", AttemptState.FINISHED)
            .getSingleResult()
        > 0;
  }

  /** A question of a course's bank in the instructor's list. */
  public record BankQuestion(
      long id, String category, String name, QuestionType type, int version, BigDecimal points) {}

  /** The questions of the bank of a course the instructor teaches, category by category. */
  public List<BankQuestion> questions(long instructorId, long courseId) {
    teaching.requireTeaches(instructorId, courseId);
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.quizzes.boundary.QuizAuthoring$BankQuestion(q.id,"
                + " c.name, v.name, v.type, v.number, v.points) FROM Question q JOIN q.category c"
                + " JOIN q.current v WHERE c.courseId = :course ORDER BY c.name, v.name, q.id",
            BankQuestion.class)
        .setParameter("course", courseId)
        .getResultList();
  }

  /**
   * A question to revise.
   *
   * @param gift the current version as GIFT, or null when GIFT cannot express it (ordering)
   * @param seen what the editor saw, for {@link #revise}'s conflict check
   */
  public record EditableQuestion(
      long id,
      long courseId,
      String courseTitle,
      String category,
      String name,
      QuestionType type,
      int version,
      BigDecimal points,
      String gift,
      long seen) {}

  /** A question of the bank of a course the instructor teaches. */
  public EditableQuestion question(long instructorId, long questionId) {
    Question question = em.find(Question.class, questionId);
    if (question == null) {
      throw new NotFoundException("question " + questionId);
    }
    long courseId = question.getCategory().getCourseId();
    teaching.requireTeaches(instructorId, courseId);
    QuestionContent content = question.getCurrent().getContent();
    String gift =
        GiftFormat.writable(content)
            ? GiftFormat.write(List.of(new GiftQuestion(null, content, 0))).strip()
            : null;
    return new EditableQuestion(
        questionId,
        courseId,
        catalog.outline(courseId).title(),
        question.getCategory().getName(),
        content.name(),
        content.type(),
        question.getCurrent().getNumber(),
        question.getCurrent().getPoints(),
        gift,
        question.getVersion());
  }

  /**
   * What a revision did.
   *
   * @param version the question's version number now (unchanged when nothing changed)
   * @param errors the GIFT text's errors by line; then nothing was saved
   * @param conflict someone revised the question since {@code seen}; then nothing was saved
   * @param questions how many questions the text held; anything but 1 saves nothing
   */
  public record Revised(
      int version, boolean changed, List<GiftError> errors, boolean conflict, int questions) {

    /** Whether the text was taken (saved, or the same as before). */
    public boolean ok() {
      return errors.isEmpty() && !conflict && questions == 1;
    }
  }

  /**
   * Revises a question from GIFT text holding exactly that one question, worth {@code points}: a
   * new version, which attempts started afterwards get; unchanged text makes no version.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public Revised revise(
      long instructorId, long questionId, String gift, BigDecimal points, long seen) {
    if (points == null || points.signum() <= 0 || points.compareTo(MAX_POINTS) > 0) {
      throw new IllegalArgumentException("points " + points);
    }
    if (em.find(Question.class, questionId, LockModeType.PESSIMISTIC_WRITE) == null) {
      throw new NotFoundException("question " + questionId);
    }
    EditableQuestion before = question(instructorId, questionId);
    if (before.seen() != seen) {
      return new Revised(before.version(), false, List.of(), true, 1);
    }
    GiftFormat.Result parsed = GiftFormat.parse(gift == null ? "" : gift);
    int found = parsed.questions().size();
    if (!parsed.errors().isEmpty() || found != 1) {
      return new Revised(before.version(), false, parsed.errors(), false, found);
    }
    QuestionContent parsedContent = parsed.questions().get(0).content();
    QuestionContent content =
        new QuestionContent(
            parsedContent.type(),
            parsedContent.name(),
            parsedContent.text(),
            points.doubleValue(),
            parsedContent.generalFeedback(),
            parsedContent.choices(),
            parsedContent.numbers(),
            parsedContent.pairs());
    Question question = em.find(Question.class, questionId);
    if (Objects.equals(question.getCurrent().getContent(), content)) {
      return new Revised(before.version(), false, List.of(), false, 1);
    }
    bank.revise(questionId, content, instructorId);
    return new Revised(before.version() + 1, true, List.of(), false, 1);
  }
}
