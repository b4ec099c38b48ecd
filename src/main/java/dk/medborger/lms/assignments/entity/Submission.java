package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A learner's one submission to an assignment: the draft being written, its state, and the grade
 * that holds now (its history is in {@link GradeEntry}). Graders carry the {@code version} their
 * page showed, so two graders saving at once cannot overwrite each other unseen.
 */
@Entity
@Table(name = "submission")
@NamedQuery(
    name = Submission.FIND_BY_LEARNER,
    query = "SELECT s FROM Submission s WHERE s.assignmentId = :assignment AND s.userId = :user")
public class Submission {

  public static final String FIND_BY_LEARNER = "Submission.findByLearner";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "assignment_id")
  private long assignmentId;

  @Column(name = "user_id")
  private long userId;

  @Enumerated(EnumType.STRING)
  private SubmissionStatus status = SubmissionStatus.DRAFT;

  @Column(name = "draft_text")
  private String draftText;

  /** PLAIN for a draft last saved before rich text came (ADR 32), else HTML. */
  @Enumerated(EnumType.STRING)
  @Column(name = "draft_format")
  private TextFormat draftFormat = TextFormat.HTML;

  @Column(name = "draft_saved_at")
  private Instant draftSavedAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  private int versions;

  private boolean late;

  private Boolean passed;

  private BigDecimal points;

  @Column(name = "max_points")
  private BigDecimal maxPoints;

  /** The rubric's judgements, "criterionId:PASS" / "criterionId:FAIL" / "criterionId:levelId". */
  private String criteria;

  private String feedback;

  @Column(name = "graded_by")
  private Long gradedBy;

  @Column(name = "graded_at")
  private Instant gradedAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  @Version private long version;

  protected Submission() {}

  public Submission(long assignmentId, long userId) {
    this.assignmentId = assignmentId;
    this.userId = userId;
  }

  /** Keeps the draft's text, sanitised HTML (null: no text). */
  public void saveDraft(String html, Instant at) {
    this.draftText = html;
    this.draftFormat = TextFormat.HTML;
    this.draftSavedAt = at;
  }

  /** Hands the draft in as version {@link #getVersions()} + 1. */
  public void handIn(Instant at, boolean isLate) {
    this.status = SubmissionStatus.SUBMITTED;
    this.submittedAt = at;
    this.late = isLate;
    this.versions++;
    this.releasedAt = null;
  }

  /** A grader's judgement, kept unreleased ({@code IN_GRADING}) until {@link #release}. */
  public void grade(
      Boolean isPassed,
      BigDecimal givenPoints,
      BigDecimal max,
      String judgements,
      String comment,
      long grader,
      Instant at) {
    this.passed = isPassed;
    this.points = givenPoints;
    this.maxPoints = givenPoints == null ? null : max;
    this.criteria = judgements;
    this.feedback = comment;
    this.gradedBy = grader;
    this.gradedAt = at;
    this.status = SubmissionStatus.IN_GRADING;
  }

  public void release(Instant at) {
    this.status = SubmissionStatus.GRADED;
    this.releasedAt = at;
  }

  /**
   * The late mark judged again against the learner's due date as it now is (an extension given,
   * changed or removed), with the saved grade's verdict that follows from it.
   */
  public void judgeLate(boolean isLate, Boolean passedNow) {
    this.late = isLate;
    this.passed = passedNow;
  }

  public void requestRevision() {
    this.status = SubmissionStatus.REVISION_REQUESTED;
    this.releasedAt = null;
  }

  public Long getId() {
    return id;
  }

  public long getAssignmentId() {
    return assignmentId;
  }

  public long getUserId() {
    return userId;
  }

  public SubmissionStatus getStatus() {
    return status;
  }

  public String getDraftText() {
    return draftText;
  }

  public TextFormat getDraftFormat() {
    return draftFormat;
  }

  public Instant getDraftSavedAt() {
    return draftSavedAt;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public int getVersions() {
    return versions;
  }

  public boolean isLate() {
    return late;
  }

  public Boolean getPassed() {
    return passed;
  }

  public BigDecimal getPoints() {
    return points;
  }

  public BigDecimal getMaxPoints() {
    return maxPoints;
  }

  public String getCriteria() {
    return criteria;
  }

  public String getFeedback() {
    return feedback;
  }

  public Long getGradedBy() {
    return gradedBy;
  }

  public Instant getGradedAt() {
    return gradedAt;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  public long getVersion() {
    return version;
  }
}
