package dk.medborger.lms.quizzes.boundary;

import static dk.medborger.lms.platform.Csv.cell;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.quizzes.control.AttemptGrading;
import dk.medborger.lms.quizzes.control.AttemptRecords;
import dk.medborger.lms.quizzes.control.Attempts;
import dk.medborger.lms.quizzes.control.ItemAnalysis;
import dk.medborger.lms.quizzes.control.QuestionContents;
import dk.medborger.lms.quizzes.entity.AttemptAnswer;
import dk.medborger.lms.quizzes.entity.AttemptState;
import dk.medborger.lms.quizzes.entity.Mark;
import dk.medborger.lms.quizzes.entity.Quiz;
import dk.medborger.lms.quizzes.entity.QuizAttempt;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An instructor's work with quizzes, for the courses they teach only (403 for any other): their
 * quizzes, a quiz's results with item statistics, grading essays, extra attempts or time for one
 * learner, and the course's question bank in GIFT.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuizTeaching {

  @PersistenceContext EntityManager em;

  @Inject Teaching teaching;

  @Inject CourseCatalog catalog;

  @Inject AttemptRecords records;

  @Inject Attempts attempts;

  @Inject QuestionContents contents;

  @Inject QuestionBank bank;

  @Inject Clock clock;

  /** A quiz of a course the instructor teaches, with what waits for them. */
  public record TaughtQuiz(
      long courseId,
      String courseTitle,
      long quizId,
      String title,
      long attempts,
      long awaitingGrading) {}

  /** A course the instructor teaches. */
  public record TaughtCourse(long id, String title, List<TaughtQuiz> quizzes) {}

  /** One attempt in a quiz's results. */
  public record AttemptRow(
      long attemptId,
      long userId,
      String learner,
      int number,
      AttemptState state,
      Instant submittedAt,
      BigDecimal score,
      BigDecimal maxScore) {

    public BigDecimal percent() {
      return score == null
          ? null
          : BigDecimal.valueOf(AttemptGrading.percent(score.doubleValue(), maxScore.doubleValue()))
              .setScale(1, RoundingMode.HALF_UP);
    }
  }

  /** Statistics of one question over the graded attempts, as Moodle's quiz statistics define it. */
  public record QuestionRow(
      int slot,
      String name,
      int count,
      BigDecimal facility,
      BigDecimal standardDeviation,
      BigDecimal discrimination) {}

  /** A quiz's results. */
  public record Results(
      CourseOutline.Item quiz,
      CourseOutline outline,
      List<AttemptRow> attempts,
      int[] distribution,
      BigDecimal meanPercent,
      BigDecimal medianPercent,
      List<QuestionRow> questions) {}

  /** An answer that waits for a grader (or is being regraded). */
  public record EssayToGrade(
      long answerId,
      long attemptId,
      String learner,
      String courseTitle,
      String quizTitle,
      long quizId,
      int slot,
      String question,
      String answer,
      BigDecimal maxScore,
      BigDecimal score,
      String comment,
      long version,
      Instant submittedAt) {}

  /** The courses the instructor teaches, each with its quizzes. */
  public List<TaughtCourse> courses(long instructorId) {
    List<TaughtCourse> courses = new ArrayList<>();
    for (long courseId : teaching.coursesOf(instructorId)) {
      CourseOutline outline = catalog.outline(courseId);
      List<TaughtQuiz> quizzes = new ArrayList<>();
      for (CourseOutline.Item item : outline.activitiesInOrder()) {
        if (item.kind() == ActivityKind.QUIZ) {
          quizzes.add(
              new TaughtQuiz(
                  courseId,
                  outline.title(),
                  item.id(),
                  item.title(),
                  count("SELECT COUNT(a) FROM QuizAttempt a WHERE a.quizId = :quiz", item.id()),
                  count(
                      "SELECT COUNT(a) FROM AttemptAnswer a, QuizAttempt t WHERE t.id = a.attemptId"
                          + " AND t.quizId = :quiz AND a.mark = dk.medborger.lms.quizzes.entity.Mark.NEEDS_GRADING",
                      item.id())));
        }
      }
      courses.add(new TaughtCourse(courseId, outline.title(), List.copyOf(quizzes)));
    }
    return courses;
  }

  /** How many answers wait for this instructor's grading. */
  public long awaitingGrading(long instructorId) {
    return waitingEssays(instructorId).size();
  }

  /** A quiz's attempts, grade distribution and per-question statistics. */
  public Results results(long instructorId, long quizId) {
    CourseOutline outline = taughtQuiz(instructorId, quizId);
    List<AttemptRow> rows =
        em.createQuery(
                "SELECT NEW dk.medborger.lms.quizzes.boundary.QuizTeaching$AttemptRow(a.id, u.id,"
                    + " u.fullName, a.number, a.state, a.submittedAt, a.score, a.maxScore)"
                    + " FROM QuizAttempt a, UserAccount u WHERE u.id = a.userId AND a.quizId = :quiz"
                    + " ORDER BY u.fullName, a.number",
                AttemptRow.class)
            .setParameter("quiz", quizId)
            .getResultList();
    int[] distribution = new int[10];
    List<ItemAnalysis.Attempt> analysed = new ArrayList<>();
    Map<Integer, String> names = new LinkedHashMap<>();
    for (AttemptRow row : rows) {
      if (row.state() != AttemptState.FINISHED) {
        continue;
      }
      double percent = row.percent().doubleValue();
      distribution[Math.min(9, (int) Math.floor(percent / 10))]++;
      List<ItemAnalysis.Mark> marks = new ArrayList<>();
      for (AttemptAnswer answer : attempts.answers(row.attemptId())) {
        names.putIfAbsent(answer.getSlot(), contents.of(answer.getQuestionVersionId()).name());
        marks.add(
            new ItemAnalysis.Mark(
                answer.getScore() == null ? 0 : answer.getScore().doubleValue(),
                answer.getMaxScore().doubleValue()));
      }
      analysed.add(new ItemAnalysis.Attempt(marks));
    }
    List<QuestionRow> questions = new ArrayList<>();
    BigDecimal mean = null;
    BigDecimal median = null;
    if (!analysed.isEmpty()) {
      ItemAnalysis.Report report = ItemAnalysis.analyse(analysed);
      int slot = 1;
      for (ItemAnalysis.QuestionStatistics q : report.questions()) {
        questions.add(
            new QuestionRow(
                slot,
                names.get(slot),
                q.count(),
                decimal(q.facilityIndex()),
                decimal(q.standardDeviation()),
                decimal(q.discriminationIndex())));
        slot++;
      }
      mean = decimal(report.meanPercent());
      median = decimal(report.medianPercent());
    }
    return new Results(
        outline.activity(quizId).orElseThrow(),
        outline,
        List.copyOf(rows),
        distribution,
        mean,
        median,
        List.copyOf(questions));
  }

  /** The results as CSV for a spreadsheet (semicolons, Danish decimal commas, UTF-8 with BOM). */
  public String resultsCsv(long instructorId, long quizId, Map<String, String> headings) {
    Results results = results(instructorId, quizId);
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(
            String.join(
                ";",
                headings.get("learner"),
                headings.get("attempt"),
                headings.get("state"),
                headings.get("submitted"),
                headings.get("score"),
                headings.get("max"),
                headings.get("percent")))
        .append("\r\n");
    for (AttemptRow row : results.attempts()) {
      csv.append(cell(row.learner()))
          .append(';')
          .append(row.number())
          .append(';')
          .append(row.state())
          .append(';')
          .append(row.submittedAt() == null ? "" : row.submittedAt().toString())
          .append(';')
          .append(comma(row.score()))
          .append(';')
          .append(comma(row.maxScore()))
          .append(';')
          .append(comma(row.percent()))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** Answers waiting for a grader in the courses the instructor teaches, oldest first. */
  public List<EssayToGrade> awaiting(long instructorId) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return List.of();
    }
    List<EssayToGrade> essays = new ArrayList<>();
    for (AttemptAnswer answer :
        em.createQuery("SELECT a" + WAITING_ESSAYS, AttemptAnswer.class)
            .setParameter("courses", courses)
            .getResultList()) {
      essays.add(essay(answer));
    }
    return essays;
  }

  /** The essays waiting for a grader in {@code :courses}, oldest first; after a SELECT. */
  private static final String WAITING_ESSAYS =
      " FROM AttemptAnswer a JOIN QuizAttempt t ON t.id = a.attemptId"
          + " JOIN Activity q ON q.id = t.quizId JOIN q.module m JOIN m.course c"
          + " JOIN UserAccount u ON u.id = t.userId"
          + " WHERE c.id IN :courses"
          + " AND a.mark = dk.medborger.lms.quizzes.entity.Mark.NEEDS_GRADING"
          + " ORDER BY t.submittedAt, a.slot";

  /** An essay waiting for a grader, as the grading queue lists it. */
  public record WaitingEssay(
      long answerId,
      long courseId,
      String courseTitle,
      long quizId,
      String quizTitle,
      String learner,
      Instant submittedAt) {}

  /**
   * The essays waiting in the instructor's courses, oldest first, for the grading queue: one
   * statement, without the question's or the answer's text.
   */
  public List<WaitingEssay> waitingEssays(long instructorId) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.quizzes.boundary.QuizTeaching$WaitingEssay(a.id, c.id,"
                + " c.title, q.id, q.title, u.fullName, t.submittedAt)"
                + WAITING_ESSAYS,
            WaitingEssay.class)
        .setParameter("courses", courses)
        .getResultList();
  }

  /** One answer to grade; 403 outside the instructor's courses. */
  public EssayToGrade essay(long instructorId, long answerId) {
    AttemptAnswer answer = em.find(AttemptAnswer.class, answerId);
    if (answer == null) {
      throw new NotFoundException("answer " + answerId);
    }
    QuizAttempt attempt = em.find(QuizAttempt.class, answer.getAttemptId());
    taughtQuiz(instructorId, attempt.getQuizId());
    return essay(answer);
  }

  /** Grades one answer (see {@link AttemptRecords#grade}); 403 outside the instructor's courses. */
  public void grade(
      long instructorId, long answerId, BigDecimal points, String comment, long seenVersion) {
    essay(instructorId, answerId);
    records.grade(answerId, points, comment, seenVersion, instructorId, clock.instant());
  }

  /** Extra attempts and/or another time limit for one learner of a quiz the instructor teaches. */
  public void override(
      long instructorId, long quizId, long learnerId, int extraAttempts, Integer minutes) {
    taughtQuiz(instructorId, quizId);
    records.setOverride(
        quizId,
        learnerId,
        extraAttempts,
        minutes == null ? null : Duration.ofMinutes(minutes),
        instructorId,
        clock.instant());
  }

  /** Imports GIFT into the bank of a course the instructor teaches (all or nothing). */
  public QuestionBank.Imported importGift(
      long instructorId, long courseId, String gift, String defaultCategory) {
    requireTeaches(instructorId, courseId);
    return bank.importGift(courseId, gift, defaultCategory, instructorId);
  }

  /** The bank of a course the instructor teaches, as GIFT. */
  public String exportGift(long instructorId, long courseId) {
    requireTeaches(instructorId, courseId);
    return bank.exportGift(courseId);
  }

  /** A category of a course's bank and how many questions it holds. */
  public record CategoryCount(String name, long questions) {}

  /** The categories of the bank of a course the instructor teaches. */
  public List<CategoryCount> bankSummary(long instructorId, long courseId) {
    requireTeaches(instructorId, courseId);
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.quizzes.boundary.QuizTeaching$CategoryCount(c.name,"
                + " COUNT(q)) FROM Question q JOIN q.category c WHERE c.courseId = :course"
                + " GROUP BY c.name ORDER BY c.name",
            CategoryCount.class)
        .setParameter("course", courseId)
        .getResultList();
  }

  /** 404 for a course that does not exist, 403 for one the instructor does not teach. */
  public void requireTeaches(long instructorId, long courseId) {
    catalog.outline(courseId);
    if (!teaching.teaches(instructorId, courseId)) {
      throw new ForbiddenException("course " + courseId);
    }
  }

  /** The outline of a quiz the instructor teaches: 404 for no such quiz, 403 for another course. */
  CourseOutline taughtQuiz(long instructorId, long quizId) {
    CourseOutline outline = catalog.outlineOfActivity(quizId);
    if (outline.activity(quizId).orElseThrow().kind() != ActivityKind.QUIZ
        || em.find(Quiz.class, quizId) == null) {
      throw new NotFoundException("quiz " + quizId);
    }
    requireTeaches(instructorId, outline.id());
    return outline;
  }

  private EssayToGrade essay(AttemptAnswer answer) {
    QuizAttempt attempt = em.find(QuizAttempt.class, answer.getAttemptId());
    CourseOutline outline = catalog.outlineOfActivity(attempt.getQuizId());
    String learner =
        em.createQuery("SELECT u.fullName FROM UserAccount u WHERE u.id = :id", String.class)
            .setParameter("id", attempt.getUserId())
            .getSingleResult();
    return new EssayToGrade(
        answer.getId(),
        attempt.getId(),
        learner,
        outline.title(),
        outline.activity(attempt.getQuizId()).orElseThrow().title(),
        attempt.getQuizId(),
        answer.getSlot(),
        contents.of(answer.getQuestionVersionId()).text(),
        answer.getResponse() == null ? null : answer.getResponse().text(),
        answer.getMaxScore(),
        answer.getMark() == Mark.NEEDS_GRADING ? null : answer.getScore(),
        answer.getGraderComment(),
        answer.getVersion(),
        attempt.getSubmittedAt());
  }

  private long count(String jpql, long quizId) {
    return em.createQuery(jpql, Long.class).setParameter("quiz", quizId).getSingleResult();
  }

  private static BigDecimal decimal(OptionalDouble value) {
    return value.isPresent()
        ? BigDecimal.valueOf(value.getAsDouble()).setScale(1, RoundingMode.HALF_UP)
        : null;
  }

  private static String comma(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
