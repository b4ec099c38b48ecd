package dk.medborger.lms.quizzes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category of a course's question bank; quizzes draw random questions from one. */
@Entity
@Table(name = "question_category")
public class QuestionCategory {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "course_id")
  private long courseId;

  private String name;

  protected QuestionCategory() {}

  public QuestionCategory(long courseId, String name) {
    this.courseId = courseId;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public long getCourseId() {
    return courseId;
  }

  public String getName() {
    return name;
  }
}
