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

/**
 * One grading step of a submission, kept forever: a grade saved, released, a revision asked, or a
 * feedback file attached or removed (with the file's name).
 */
@Entity
@Table(name = "grade_entry")
public class GradeEntry {

  /** What the grader did. */
  public enum Action {
    SAVED,
    RELEASED,
    REVISION_REQUESTED,
    FILE_ATTACHED,
    FILE_REMOVED
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

  @Column(name = "file_name")
  private String fileName;

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

  /** A feedback file attached or removed: the step names the file, not the grade. */
  public static GradeEntry file(
      Submission s, Action action, String fileName, long gradedBy, Instant gradedAt) {
    GradeEntry entry = new GradeEntry();
    entry.submissionId = s.getId();
    entry.versionNumber = s.getVersions();
    entry.action = action;
    entry.fileName = fileName;
    entry.gradedBy = gradedBy;
    entry.gradedAt = gradedAt;
    return entry;
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

  public String getFileName() {
    return fileName;
  }

  public long getGradedBy() {
    return gradedBy;
  }

  public Instant getGradedAt() {
    return gradedAt;
  }
}
