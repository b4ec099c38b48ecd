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

/** A place in a quiz: one question of the bank, or a number drawn at random from a category. */
@Entity
@Table(name = "quiz_slot")
public class QuizSlot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "quiz_id")
  private Quiz quiz;

  private int position;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "question_id")
  private Question question;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "category_id")
  private QuestionCategory category;

  @Column(name = "draw_count")
  private Integer drawCount;

  protected QuizSlot() {}

  QuizSlot(
      Quiz quiz, int position, Question question, QuestionCategory category, Integer drawCount) {
    this.quiz = quiz;
    this.position = position;
    this.question = question;
    this.category = category;
    this.drawCount = drawCount;
  }

  public int getPosition() {
    return position;
  }

  public Question getQuestion() {
    return question;
  }

  public QuestionCategory getCategory() {
    return category;
  }

  public Integer getDrawCount() {
    return drawCount;
  }
}
