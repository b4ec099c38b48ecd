package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A version of a submission as it was handed in, never changed after: its text (sanitised HTML;
 * plain text for versions handed in before rich text came, ADR 32), whether it was late, the
 * learner's statement that it is their own work, and what the citizen data guard found with the
 * learner's reason for handing it in anyway.
 */
@Entity
@Table(name = "submission_version")
public class SubmissionVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "submission_id")
  private long submissionId;

  private int number;
  private String text;

  @Enumerated(EnumType.STRING)
  @Column(name = "text_format")
  private TextFormat textFormat;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  private boolean late;

  @Column(name = "own_work")
  private boolean ownWork;

  @Column(name = "guard_findings")
  private int guardFindings;

  @Column(name = "guard_reason")
  private String guardReason;

  protected SubmissionVersion() {}

  public SubmissionVersion(
      long submissionId,
      int number,
      String text,
      Instant submittedAt,
      boolean late,
      int guardFindings,
      String guardReason) {
    this.submissionId = submissionId;
    this.number = number;
    this.text = text;
    this.textFormat = TextFormat.HTML;
    this.submittedAt = submittedAt;
    this.late = late;
    this.ownWork = true;
    this.guardFindings = guardFindings;
    this.guardReason = guardReason;
  }

  /** The late mark judged again, with the submission's (an extension given or taken away). */
  public void judgeLate(boolean isLate) {
    this.late = isLate;
  }

  public Long getId() {
    return id;
  }

  public long getSubmissionId() {
    return submissionId;
  }

  public int getNumber() {
    return number;
  }

  public String getText() {
    return text;
  }

  public TextFormat getTextFormat() {
    return textFormat;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public boolean isLate() {
    return late;
  }

  public boolean isOwnWork() {
    return ownWork;
  }

  public int getGuardFindings() {
    return guardFindings;
  }

  public String getGuardReason() {
    return guardReason;
  }
}
