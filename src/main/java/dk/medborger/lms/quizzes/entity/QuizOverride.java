package dk.medborger.lms.quizzes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** An instructor's exception for one learner in one quiz: extra attempts, another time limit. */
@Entity
@Table(name = "quiz_override")
@IdClass(QuizOverride.Key.class)
public class QuizOverride {

  /** Quiz and learner. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long quizId;
    private long userId;

    public Key() {}

    public Key(long quizId, long userId) {
      this.quizId = quizId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.quizId == quizId && k.userId == userId;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(quizId) * 31 + Long.hashCode(userId);
    }
  }

  @Id
  @Column(name = "quiz_id")
  private long quizId;

  @Id
  @Column(name = "user_id")
  private long userId;

  @Column(name = "extra_attempts")
  private int extraAttempts;

  @Column(name = "time_limit_seconds")
  private Integer timeLimitSeconds;

  @Column(name = "set_by")
  private long setBy;

  @Column(name = "set_at")
  private Instant setAt;

  @Version private long version;

  protected QuizOverride() {}

  public QuizOverride(long quizId, long userId) {
    this.quizId = quizId;
    this.userId = userId;
  }

  public void set(int extra, Duration timeLimit, long by, Instant at) {
    this.extraAttempts = extra;
    this.timeLimitSeconds = timeLimit == null ? null : (int) timeLimit.toSeconds();
    this.setBy = by;
    this.setAt = at;
  }

  public int getExtraAttempts() {
    return extraAttempts;
  }

  public Duration getTimeLimit() {
    return timeLimitSeconds == null ? null : Duration.ofSeconds(timeLimitSeconds);
  }

  public long getUserId() {
    return userId;
  }
}
