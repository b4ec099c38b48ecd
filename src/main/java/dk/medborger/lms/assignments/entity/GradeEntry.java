package dk.medborger.lms.assignments.entity;

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

/** One grading step of a submission, kept forever: a grade saved, released, or a revision asked. */
@Entity
@Table(name = "grade_entry")
public class GradeEntry {

  /** What the grader did. */
  public enum Action {
    SAVED,
    RELEASED,
    REVISION_REQUESTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "submission_id")
  private long submissionId;

  @Column(name = "version_number")
  private int versionNumber;

  @Enumerated(EnumType.STRING)
  private Action action;

  private Boolean passed;
  private BigDecimal points;

  @Column(name = "max_points")
  private BigDecimal maxPoints;

  private String criteria;
  private String feedback;

  @Column(name = "graded_by")
  private long gradedBy;

  @Column(name = "graded_at")
  private Instant gradedAt;

  protected GradeEntry() {}

  public GradeEntry(Submission s, Action action, long gradedBy, Instant gradedAt) {
    this.submissionId = s.getId();
    this.versionNumber = s.getVersions();
    this.action = action;
    this.passed = s.getPassed();
    this.points = s.getPoints();
    this.maxPoints = s.getMaxPoints();
    this.criteria = s.getCriteria();
    this.feedback = s.getFeedback();
    this.gradedBy = gradedBy;
    this.gradedAt = gradedAt;
  }

  public Action getAction() {
    return action;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public Boolean getPassed() {
    return passed;
  }

  public BigDecimal getPoints() {
    return points;
  }

  public String getFeedback() {
    return feedback;
  }

  public long getGradedBy() {
    return gradedBy;
  }

  public Instant getGradedAt() {
    return gradedAt;
  }
}
