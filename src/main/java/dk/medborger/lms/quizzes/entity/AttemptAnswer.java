package dk.medborger.lms.quizzes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
 * One question of an attempt with the learner's answer as last saved, made when the attempt starts:
 * a save updates this row, so no save can add a second answer. Its version tells a tab that another
 * tab saved the question in between.
 */
@Entity
@Table(name = "attempt_answer")
@NamedQuery(
    name = AttemptAnswer.OF_ATTEMPT,
    query = "SELECT a FROM AttemptAnswer a WHERE a.attemptId = :attemptId ORDER BY a.slot")
public class AttemptAnswer {

  public static final String OF_ATTEMPT = "AttemptAnswer.ofAttempt";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attempt_id")
  private long attemptId;

  private int slot;

  /**
   * The question version the learner saw; an id, not a relation: versions never change, and their
   * content is read from a cache ({@code QuestionContents}) instead of with every answer.
   */
  @Column(name = "question_version_id")
  private long questionVersionId;

  /** The choice keys in the order this learner sees them (comma-separated), or null. */
  @Column(name = "choice_order")
  private String choiceOrder;

  @Convert(converter = JsonColumns.ResponseConverter.class)
  private Response response;

  @Column(name = "saved_at")
  private Instant savedAt;

  private int saves;

  private boolean flagged;

  @Enumerated(EnumType.STRING)
  private Mark mark;

  private BigDecimal fraction;

  private BigDecimal score;

  @Column(name = "max_score")
  private BigDecimal maxScore;

  @Column(name = "graded_by")
  private Long gradedBy;

  @Column(name = "graded_at")
  private Instant gradedAt;

  @Column(name = "grader_comment")
  private String graderComment;

  @Version private long version;

  protected AttemptAnswer() {}

  public AttemptAnswer(long attemptId, int slot, QuestionVersion question, String choiceOrder) {
    this.attemptId = attemptId;
    this.slot = slot;
    this.questionVersionId = question.getId();
    this.choiceOrder = choiceOrder;
    this.maxScore = question.getPoints();
  }

  /** Keeps the learner's latest answer. */
  public void save(Response answer, Instant at) {
    this.response = answer;
    this.savedAt = at;
    this.saves++;
  }

  public void flag(boolean on) {
    this.flagged = on;
  }

  /** The server's or a grader's mark. */
  public void mark(Mark newMark, BigDecimal newFraction, Long grader, Instant at, String comment) {
    this.mark = newMark;
    this.fraction = newFraction;
    this.score = newFraction == null ? null : newFraction.multiply(maxScore);
    this.gradedBy = grader;
    this.gradedAt = at;
    this.graderComment = comment;
  }

  public Long getId() {
    return id;
  }

  public long getAttemptId() {
    return attemptId;
  }

  public int getSlot() {
    return slot;
  }

  public long getQuestionVersionId() {
    return questionVersionId;
  }

  public String getChoiceOrder() {
    return choiceOrder;
  }

  public Response getResponse() {
    return response;
  }

  public Instant getSavedAt() {
    return savedAt;
  }

  public boolean isFlagged() {
    return flagged;
  }

  public Mark getMark() {
    return mark;
  }

  public BigDecimal getScore() {
    return score;
  }

  public BigDecimal getMaxScore() {
    return maxScore;
  }

  public long getVersion() {
    return version;
  }

  public String getGraderComment() {
    return graderComment;
  }
}
