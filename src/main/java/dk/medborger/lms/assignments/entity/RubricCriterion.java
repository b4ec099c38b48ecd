package dk.medborger.lms.assignments.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A criterion of an assignment's rubric; in a points rubric it has levels worth points. */
@Entity
@Table(name = "rubric_criterion")
public class RubricCriterion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "assignment_id")
  private Assignment assignment;

  private int position;
  private String title;
  private String description;

  @OneToMany(mappedBy = "criterion", cascade = CascadeType.ALL)
  @OrderBy("position")
  private List<RubricLevel> levels = new ArrayList<>();

  protected RubricCriterion() {}

  RubricCriterion(Assignment assignment, int position, String title, String description) {
    this.assignment = assignment;
    this.position = position;
    this.title = title;
    this.description = description;
  }

  public RubricLevel addLevel(String title, BigDecimal points) {
    RubricLevel level = new RubricLevel(this, levels.size() + 1, title, points);
    levels.add(level);
    return level;
  }

  /** Takes a level out of the criterion; the caller removes its row. */
  public void removeLevel(RubricLevel level) {
    levels.remove(level);
  }

  public void rewrite(String newTitle, String newDescription) {
    this.title = newTitle;
    this.description = newDescription;
  }

  /** Places the criterion at {@code newPosition} in its rubric (unique per rubric, from 1). */
  public void moveTo(int newPosition) {
    this.position = newPosition;
  }

  public Long getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public List<RubricLevel> getLevels() {
    return levels;
  }
}
