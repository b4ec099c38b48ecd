package dk.medborger.lms.progress.boundary;

import java.time.Instant;

/**
 * Fired when a learner's enrolment becomes complete. Observe it after the commit, so that nothing
 * acts on a completion that was rolled back:
 *
 * <pre>
 * void issue(&#64;Observes(during = TransactionPhase.AFTER_SUCCESS) CourseCompleted done) { … }
 * </pre>
 */
public record CourseCompleted(long userId, long courseId, long enrolmentId, Instant at) {}
