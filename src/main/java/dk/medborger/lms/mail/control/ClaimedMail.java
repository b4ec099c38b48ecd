package dk.medborger.lms.mail.control;

/** What the sender needs of one mail it has claimed. */
public record ClaimedMail(
    long id,
    String recipient,
    String subject,
    String body,
    String messageId,
    String attachmentName,
    String attachmentType,
    byte[] attachment,
    int attempts) {}
