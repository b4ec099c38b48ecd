package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A level of a points rubric's criterion ("Delvist", 2 points). */
@Entity
@Table(name = "rubric_level")
public class RubricLevel {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "criterion_id")
  private RubricCriterion criterion;

  private int position;
  private String title;
  private BigDecimal points;

  protected RubricLevel() {}

  RubricLevel(RubricCriterion criterion, int position, String title, BigDecimal points) {
    this.criterion = criterion;
    this.position = position;
    this.title = title;
    this.points = points;
  }

  public void rewrite(String newTitle, BigDecimal newPoints) {
    this.title = newTitle;
    this.points = newPoints;
  }

  /** Places the level at {@code newPosition} in its criterion (unique per criterion, from 1). */
  public void moveTo(int newPosition) {
    this.position = newPosition;
  }

  public int getPosition() {
    return position;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public BigDecimal getPoints() {
    return points;
  }
}
