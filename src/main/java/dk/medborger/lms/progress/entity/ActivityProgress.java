package dk.medborger.lms.progress.entity;

import dk.medborger.lms.courses.entity.Enrolment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A learner's state in one activity of an enrolment, with its timestamps and its latest score; the
 * outcomes that led here are kept in {@link ActivityOutcome}.
 */
@Entity
@Table(name = "activity_progress")
@NamedQuery(
    name = ActivityProgress.OF_ENROLMENT,
    query = "SELECT p FROM ActivityProgress p WHERE p.enrolment.id = :enrolmentId")
public class ActivityProgress {

  public static final String OF_ENROLMENT = "ActivityProgress.ofEnrolment";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "enrolment_id")
  private Enrolment enrolment;

  /**
   * A foreign key in the schema; kept as an id so that no activity is loaded to record progress.
   */
  @Column(name = "activity_id")
  private long activityId;

  @Enumerated(EnumType.STRING)
  private ActivityState status;

  private BigDecimal score;

  @Column(name = "max_score")
  private BigDecimal maxScore;

  /** Whether the latest judged outcome was a pass; null while nothing was judged. */
  private Boolean passed;

  @Column(name = "outcome_at")
  private Instant outcomeAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "last_opened_at")
  private Instant lastOpenedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Version private long version;

  protected ActivityProgress() {}

  public ActivityProgress(Enrolment enrolment, long activityId, Instant startedAt) {
    this.enrolment = enrolment;
    this.activityId = activityId;
    this.status = ActivityState.IN_PROGRESS;
    this.startedAt = startedAt;
    this.lastOpenedAt = startedAt;
  }

  /** Notes a visit; like Moodle's last access, at most once a minute, to spare the database. */
  public void opened(Instant at) {
    if (lastOpenedAt == null || lastOpenedAt.plus(Enrolment.ACCESS_RESOLUTION).isBefore(at)) {
      lastOpenedAt = at;
    }
  }

  /**
   * Moves to the state the progress rules chose for an outcome. Completing again is idempotent: the
   * first completion date stays. A score replaces the one before (the history keeps it); a reopened
   * activity has none.
   */
  public void apply(
      ActivityState next, BigDecimal newScore, BigDecimal newMaxScore, Boolean pass, Instant at) {
    if (next == ActivityState.COMPLETED) {
      if (status != ActivityState.COMPLETED) {
        completedAt = at;
      }
    } else {
      completedAt = null;
    }
    status = next;
    if (next == ActivityState.IN_PROGRESS && newScore == null) {
      score = null;
      maxScore = null;
      passed = null;
    }
    if (newScore != null) {
      score = newScore;
      maxScore = newMaxScore;
    }
    if (pass != null) {
      passed = pass;
    }
    outcomeAt = at;
  }

  public Long getId() {
    return id;
  }

  public BigDecimal getScore() {
    return score;
  }

  public BigDecimal getMaxScore() {
    return maxScore;
  }

  public Boolean getPassed() {
    return passed;
  }

  public long getActivityId() {
    return activityId;
  }

  public ActivityState getStatus() {
    return status;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }
}
