package dk.medborger.lms.quizzes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One version of a question, never changed once written: what an attempt showed and graded. */
@Entity
@Table(name = "question_version")
public class QuestionVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "question_id")
  private Question question;

  private int number;

  @Enumerated(EnumType.STRING)
  private QuestionType type;

  private String name;

  private BigDecimal points;

  @Convert(converter = JsonColumns.ContentConverter.class)
  private QuestionContent content;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "created_by")
  private Long createdBy;

  protected QuestionVersion() {}

  public QuestionVersion(
      Question question, int number, QuestionContent content, Instant createdAt, Long createdBy) {
    this.question = question;
    this.number = number;
    this.type = content.type();
    this.name = content.name();
    this.points = BigDecimal.valueOf(content.points());
    this.content = content;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public Long getId() {
    return id;
  }

  public Question getQuestion() {
    return question;
  }

  public int getNumber() {
    return number;
  }

  public QuestionType getType() {
    return type;
  }

  public BigDecimal getPoints() {
    return points;
  }

  public QuestionContent getContent() {
    return content;
  }
}
