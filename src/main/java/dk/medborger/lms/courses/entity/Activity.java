package dk.medborger.lms.courses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Something a learner does in a module: a lesson now, a quiz or an assignment later. Every kind
 * shares this row (order, title, whether it counts towards completion) and the progress rules; the
 * kind's own details live in a subclass table ({@link Lesson} in {@code lesson}).
 */
@Entity
@Table(name = "activity")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind")
public abstract class Activity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "module_id")
  private CourseModule module;

  private int position;
  private String title;

  /** Counts towards module and course completion. */
  private boolean required = true;

  @Column(name = "estimated_minutes")
  private Integer estimatedMinutes;

  @Version private long version;

  protected Activity() {}

  protected Activity(String title, Integer estimatedMinutes) {
    this.title = title;
    this.estimatedMinutes = estimatedMinutes;
  }

  void placeIn(CourseModule owner, int index) {
    this.module = owner;
    this.position = index;
  }

  public abstract ActivityKind getKind();

  public Long getId() {
    return id;
  }

  public CourseModule getModule() {
    return module;
  }

  public int getPosition() {
    return position;
  }

  public String getTitle() {
    return title;
  }

  public boolean isRequired() {
    return required;
  }

  public void setRequired(boolean required) {
    this.required = required;
  }

  public Integer getEstimatedMinutes() {
    return estimatedMinutes;
  }
}
