package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.quizzes.boundary.QuizRefused;
import dk.medborger.lms.quizzes.boundary.QuizRefused.Reason;
import dk.medborger.lms.quizzes.entity.QuestionContent;
import dk.medborger.lms.quizzes.entity.QuestionType;
import dk.medborger.lms.quizzes.entity.Quiz;
import dk.medborger.lms.quizzes.entity.QuizOverride;
import dk.medborger.lms.quizzes.entity.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The quiz's own rules for a learner: when an attempt may start, when it must end (the server's
 * deadline: the time limit, never later than the quiz's close), and which answers a question takes.
 */
public final class QuizRules {

  private QuizRules() {}

  /**
   * Refuses a new attempt before the quiz opens, after it closes, or when none are left (counting
   * an instructor's extra attempts for this learner; {@code override} may be null).
   */
  public static void requireStartable(
      Quiz quiz, int attemptsSoFar, QuizOverride override, Instant now) {
    Reason why = whyNot(quiz, attemptsSoFar, override, now);
    if (why != null) {
      throw new QuizRefused(why);
    }
  }

  /** Why a new attempt may not start now, or null when it may. */
  public static Reason whyNot(Quiz quiz, int attemptsSoFar, QuizOverride override, Instant now) {
    if (quiz.getOpensAt() != null && now.isBefore(quiz.getOpensAt())) {
      return Reason.NOT_OPEN_YET;
    }
    if (quiz.getClosesAt() != null && !now.isBefore(quiz.getClosesAt())) {
      return Reason.CLOSED;
    }
    Integer allowed = attemptsAllowed(quiz, override);
    if (allowed != null && attemptsSoFar >= allowed) {
      return Reason.NO_ATTEMPTS_LEFT;
    }
    return null;
  }

  /** The attempts this learner may make, or null for no limit. */
  public static Integer attemptsAllowed(Quiz quiz, QuizOverride override) {
    if (quiz.getAttemptsAllowed() == null) {
      return null;
    }
    return quiz.getAttemptsAllowed() + (override == null ? 0 : override.getExtraAttempts());
  }

  /** The time limit for this learner: the override's when it has one. */
  public static Duration timeLimit(Quiz quiz, QuizOverride override) {
    return override != null && override.getTimeLimit() != null
        ? override.getTimeLimit()
        : quiz.getTimeLimit();
  }

  /** When an attempt started at {@code start} must be handed in, or null when it has no limit. */
  public static Instant deadline(Quiz quiz, QuizOverride override, Instant start) {
    Duration limit = timeLimit(quiz, override);
    Instant byLimit = limit == null ? null : start.plus(limit);
    Instant close = quiz.getClosesAt();
    if (byLimit == null) {
      return close;
    }
    return close != null && close.isBefore(byLimit) ? close : byLimit;
  }

  /**
   * Whether {@code response} is an answer {@code question} can take: only its own keys, each once
   * (an ordering question's places may be empty or repeat an item), and no text longer than {@link
   * AttemptRecords#MAX_TEXT}. A blank answer always fits (a learner may take an answer back).
   */
  public static boolean fits(QuestionContent question, Response response) {
    if (response == null) {
      return false;
    }
    if (response.text() != null && response.text().length() > AttemptRecords.MAX_TEXT) {
      return false;
    }
    Set<String> keys = new HashSet<>();
    question.choices().forEach(c -> keys.add(c.key()));
    Set<String> pairs = new HashSet<>();
    question.pairs().forEach(p -> pairs.add(p.key()));
    if (question.type() == QuestionType.ORDERING) {
      // Positions in order; "" is a place not filled yet, and an item may sit in two places while
      // the learner is still moving it: what they chose is kept, the grading sorts it out.
      return response.keys().size() <= keys.size()
          && response.keys().stream().allMatch(k -> k.isEmpty() || keys.contains(k))
          && response.matches().isEmpty();
    }
    if (new HashSet<>(response.keys()).size() != response.keys().size()
        || !keys.containsAll(response.keys())) {
      return false;
    }
    return switch (question.type()) {
      case SINGLE_CHOICE, TRUE_FALSE -> response.keys().size() <= 1;
      case MATCHING ->
          response.matches().keySet().stream().allMatch(pairs::contains)
              && pairs.containsAll(response.matches().values());
      default -> response.matches().isEmpty();
    };
  }
}
