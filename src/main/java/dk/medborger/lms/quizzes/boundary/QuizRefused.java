package dk.medborger.lms.quizzes.boundary;

/**
 * A quiz action the rules do not allow now; its reason names the message the learner reads ({@code
 * quiz.refused.<REASON>} in the bundles). Nothing was written.
 */
public class QuizRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The quiz's module is locked until an earlier one is completed. */
    LOCKED,
    NOT_OPEN_YET,
    CLOSED,
    NO_ATTEMPTS_LEFT,
    /** The attempt was handed in already (in another tab, or by the server when time ran out). */
    ATTEMPT_CLOSED,
    /** The attempt's time ran out; answers after it (and its grace) are not taken. */
    TIME_UP,
    /** A save that does not come from the attempt's own page. */
    BAD_TOKEN,
    /** An answer naming choices the question does not have, or far too long. */
    INVALID_ANSWER
  }

  private final Reason reason;

  public QuizRefused(Reason reason) {
    super(reason.name());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public String messageKey() {
    return "quiz.refused." + reason.name();
  }
}
