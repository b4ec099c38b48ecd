package dk.medborger.lms.assignments.boundary;

import java.time.Instant;

/**
 * Fired inside the grader's transaction when a learner's work goes back to them: a grade released
 * (one by one or in bulk) or a revision asked for. Observe it in the same transaction (a plain
 * {@code @Observes}), so that what it leads to — the learner's notification in the mail outbox — is
 * written with the grade or not at all:
 *
 * <pre>
 * void notify(&#64;Observes WorkReturned returned) { … }
 * </pre>
 *
 * <p>It carries ids only, never names or grades, so that a blind-graded submission's identity does
 * not travel further than the learner's own mail.
 */
public record WorkReturned(
    long submissionId, long learnerId, long assignmentId, Kind kind, Instant at) {

  /** What happened to the work. */
  public enum Kind {
    GRADED,
    REVISION_REQUESTED
  }
}
