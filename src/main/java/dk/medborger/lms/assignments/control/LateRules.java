package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.entity.LatePolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * When work counts as late, when it is refused, and what a late penalty leaves of the points: pure
 * rules over the assignment's due date, cut-off and late policy and a learner's extension.
 *
 * <pre>
 * LateRules.verdict(REFUSE_AFTER_CUTOFF, due, cutoff, null, now)   // ON_TIME, LATE or REFUSED
 * LateRules.penalised(points, ACCEPT_WITH_PENALTY, 20, true)       // 80 % of the points
 * </pre>
 */
public final class LateRules {

  private LateRules() {}

  /** What handing in at a moment means. */
  public enum Verdict {
    ON_TIME,
    LATE,
    REFUSED
  }

  /**
   * The learner's due date: their extension when they have one, else the assignment's. An extension
   * never brings a due date forward (the assignment's may have been moved past it since), and an
   * assignment without a due date has none for anyone.
   */
  public static Instant due(Instant due, Instant extension) {
    return due != null && extension != null && extension.isAfter(due) ? extension : due;
  }

  /** The learner's cut-off: an extension beyond the cut-off moves it there. */
  public static Instant cutoff(Instant cutoff, Instant extension) {
    if (cutoff == null || extension == null) {
      return cutoff;
    }
    return extension.isAfter(cutoff) ? extension : cutoff;
  }

  public static Verdict verdict(
      LatePolicy policy, Instant due, Instant cutoff, Instant extension, Instant now) {
    Instant myDue = due(due, extension);
    if (myDue == null || !now.isAfter(myDue)) {
      return Verdict.ON_TIME;
    }
    Instant myCutoff = cutoff(cutoff, extension);
    if (policy == LatePolicy.REFUSE_AFTER_CUTOFF && myCutoff != null && now.isAfter(myCutoff)) {
      return Verdict.REFUSED;
    }
    return Verdict.LATE;
  }

  /** The points after the late penalty (only {@code ACCEPT_WITH_PENALTY} and late work lose). */
  public static BigDecimal penalised(
      BigDecimal points, LatePolicy policy, Integer penaltyPercent, boolean late) {
    if (points == null
        || !late
        || policy != LatePolicy.ACCEPT_WITH_PENALTY
        || penaltyPercent == null) {
      return points;
    }
    return points
        .multiply(BigDecimal.valueOf(100 - penaltyPercent))
        .divide(BigDecimal.valueOf(100), 3, RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }
}
