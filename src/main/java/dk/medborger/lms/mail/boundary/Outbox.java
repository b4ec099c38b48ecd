package dk.medborger.lms.mail.boundary;

import dk.medborger.lms.mail.entity.MailCount;
import dk.medborger.lms.mail.entity.MailState;
import dk.medborger.lms.mail.entity.OutboxMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way out for mail: a mail is queued in the caller's transaction, so it is sent if and only
 * if what it tells of was committed, and a background sender ({@code MailSender}) delivers it with
 * retries; an SMTP server that is down delays a mail, never loses it (ADR 31).
 *
 * <pre>
 * &#64;Inject Outbox outbox;
 * outbox.enqueue(OutgoingMail.to(address, userId, "GRADED", subject, text));
 * </pre>
 *
 * Without SMTP settings (the demo) mails stay here, and the administrator's outbox page lists them.
 */
@ApplicationScoped
@Transactional
public class Outbox {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Whether {@code address} is one mail can be sent to. Ask before {@link #enqueue}: a refusal
   * there would roll back the caller's transaction, and with it what the mail tells of.
   */
  public static boolean isAddress(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      new InternetAddress(address.strip(), true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  /**
   * Queues a mail, in the caller's transaction. False when a mail with the same {@code dedupKey}
   * was queued before (it is then not queued again). An address that is not one (see {@link
   * #isAddress}) is refused with {@link IllegalArgumentException}.
   */
  public boolean enqueue(OutgoingMail mail) {
    if (!isAddress(mail.recipient())) {
      throw new IllegalArgumentException("not a mail address: " + mail.recipient());
    }
    Timestamp now = Timestamp.from(clock.instant());
    OutgoingMail.Attachment file = mail.attachment();
    int rows =
        em.createNativeQuery(
                "INSERT IGNORE INTO mail_outbox (kind, dedup_key, recipient, recipient_user_id,"
                    + " subject, body, attachment_name, attachment_type, attachment, message_id,"
                    + " state, attempts, next_attempt_at, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
            .setParameter(1, mail.kind())
            .setParameter(2, mail.dedupKey())
            .setParameter(3, mail.recipient().strip())
            .setParameter(4, mail.recipientUserId())
            .setParameter(5, mail.subject())
            .setParameter(6, mail.text())
            .setParameter(7, file == null ? null : file.name())
            .setParameter(8, file == null ? null : file.contentType())
            .setParameter(9, file == null ? null : file.content())
            .setParameter(10, "<" + UUID.randomUUID() + "@medborger-lms>")
            .setParameter(11, now)
            .setParameter(12, now)
            .executeUpdate();
    return rows == 1;
  }

  /** Whether a mail with this key has been queued (sent or not). */
  public boolean queued(String dedupKey) {
    return !em.createNativeQuery("SELECT 1 FROM mail_outbox WHERE dedup_key = ?")
        .setParameter(1, dedupKey)
        .getResultList()
        .isEmpty();
  }

  /** The newest mails, in one state or all ({@code null}), for the administrator's list. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OutboxMail> newest(MailState state, int first, int max) {
    return em.createNamedQuery(OutboxMail.NEWEST, OutboxMail.class)
        .setParameter("state", state)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many mails are in each state (every state present, zero where none). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<MailState, Long> counts() {
    Map<MailState, Long> counts = new EnumMap<>(MailState.class);
    for (MailState state : MailState.values()) {
      counts.put(state, 0L);
    }
    for (MailCount c :
        em.createNamedQuery(OutboxMail.COUNT_BY_STATE, MailCount.class).getResultList()) {
      counts.put(c.state(), c.count());
    }
    return counts;
  }

  /**
   * Sends a mail that was given up on again, from its first attempt. False unless it had failed.
   */
  public boolean retry(long mailId) {
    return em.createNativeQuery(
                "UPDATE mail_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                    + " last_error = NULL WHERE id = ? AND state = 'FAILED'")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, mailId)
            .executeUpdate()
        == 1;
  }
}
