package dk.medborger.lms.mail.control;

import dk.medborger.lms.mail.entity.OutboxMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sender's moves of one outbox row, each a short transaction of its own that commits before the
 * next step: claim (PENDING → SENDING, before the SMTP conversation), sent, failed (back to PENDING
 * with a later attempt, or FAILED after the last), and the release of rows whose sender died
 * mid-send.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboxRows {

  /** Attempts before a mail is given up on: with the back-off, about a day and a half. */
  public static final int MAX_ATTEMPTS = 10;

  /**
   * How long a claimed mail may take before its sender is taken for dead: well above the SMTP
   * time-outs of one mail (10 s to connect, 20 s a read or write).
   */
  public static final Duration STALE_CLAIM = Duration.ofMinutes(10);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Claims the oldest due mail: marked SENDING and committed before anything is sent, so that a
   * second sender (another node, an overlapping run) skips it.
   */
  public Optional<ClaimedMail> claimNext() {
    Instant now = clock.instant();
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM mail_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, Timestamp.from(now))
            .getResultList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    long id = ((Number) ids.get(0)).longValue();
    em.createNativeQuery(
            "UPDATE mail_outbox SET state = 'SENDING', claimed_at = ?, attempts = attempts + 1"
                + " WHERE id = ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, id)
        .executeUpdate();
    return Optional.of(
        em.createNamedQuery(OutboxMail.CLAIMED, ClaimedMail.class)
            .setParameter("id", id)
            .getSingleResult());
  }

  /** The SMTP server took the mail. */
  public void sent(long id) {
    em.createNativeQuery(
            "UPDATE mail_outbox SET state = 'SENT', sent_at = ?, last_error = NULL"
                + " WHERE id = ? AND state = 'SENDING'")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, id)
        .executeUpdate();
  }

  /**
   * The mail did not go: tried again after a growing pause, or given up when {@code permanent} (the
   * server refused the address) or after the last attempt.
   */
  public void failed(long id, int attempts, boolean permanent, String error) {
    boolean giveUp = permanent || attempts >= MAX_ATTEMPTS;
    Instant next = clock.instant().plus(backOff(attempts));
    em.createNativeQuery(
            "UPDATE mail_outbox SET state = ?, next_attempt_at = ?, last_error = ?"
                + " WHERE id = ? AND state = 'SENDING'")
        .setParameter(1, giveUp ? "FAILED" : "PENDING")
        .setParameter(2, Timestamp.from(next))
        .setParameter(3, error == null ? null : error.substring(0, Math.min(500, error.length())))
        .setParameter(4, id)
        .executeUpdate();
  }

  /**
   * Mails whose sender died while sending (a crash, a {@code kill -9}) go back to PENDING, to be
   * sent again with the same Message-ID. Returns how many.
   */
  public int releaseStale() {
    return em.createNativeQuery(
            "UPDATE mail_outbox SET state = 'PENDING', next_attempt_at = ?"
                + " WHERE state = 'SENDING' AND claimed_at < ?")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, Timestamp.from(clock.instant().minus(STALE_CLAIM)))
        .executeUpdate();
  }

  /** One minute after the first failure, doubling, at most six hours. */
  static Duration backOff(int attempts) {
    long minutes = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    return Duration.ofMinutes(Math.min(minutes, 360));
  }
}
