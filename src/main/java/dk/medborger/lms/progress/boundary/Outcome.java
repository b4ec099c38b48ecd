package dk.medborger.lms.progress.boundary;

import dk.medborger.lms.progress.entity.OutcomeKind;
import java.math.BigDecimal;

/**
 * What another component reports about a learner's activity ({@link ActivityOutcomes#record}): a
 * lesson completed, a quiz attempt graded, an assignment submitted or returned for revision.
 *
 * <pre>
 * outcomes.record(userId, quizId, Outcome.graded(true, score, max, "QUIZ_ATTEMPT", attemptId, null));
 * </pre>
 *
 * @param score the score, with {@code maxScore}, for PASSED and FAILED (else null)
 * @param source who reports it ({@code LESSON}, {@code QUIZ_ATTEMPT}, {@code ASSIGNMENT}, …)
 * @param sourceId the reporting component's own record, or null
 * @param recordedBy the grader's user id, or null when the learner or the server did it
 */
public record Outcome(
    OutcomeKind kind,
    BigDecimal score,
    BigDecimal maxScore,
    String source,
    Long sourceId,
    Long recordedBy) {

  public Outcome {
    if ((score == null) != (maxScore == null)) {
      throw new IllegalArgumentException("A score needs its maximum");
    }
    if ((kind == OutcomeKind.PASSED || kind == OutcomeKind.FAILED) && score == null) {
      throw new IllegalArgumentException(kind + " needs a score");
    }
  }

  public static Outcome of(OutcomeKind kind, String source, Long sourceId) {
    return new Outcome(kind, null, null, source, sourceId, null);
  }

  /** Graded: passed or failed with a score out of {@code maxScore}. */
  public static Outcome graded(
      boolean passed,
      BigDecimal score,
      BigDecimal maxScore,
      String source,
      Long sourceId,
      Long recordedBy) {
    return new Outcome(
        passed ? OutcomeKind.PASSED : OutcomeKind.FAILED,
        score,
        maxScore,
        source,
        sourceId,
        recordedBy);
  }

  /** Whether it is a pass (true), a fail (false) or no judgement (null). */
  public Boolean passed() {
    return switch (kind) {
      case PASSED -> Boolean.TRUE;
      case FAILED -> Boolean.FALSE;
      default -> null;
    };
  }
}
