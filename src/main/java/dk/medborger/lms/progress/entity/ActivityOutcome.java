package dk.medborger.lms.progress.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One outcome recorded for a learner's activity, kept for good: the history behind an {@link
 * ActivityProgress} row, so that a regrade or a reopened activity never silently overwrites what
 * the learner was given before.
 */
@Entity
@Table(name = "activity_outcome")
public class ActivityOutcome {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "progress_id")
  private long progressId;

  @Enumerated(EnumType.STRING)
  private OutcomeKind outcome;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_after")
  private ActivityState statusAfter;

  private BigDecimal score;

  @Column(name = "max_score")
  private BigDecimal maxScore;

  private Boolean passed;

  /** Who reported it: {@code LESSON}, {@code QUIZ_ATTEMPT}, {@code ASSIGNMENT}, … */
  private String source;

  /** The reporting component's own record (e.g. the quiz attempt), or null. */
  @Column(name = "source_id")
  private Long sourceId;

  /** The grader, or null when the learner or the server did it. */
  @Column(name = "recorded_by")
  private Long recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected ActivityOutcome() {}

  public ActivityOutcome(
      long progressId,
      OutcomeKind outcome,
      ActivityState statusAfter,
      BigDecimal score,
      BigDecimal maxScore,
      Boolean passed,
      String source,
      Long sourceId,
      Long recordedBy,
      Instant recordedAt) {
    this.progressId = progressId;
    this.outcome = outcome;
    this.statusAfter = statusAfter;
    this.score = score;
    this.maxScore = maxScore;
    this.passed = passed;
    this.source = source;
    this.sourceId = sourceId;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public OutcomeKind getOutcome() {
    return outcome;
  }

  public ActivityState getStatusAfter() {
    return statusAfter;
  }

  public BigDecimal getScore() {
    return score;
  }

  public Boolean getPassed() {
    return passed;
  }

  public String getSource() {
    return source;
  }

  public Long getSourceId() {
    return sourceId;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
