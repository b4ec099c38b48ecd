package dk.medborger.lms.mail.entity;

/** How many mails of the outbox are in one state. */
public record MailCount(MailState state, long count) {}
