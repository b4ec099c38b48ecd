package dk.medborger.lms.assignments.entity;

/**
 * How a submission's text is kept: {@code HTML} (rich text, sanitised by {@code
 * SubmissionTextPolicy}) for everything written since rich text came (ADR 32), {@code PLAIN} for
 * the drafts and versions written before, which are shown escaped with their line breaks kept.
 */
public enum TextFormat {
  PLAIN,
  HTML
}
