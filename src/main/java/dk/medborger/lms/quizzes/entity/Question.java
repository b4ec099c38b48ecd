package dk.medborger.lms.quizzes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A question of the bank. What it asks is in its {@link QuestionVersion}s: editing a question adds
 * a version and makes it current, so attempts keep the version the learner saw.
 */
@Entity
@Table(name = "question")
public class Question {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_id")
  private QuestionCategory category;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "current_version_id")
  private QuestionVersion current;

  @Column(name = "created_at")
  private Instant createdAt;

  @Version private long version;

  protected Question() {}

  public Question(QuestionCategory category, Instant createdAt) {
    this.category = category;
    this.createdAt = createdAt;
  }

  /** Makes {@code next} the version new attempts get. */
  public void revise(QuestionVersion next) {
    this.current = next;
  }

  public Long getId() {
    return id;
  }

  public QuestionCategory getCategory() {
    return category;
  }

  public QuestionVersion getCurrent() {
    return current;
  }

  /** Increases with every revision: what an editor saw, for the conflict check. */
  public long getVersion() {
    return version;
  }
}
