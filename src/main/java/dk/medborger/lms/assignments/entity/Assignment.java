package dk.medborger.lms.assignments.entity;

import dk.medborger.lms.courses.entity.Activity;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An assignment: an activity the learner answers with text and/or files by a due date, graded by an
 * instructor against a rubric (or with points given directly), and often returned for revision.
 */
@Entity
@Table(name = "assignment")
@DiscriminatorValue("ASSIGNMENT")
@PrimaryKeyJoinColumn(name = "activity_id")
public class Assignment extends Activity {

  /** The default largest file: 20 MB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

  /**
   * The file types the server recognises by their content and names in downloads (ADR 26), which an
   * assignment may allow; unless it says otherwise, it allows them all: documents and pictures.
   */
  public static final List<String> DEFAULT_TYPES =
      List.of(
          "application/pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.oasis.opendocument.text",
          "text/plain",
          "image/png",
          "image/jpeg");

  /** Sanitised HTML. */
  private String instructions;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "cutoff_at")
  private Instant cutoffAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "late_policy")
  private LatePolicy latePolicy = LatePolicy.ACCEPT_MARK_LATE;

  @Column(name = "late_penalty_percent")
  private Integer latePenaltyPercent;

  @Column(name = "accepts_text")
  private boolean acceptsText = true;

  @Column(name = "accepts_files")
  private boolean acceptsFiles = true;

  @Column(name = "max_files")
  private int maxFiles = 3;

  @Column(name = "max_file_bytes")
  private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;

  @Column(name = "allowed_types")
  private String allowedTypes = String.join(",", DEFAULT_TYPES);

  @Enumerated(EnumType.STRING)
  private GradingScheme grading = GradingScheme.PASS_FAIL_RUBRIC;

  @Column(name = "max_points")
  private BigDecimal maxPoints;

  @Column(name = "pass_points")
  private BigDecimal passPoints;

  /** Graders see a pseudonym, not the learner, until the grade is released (ADR 29). */
  @Column(name = "blind_grading")
  private boolean blindGrading;

  /** When the rubric was last written in the browser (ADR 24); null: as the package made it. */
  @Column(name = "rubric_changed_at")
  private Instant rubricChangedAt;

  @OneToMany(mappedBy = "assignment", cascade = CascadeType.ALL)
  @OrderBy("position")
  private List<RubricCriterion> criteria = new ArrayList<>();

  protected Assignment() {}

  public Assignment(
      String title, Integer estimatedMinutes, CompletionCriterion criterion, String instructions) {
    super(ActivityKind.ASSIGNMENT, title, estimatedMinutes, criterion);
    this.instructions = instructions;
  }

  /** Appends a criterion to the rubric. */
  public RubricCriterion addCriterion(String title, String description) {
    RubricCriterion c = new RubricCriterion(this, criteria.size() + 1, title, description);
    criteria.add(c);
    return c;
  }

  /** The instructions, already sanitised ({@code InstructionsPolicy}). */
  public void setInstructions(String sanitised) {
    this.instructions = sanitised;
  }

  /** The rubric was written anew at {@code at}: a change of the assignment's own row. */
  public void rubricChanged(Instant at) {
    this.rubricChangedAt = at;
  }

  public Instant getRubricChangedAt() {
    return rubricChangedAt;
  }

  /** Takes a criterion out of the rubric; the caller removes its row (and its levels'). */
  public void removeCriterion(RubricCriterion criterion) {
    criteria.remove(criterion);
  }

  public void setDates(Instant due, Instant cutoff) {
    if (cutoff != null && (due == null || cutoff.isBefore(due))) {
      throw new IllegalArgumentException("The cut-off comes after the due date");
    }
    this.dueAt = due;
    this.cutoffAt = cutoff;
  }

  public void setLatePolicy(LatePolicy policy, Integer penaltyPercent) {
    this.latePolicy = policy;
    this.latePenaltyPercent = policy == LatePolicy.ACCEPT_WITH_PENALTY ? penaltyPercent : null;
  }

  public void setSubmissionTypes(boolean text, boolean files) {
    this.acceptsText = text;
    this.acceptsFiles = files;
  }

  public void setFileLimits(int count, long bytes, List<String> types) {
    this.maxFiles = count;
    this.maxFileBytes = bytes;
    this.allowedTypes = String.join(",", types);
  }

  /** Points grading (a points rubric or direct): out of {@code max}, passed from {@code pass}. */
  public void setGrading(GradingScheme scheme, BigDecimal max, BigDecimal pass) {
    this.grading = scheme;
    this.maxPoints = scheme == GradingScheme.PASS_FAIL_RUBRIC ? null : max;
    this.passPoints = scheme == GradingScheme.PASS_FAIL_RUBRIC ? null : pass;
  }

  public void setBlindGrading(boolean blind) {
    this.blindGrading = blind;
  }

  public boolean isBlindGrading() {
    return blindGrading;
  }

  public String getInstructions() {
    return instructions;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getCutoffAt() {
    return cutoffAt;
  }

  public LatePolicy getLatePolicy() {
    return latePolicy;
  }

  public Integer getLatePenaltyPercent() {
    return latePenaltyPercent;
  }

  public boolean isAcceptsText() {
    return acceptsText;
  }

  public boolean isAcceptsFiles() {
    return acceptsFiles;
  }

  public int getMaxFiles() {
    return maxFiles;
  }

  public long getMaxFileBytes() {
    return maxFileBytes;
  }

  public List<String> getAllowedTypes() {
    return Arrays.stream(allowedTypes.split(",")).map(String::trim).toList();
  }

  public GradingScheme getGrading() {
    return grading;
  }

  public BigDecimal getMaxPoints() {
    return maxPoints;
  }

  public BigDecimal getPassPoints() {
    return passPoints;
  }

  public List<RubricCriterion> getCriteria() {
    return criteria;
  }
}
