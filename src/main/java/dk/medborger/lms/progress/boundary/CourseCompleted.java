package dk.medborger.lms.progress.boundary;

import java.time.Instant;

/**
 * Fired inside the transaction in which a learner's enrolment becomes complete. A record that must
 * exist with the completion (the certificate) is written by a plain observer, in that transaction;
 * anything that reaches outside the database goes through the mail outbox in the same way, so that
 * nothing acts on a completion that was rolled back:
 *
 * <pre>
 * &#64;Transactional
 * public void issue(&#64;Observes CourseCompleted done) { … }
 * </pre>
 */
public record CourseCompleted(long userId, long courseId, long enrolmentId, Instant at) {}
