package dk.medborger.lms.quizzes.control;

import dk.medborger.lms.quizzes.entity.ReviewTiming;
import java.time.Instant;

/**
 * What a learner may see of their own finished attempt, by the quiz's review settings: their
 * answers and score, the right answers, the feedback. Nothing of an open attempt is reviewed, and
 * "after close" means after the quiz's close date (never, for a quiz that does not close).
 *
 * <pre>
 * ReviewPolicy.Shown shown = ReviewPolicy.shown(answers, correct, feedback, submitted, closesAt, now);
 * if (shown.correct()) { ... }
 * </pre>
 */
public final class ReviewPolicy {

  private ReviewPolicy() {}

  /** The parts of a review the learner may see now. */
  public record Shown(boolean answers, boolean correct, boolean feedback) {
    public boolean any() {
      return answers || correct || feedback;
    }
  }

  public static Shown shown(
      ReviewTiming answers,
      ReviewTiming correct,
      ReviewTiming feedback,
      boolean submitted,
      Instant closesAt,
      Instant now) {
    return new Shown(
        allows(answers, submitted, closesAt, now),
        allows(correct, submitted, closesAt, now),
        allows(feedback, submitted, closesAt, now));
  }

  static boolean allows(ReviewTiming timing, boolean submitted, Instant closesAt, Instant now) {
    if (!submitted) {
      return false;
    }
    return switch (timing) {
      case NEVER -> false;
      case AFTER_SUBMIT -> true;
      case AFTER_CLOSE -> closesAt != null && !now.isBefore(closesAt);
    };
  }
}
