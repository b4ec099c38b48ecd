package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.quizzes.entity.AttemptAnswer;
import dk.medborger.lms.quizzes.entity.QuizAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reading attempts, the one place for it: a learner's own attempt (anyone else's is "not found"), a
 * learner's attempts at a quiz, an attempt's answers. In the caller's transaction when there is
 * one, so a writer gets the rows it will change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Attempts {

  @PersistenceContext EntityManager em;

  /** The learner's attempt; 404 for a missing one or another learner's. */
  public QuizAttempt own(long userId, long attemptId) {
    return owned(userId, attemptId, em.find(QuizAttempt.class, attemptId));
  }

  /** The learner's own attempt, its row locked until the transaction ends ({@link #own}). */
  public QuizAttempt ownLocked(long userId, long attemptId) {
    return owned(
        userId,
        attemptId,
        em.find(QuizAttempt.class, attemptId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  private static QuizAttempt owned(long userId, long attemptId, QuizAttempt attempt) {
    if (attempt == null || attempt.getUserId() != userId) {
      throw new NotFoundException("attempt " + attemptId);
    }
    return attempt;
  }

  /** The learner's attempts at a quiz, first first. */
  public List<QuizAttempt> ofLearner(long userId, long quizId) {
    return em.createNamedQuery(QuizAttempt.OF_LEARNER, QuizAttempt.class)
        .setParameter("quizId", quizId)
        .setParameter("userId", userId)
        .getResultList();
  }

  /** An attempt's answers by slot. */
  public List<AttemptAnswer> answers(long attemptId) {
    return em.createNamedQuery(AttemptAnswer.OF_ATTEMPT, AttemptAnswer.class)
        .setParameter("attemptId", attemptId)
        .getResultList();
  }
}
