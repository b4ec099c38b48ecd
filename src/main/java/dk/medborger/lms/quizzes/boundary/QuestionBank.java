package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.quizzes.control.Attempts;
import dk.medborger.lms.quizzes.control.GiftFormat;
import dk.medborger.lms.quizzes.control.GiftFormat.GiftError;
import dk.medborger.lms.quizzes.control.GiftFormat.GiftQuestion;
import dk.medborger.lms.quizzes.control.ModelAnswers;
import dk.medborger.lms.quizzes.control.QuestionContents;
import dk.medborger.lms.quizzes.entity.AttemptAnswer;
import dk.medborger.lms.quizzes.entity.Question;
import dk.medborger.lms.quizzes.entity.QuestionCategory;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionVersion;
import dk.medborger.lms.quizzes.entity.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A course's question bank: importing questions from GIFT (all or nothing), revising a question (a
 * new version: attempts keep the one they showed), and exporting the bank as GIFT.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuestionBank {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Attempts attempts;

  @Inject QuestionContents contents;

  /** What an import did: the new questions' ids, or the errors (and then nothing was imported). */
  public record Imported(List<Long> questionIds, List<GiftError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Imports every question of a GIFT text into the course's bank, in the file's categories or in
   * {@code defaultCategory}; a file with any error imports nothing and lists every error with its
   * line.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public Imported importGift(long courseId, String gift, String defaultCategory, Long byUser) {
    GiftFormat.Result parsed = GiftFormat.parse(gift);
    if (!parsed.errors().isEmpty()) {
      return new Imported(List.of(), parsed.errors());
    }
    List<Long> ids = new ArrayList<>();
    for (GiftQuestion q : parsed.questions()) {
      ids.add(
          create(
              courseId,
              q.category() == null ? defaultCategory : q.category(),
              q.content(),
              byUser));
    }
    return new Imported(List.copyOf(ids), List.of());
  }

  /** Adds a question to a category of the course's bank (made when missing); returns its id. */
  @Transactional(Transactional.TxType.REQUIRED)
  public long create(long courseId, String categoryName, QuestionContent content, Long byUser) {
    Question question = new Question(category(courseId, categoryName), clock.instant());
    em.persist(question);
    em.flush();
    addVersion(question, 1, content, byUser);
    return question.getId();
  }

  /** Revises a question: its content becomes a new version, the one new attempts get. */
  @Transactional(Transactional.TxType.REQUIRED)
  public long revise(long questionId, QuestionContent content, Long byUser) {
    Question question = em.find(Question.class, questionId);
    int next =
        em.createQuery(
                "SELECT MAX(v.number) FROM QuestionVersion v WHERE v.question.id = :id",
                Integer.class)
            .setParameter("id", questionId)
            .getSingleResult();
    return addVersion(question, next + 1, content, byUser).getId();
  }

  /**
   * A full-marks answer for each question of an attempt, by slot: for demo data and instructors'
   * previews only, never for a learner's page.
   */
  public Map<Integer, Response> modelAnswers(long attemptId) {
    Map<Integer, Response> answers = new TreeMap<>();
    for (AttemptAnswer answer : attempts.answers(attemptId)) {
      answers.put(answer.getSlot(), ModelAnswers.of(contents.of(answer.getQuestionVersionId())));
    }
    return answers;
  }

  /** The course's bank as GIFT, current versions only, category by category. */
  public String exportGift(long courseId) {
    List<GiftQuestion> questions = new ArrayList<>();
    for (Question q :
        em.createQuery(
                "SELECT q FROM Question q WHERE q.category.courseId = :course"
                    + " ORDER BY q.category.name, q.id",
                Question.class)
            .setParameter("course", courseId)
            .getResultList()) {
      if (GiftFormat.writable(q.getCurrent().getContent())) {
        questions.add(new GiftQuestion(q.getCategory().getName(), q.getCurrent().getContent(), 0));
      }
    }
    return GiftFormat.write(questions);
  }

  private QuestionVersion addVersion(
      Question question, int number, QuestionContent content, Long byUser) {
    QuestionVersion version =
        new QuestionVersion(question, number, content, clock.instant(), byUser);
    em.persist(version);
    em.flush();
    question.revise(version);
    return version;
  }

  /** The course's category of that name, made when missing. */
  @Transactional(Transactional.TxType.REQUIRED)
  public QuestionCategory category(long courseId, String name) {
    return em.createQuery(
            "SELECT c FROM QuestionCategory c WHERE c.courseId = :course AND c.name = :name",
            QuestionCategory.class)
        .setParameter("course", courseId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              QuestionCategory created = new QuestionCategory(courseId, name);
              em.persist(created);
              return created;
            });
  }
}
