package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.ActivityOutcomes;
import dk.medborger.lms.progress.boundary.Outcome;
import dk.medborger.lms.progress.entity.OutcomeKind;
import dk.medborger.lms.quizzes.boundary.QuizRefused;
import dk.medborger.lms.quizzes.boundary.QuizRefused.Reason;
import dk.medborger.lms.quizzes.entity.AttemptAnswer;
import dk.medborger.lms.quizzes.entity.AttemptState;
import dk.medborger.lms.quizzes.entity.Mark;
import dk.medborger.lms.quizzes.entity.Question;
import dk.medborger.lms.quizzes.entity.QuestionVersion;
import dk.medborger.lms.quizzes.entity.Quiz;
import dk.medborger.lms.quizzes.entity.QuizAttempt;
import dk.medborger.lms.quizzes.entity.QuizAttempt.FinishedBy;
import dk.medborger.lms.quizzes.entity.QuizOverride;
import dk.medborger.lms.quizzes.entity.QuizSlot;
import dk.medborger.lms.quizzes.entity.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Every write of a quiz attempt: starting one, saving an answer, handing it in (by the learner or,
 * when its time ran out, by the server) and recording the quiz's grade as the learner's outcome.
 *
 * <p>Locks are taken in one order (ADR 12): the learner's enrolment first ({@link
 * ActivityOutcomes#lock}), then the attempt. Starting and handing in take both, so two starts at
 * once give one attempt and a hand-in never races another; a save takes only the attempt's lock, so
 * it runs before or after a hand-in, never beside it, and an acknowledged answer is always graded.
 */
@ApplicationScoped
@Transactional
public class AttemptRecords {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The longest answer text taken (an essay of some 8,000 words). */
  public static final int MAX_TEXT = 50_000;

  @PersistenceContext EntityManager em;

  @Inject ActivityOutcomes outcomes;

  @Inject Attempts attempts;

  @Inject QuestionContents contents;

  /** The open attempt of the learner, or a new one; refused when the rules say no. */
  public long start(long userId, long quizId, Instant now) {
    outcomes.lock(userId, quizId);
    Quiz quiz = quiz(quizId);
    List<QuizAttempt> earlier = attempts.ofLearner(userId, quizId);
    for (QuizAttempt attempt : earlier) {
      if (attempt.open()) {
        return attempt.getId();
      }
    }
    QuizOverride override = override(quizId, userId);
    QuizRules.requireStartable(quiz, earlier.size(), override, now);
    if (outcomes
        .record(userId, quizId, Outcome.of(OutcomeKind.STARTED, "QUIZ_ATTEMPT", null))
        .locked()) {
      throw new QuizRefused(Reason.LOCKED);
    }
    List<QuestionVersion> questions = questionsFor(quiz);
    BigDecimal max =
        questions.stream().map(QuestionVersion::getPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    QuizAttempt attempt =
        new QuizAttempt(
            quizId,
            userId,
            earlier.size() + 1,
            now,
            QuizRules.deadline(quiz, override, now),
            max,
            HexFormat.of().formatHex(token()));
    em.persist(attempt);
    em.flush();
    int slot = 1;
    for (QuestionVersion question : questions) {
      em.persist(
          new AttemptAnswer(
              attempt.getId(),
              slot++,
              question,
              AttemptDraw.choiceOrder(question.getContent(), quiz.isShuffleChoices(), RANDOM)));
    }
    return attempt.getId();
  }

  /** What a save did: the answer's new version, and whether another tab had saved it meanwhile. */
  public record Saved(long version, Instant savedAt, boolean otherTabSaved) {}

  /**
   * Saves one answer of the learner's open attempt. The later save wins; {@code seenVersion} tells
   * whether the tab saving it had seen the one before (else another tab or device saved in between,
   * and the tab is told). Refused after the deadline and its grace, or once handed in.
   */
  public Saved save(
      long userId,
      long attemptId,
      String token,
      int slot,
      Response response,
      long seenVersion,
      Instant now,
      Duration grace) {
    QuizAttempt attempt = attempts.ownLocked(userId, attemptId);
    if (!attempt.getSaveToken().equals(token)) {
      throw new QuizRefused(Reason.BAD_TOKEN);
    }
    // The deadline first: an attempt the server handed in when its time ran out says so.
    if (attempt.getDeadlineAt() != null && now.isAfter(attempt.getDeadlineAt().plus(grace))) {
      throw new QuizRefused(Reason.TIME_UP);
    }
    if (!attempt.open()) {
      throw new QuizRefused(Reason.ATTEMPT_CLOSED);
    }
    AttemptAnswer answer = answer(attemptId, slot);
    if (!QuizRules.fits(contents.of(answer.getQuestionVersionId()), response)) {
      throw new QuizRefused(Reason.INVALID_ANSWER);
    }
    boolean otherTab = answer.getVersion() != seenVersion;
    answer.save(response, now);
    em.flush();
    return new Saved(answer.getVersion(), now, otherTab);
  }

  /** Flags a question to come back to (or clears it). */
  public void flag(long userId, long attemptId, String token, int slot, boolean on) {
    QuizAttempt attempt = attempts.ownLocked(userId, attemptId);
    if (!attempt.getSaveToken().equals(token)) {
      throw new QuizRefused(Reason.BAD_TOKEN);
    }
    if (!attempt.open()) {
      throw new QuizRefused(Reason.ATTEMPT_CLOSED);
    }
    answer(attemptId, slot).flag(on);
  }

  /**
   * Hands the attempt in and grades it: every answer the server can grade is graded, the attempt
   * waits for a grader when an essay was answered, and the quiz's grade over all the learner's
   * attempts becomes their outcome. Handing in twice changes nothing.
   */
  public void submit(long userId, long attemptId, FinishedBy by, Instant now) {
    QuizAttempt attempt = attempts.own(userId, attemptId);
    outcomes.lock(userId, attempt.getQuizId());
    em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
    if (!attempt.open()) {
      return;
    }
    List<AnswerGrading.Marked> marks = new ArrayList<>();
    for (AttemptAnswer answer : attempts.answers(attemptId)) {
      AnswerGrading.Marked mark =
          AnswerGrading.grade(
              contents.of(answer.getQuestionVersionId()),
              answer.getResponse() == null ? Response.ofText(null) : answer.getResponse());
      marks.add(mark);
      answer.mark(
          Mark.valueOf(mark.state().name()),
          mark.state() == AnswerGrading.Marked.State.NEEDS_GRADING
              ? null
              : BigDecimal.valueOf(mark.fraction()).setScale(6, RoundingMode.HALF_UP),
          null,
          now,
          null);
    }
    AttemptGrading.Total total = AttemptGrading.total(marks);
    attempt.submit(
        now,
        by,
        BigDecimal.valueOf(total.score()).setScale(3, RoundingMode.HALF_UP),
        total.needsGrading());
    em.flush();
    recordGrade(userId, quiz(attempt.getQuizId()), attempt, null);
  }

  /**
   * The quiz's grade over the learner's graded attempts, by its grading method, as the learner's
   * outcome: passed or failed with the grade in percent; awaiting grading while the attempt just
   * handed in waits for a grader and nothing graded passes yet.
   */
  void recordGrade(long userId, Quiz quiz, QuizAttempt latest, Long grader) {
    List<Double> percents = new ArrayList<>();
    for (QuizAttempt a : attempts.ofLearner(userId, quiz.getId())) {
      if (a.getState() == AttemptState.FINISHED) {
        percents.add(
            AttemptGrading.percent(a.getScore().doubleValue(), a.getMaxScore().doubleValue()));
      }
    }
    OptionalDouble grade = AttemptGrading.combine(quiz.getGradingMethod(), percents);
    double pass = quiz.getPassPercent().doubleValue();
    Outcome outcome;
    if (grade.isPresent()
        && (grade.getAsDouble() >= pass || latest.getState() == AttemptState.FINISHED)) {
      outcome =
          Outcome.graded(
              grade.getAsDouble() >= pass,
              BigDecimal.valueOf(grade.getAsDouble()).setScale(3, RoundingMode.HALF_UP),
              BigDecimal.valueOf(100),
              "QUIZ_ATTEMPT",
              latest.getId(),
              grader);
    } else {
      outcome = Outcome.of(OutcomeKind.AWAITING_GRADING, "QUIZ_ATTEMPT", latest.getId());
    }
    outcomes.record(userId, quiz.getId(), outcome);
  }

  /**
   * A grader's points for one answer (an essay, or a regrade of any answer) with a comment. {@code
   * seenVersion} is the answer's version the grader's page showed: when another grader saved it in
   * between, nothing is written and {@link jakarta.persistence.OptimisticLockException} tells so.
   * When no answer waits for a grader any more, the attempt is graded and the quiz's grade reaches
   * progress again; every change is kept in the outcome history.
   */
  public void grade(
      long answerId,
      BigDecimal points,
      String comment,
      long seenVersion,
      long graderId,
      Instant now) {
    AttemptAnswer answer = em.find(AttemptAnswer.class, answerId);
    if (answer == null) {
      throw new NotFoundException("answer " + answerId);
    }
    QuizAttempt attempt = em.find(QuizAttempt.class, answer.getAttemptId());
    outcomes.lock(attempt.getUserId(), attempt.getQuizId());
    em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(answer);
    if (answer.getVersion() != seenVersion) {
      throw new jakarta.persistence.OptimisticLockException("answer " + answerId);
    }
    if (attempt.open()) {
      throw new QuizRefused(Reason.ATTEMPT_CLOSED);
    }
    BigDecimal max = answer.getMaxScore();
    BigDecimal clamped = points.max(BigDecimal.ZERO).min(max);
    BigDecimal fraction = clamped.divide(max, 6, RoundingMode.HALF_UP);
    Mark mark =
        fraction.signum() == 0
            ? Mark.WRONG
            : fraction.compareTo(BigDecimal.ONE) == 0 ? Mark.CORRECT : Mark.PARTIAL;
    answer.mark(mark, fraction, graderId, now, comment);
    em.flush();
    List<AttemptAnswer> all = attempts.answers(attempt.getId());
    boolean waiting = all.stream().anyMatch(a -> a.getMark() == Mark.NEEDS_GRADING);
    if (!waiting) {
      attempt.graded(
          all.stream()
              .map(a -> a.getScore() == null ? BigDecimal.ZERO : a.getScore())
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .setScale(3, RoundingMode.HALF_UP));
      em.flush();
      recordGrade(attempt.getUserId(), quiz(attempt.getQuizId()), attempt, graderId);
    }
  }

  /** The ids of open attempts whose deadline (and grace) passed before {@code now}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Long> expired(Instant now, Duration grace) {
    return em.createNamedQuery(QuizAttempt.EXPIRED, Long.class)
        .setParameter("before", now.minus(grace))
        .getResultList();
  }

  /** Hands in an attempt whose time ran out, as the server; does nothing if it was handed in. */
  public void finaliseExpired(long attemptId, Instant now) {
    QuizAttempt attempt = em.find(QuizAttempt.class, attemptId);
    if (attempt != null && attempt.open()) {
      submit(attempt.getUserId(), attemptId, FinishedBy.TIMEOUT, now);
    }
  }

  private List<QuestionVersion> questionsFor(Quiz quiz) {
    List<QuestionVersion> questions = new ArrayList<>();
    Set<Long> used = new HashSet<>();
    for (QuizSlot slot : quiz.getSlots()) {
      if (slot.getQuestion() != null) {
        if (used.add(slot.getQuestion().getId())) {
          questions.add(slot.getQuestion().getCurrent());
        }
      } else {
        List<Question> candidates =
            em
                .createQuery(
                    "SELECT q FROM Question q WHERE q.category.id = :category AND q.current IS NOT NULL",
                    Question.class)
                .setParameter("category", slot.getCategory().getId())
                .getResultList()
                .stream()
                .filter(q -> !used.contains(q.getId()))
                .toList();
        for (Question q : AttemptDraw.draw(candidates, slot.getDrawCount(), RANDOM)) {
          used.add(q.getId());
          questions.add(q.getCurrent());
        }
      }
    }
    return questions;
  }

  /** The instructor's exception for this learner, or null. */
  public QuizOverride override(long quizId, long userId) {
    return em.find(QuizOverride.class, new QuizOverride.Key(quizId, userId));
  }

  /**
   * Gives one learner extra attempts and/or another time limit (null: the quiz's). Setting it again
   * replaces it; the time limit applies to attempts started after.
   */
  public void setOverride(
      long quizId, long userId, int extraAttempts, Duration timeLimit, long by, Instant now) {
    QuizOverride override = override(quizId, userId);
    if (override == null) {
      override = new QuizOverride(quizId, userId);
      em.persist(override);
    }
    override.set(extraAttempts, timeLimit, by, now);
  }

  private Quiz quiz(long quizId) {
    Quiz quiz = em.find(Quiz.class, quizId);
    if (quiz == null) {
      throw new NotFoundException("quiz " + quizId);
    }
    return quiz;
  }

  private AttemptAnswer answer(long attemptId, int slot) {
    return em.createQuery(
            "SELECT a FROM AttemptAnswer a WHERE a.attemptId = :attemptId AND a.slot = :slot",
            AttemptAnswer.class)
        .setParameter("attemptId", attemptId)
        .setParameter("slot", slot)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("slot " + slot));
  }

  private static byte[] token() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
