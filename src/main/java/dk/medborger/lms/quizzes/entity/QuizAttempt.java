package dk.medborger.lms.quizzes.entity;

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
 * A learner's attempt at a quiz. The database allows one open attempt per learner and quiz ({@code
 * uq_quiz_attempt_open}); the deadline is kept here, by the server, never by the browser.
 */
@Entity
@Table(name = "quiz_attempt")
@NamedQuery(
    name = QuizAttempt.OF_LEARNER,
    query =
        "SELECT a FROM QuizAttempt a WHERE a.quizId = :quizId AND a.userId = :userId"
            + " ORDER BY a.number")
@NamedQuery(
    name = QuizAttempt.EXPIRED,
    query =
        "SELECT a.id FROM QuizAttempt a WHERE a.state = dk.medborger.lms.quizzes.entity.AttemptState.IN_PROGRESS"
            + " AND a.deadlineAt < :before")
public class QuizAttempt {

  public static final String OF_LEARNER = "QuizAttempt.ofLearner";
  public static final String EXPIRED = "QuizAttempt.expired";

  /** Who handed an attempt in: the learner, or the server when its time ran out. */
  public enum FinishedBy {
    LEARNER,
    TIMEOUT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "quiz_id")
  private long quizId;

  @Column(name = "user_id")
  private long userId;

  private int number;

  @Enumerated(EnumType.STRING)
  private AttemptState state = AttemptState.IN_PROGRESS;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "deadline_at")
  private Instant deadlineAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "finished_by")
  private FinishedBy finishedBy;

  private BigDecimal score;

  @Column(name = "max_score")
  private BigDecimal maxScore;

  @Column(name = "save_token")
  private String saveToken;

  @Version private long version;

  protected QuizAttempt() {}

  public QuizAttempt(
      long quizId,
      long userId,
      int number,
      Instant startedAt,
      Instant deadlineAt,
      BigDecimal maxScore,
      String saveToken) {
    this.quizId = quizId;
    this.userId = userId;
    this.number = number;
    this.startedAt = startedAt;
    this.deadlineAt = deadlineAt;
    this.maxScore = maxScore;
    this.saveToken = saveToken;
  }

  /** Hands the attempt in with the score of its graded answers. */
  public void submit(Instant at, FinishedBy by, BigDecimal gradedScore, boolean awaitingGrading) {
    this.submittedAt = at;
    this.finishedBy = by;
    this.score = gradedScore;
    this.state = awaitingGrading ? AttemptState.AWAITING_GRADING : AttemptState.FINISHED;
  }

  /** After a grader marked the last essay. */
  public void graded(BigDecimal total) {
    this.score = total;
    this.state = AttemptState.FINISHED;
  }

  public boolean open() {
    return state == AttemptState.IN_PROGRESS;
  }

  public Long getId() {
    return id;
  }

  public long getQuizId() {
    return quizId;
  }

  public long getUserId() {
    return userId;
  }

  public int getNumber() {
    return number;
  }

  public AttemptState getState() {
    return state;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getDeadlineAt() {
    return deadlineAt;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public FinishedBy getFinishedBy() {
    return finishedBy;
  }

  public BigDecimal getScore() {
    return score;
  }

  public BigDecimal getMaxScore() {
    return maxScore;
  }

  public String getSaveToken() {
    return saveToken;
  }
}
