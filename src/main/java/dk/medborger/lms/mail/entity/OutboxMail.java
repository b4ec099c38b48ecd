package dk.medborger.lms.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One mail of the outbox, as the administrator's list shows it (the attachment is read only by the
 * sender). Written and moved between states with SQL by {@code Outbox} and {@code MailSender},
 * never through this entity, so that every change is one guarded statement.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(
    name = OutboxMail.NEWEST,
    query =
        "SELECT m FROM OutboxMail m WHERE (:state IS NULL OR m.state = :state)"
            + " ORDER BY m.id DESC")
@NamedQuery(
    name = OutboxMail.CLAIMED,
    query =
        "SELECT NEW dk.medborger.lms.mail.control.ClaimedMail(m.id, m.recipient, m.subject, m.body,"
            + " m.messageId, m.attachmentName, m.attachmentType, m.attachment, m.attempts)"
            + " FROM OutboxMail m WHERE m.id = :id")
@NamedQuery(
    name = OutboxMail.COUNT_BY_STATE,
    query =
        "SELECT NEW dk.medborger.lms.mail.entity.MailCount(m.state, COUNT(m))"
            + " FROM OutboxMail m GROUP BY m.state")
public class OutboxMail {

  public static final String NEWEST = "OutboxMail.newest";
  public static final String CLAIMED = "OutboxMail.claimed";
  public static final String COUNT_BY_STATE = "OutboxMail.countByState";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String kind;

  private String recipient;

  private String subject;

  @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
  private String body;

  @Column(name = "attachment_name")
  private String attachmentName;

  @Column(name = "attachment_type")
  private String attachmentType;

  @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
  @jakarta.persistence.Lob
  private byte[] attachment;

  @Column(name = "message_id")
  private String messageId;

  @Enumerated(EnumType.STRING)
  private MailState state;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at")
  private Instant createdAt;

  protected OutboxMail() {}

  public Long getId() {
    return id;
  }

  public String getKind() {
    return kind;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getAttachmentName() {
    return attachmentName;
  }

  public MailState getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
