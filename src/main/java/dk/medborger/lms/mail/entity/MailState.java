package dk.medborger.lms.mail.entity;

/** Where a mail of the outbox is on its way. */
public enum MailState {
  /** Waiting to be sent (first time, or again after a failure, at its next attempt). */
  PENDING,
  /** Claimed by the sender, which is talking to the SMTP server now (or died while it did). */
  SENDING,
  /** Accepted by the SMTP server. */
  SENT,
  /** Given up after the last attempt; an administrator can send it again. */
  FAILED
}
