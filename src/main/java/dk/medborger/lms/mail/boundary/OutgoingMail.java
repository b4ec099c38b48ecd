package dk.medborger.lms.mail.boundary;

import java.util.Objects;

/**
 * A mail to put in the outbox: to one address (and the user it belongs to, where there is one),
 * plain text, at most one attachment. {@code dedupKey}, when given, makes it go once: a second mail
 * with the same key is not queued (the instructor's digest of a day, a month's report).
 *
 * <pre>
 * outbox.enqueue(OutgoingMail.to(user.getEmail(), user.getId(), "GRADED", subject, text));
 * </pre>
 */
public record OutgoingMail(
    String kind,
    String recipient,
    Long recipientUserId,
    String subject,
    String text,
    String dedupKey,
    Attachment attachment) {

  /** A file sent with the mail. */
  public record Attachment(String name, String contentType, byte[] content) {
    public Attachment {
      Objects.requireNonNull(name);
      Objects.requireNonNull(contentType);
      Objects.requireNonNull(content);
    }
  }

  public OutgoingMail {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(recipient);
    Objects.requireNonNull(subject);
    Objects.requireNonNull(text);
  }

  public static OutgoingMail to(
      String recipient, Long userId, String kind, String subject, String text) {
    return new OutgoingMail(kind, recipient, userId, subject, text, null, null);
  }

  public OutgoingMail once(String key) {
    return new OutgoingMail(kind, recipient, recipientUserId, subject, text, key, attachment);
  }

  public OutgoingMail with(Attachment file) {
    return new OutgoingMail(kind, recipient, recipientUserId, subject, text, dedupKey, file);
  }
}
