package dk.medborger.lms.courses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * Something a learner does in a module: a lesson, a quiz or an assignment. Every kind shares this
 * row (order, title, whether and when it counts as completed) and the progress rules; the kind's
 * own details live in a subclass table of its component ({@link Lesson} in {@code lesson}, the quiz
 * in {@code quiz}). The kind is the discriminator column, read as {@link #getKind()} and in JPQL as
 * {@code a.kind}, so that nothing here names another component's class.
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

  @Enumerated(EnumType.STRING)
  @Column(name = "completion_criterion")
  private CompletionCriterion completionCriterion;

  /** The discriminator, read only: EclipseLink writes it from the subclass. */
  @Enumerated(EnumType.STRING)
  @Column(name = "kind", insertable = false, updatable = false)
  private ActivityKind kind;

  @Column(name = "estimated_minutes")
  private Integer estimatedMinutes;

  @Version private long version;

  protected Activity() {}

  protected Activity(
      ActivityKind kind, String title, Integer estimatedMinutes, CompletionCriterion criterion) {
    if (!CompletionCriterion.allowedFor(kind).contains(criterion)) {
      throw new IllegalArgumentException(kind + " cannot complete " + criterion);
    }
    this.kind = kind;
    this.title = title;
    this.estimatedMinutes = estimatedMinutes;
    this.completionCriterion = criterion;
  }

  /**
   * Changes what the course's outline shows of the activity: its title and when it counts as
   * completed. Only through {@code CourseCatalog.describe}, which increases the course's version so
   * that every cached outline is read anew.
   */
  public void describe(String newTitle, CompletionCriterion criterion) {
    if (!CompletionCriterion.allowedFor(kind).contains(criterion)) {
      throw new IllegalArgumentException(kind + " cannot complete " + criterion);
    }
    this.title = newTitle;
    this.completionCriterion = criterion;
  }

  void placeIn(CourseModule owner, int index) {
    this.module = owner;
    this.position = index;
  }

  public ActivityKind getKind() {
    return kind;
  }

  public CompletionCriterion getCompletionCriterion() {
    return completionCriterion;
  }

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

  /** The row's version: what two people editing the activity at once compare (ADR 23). */
  public long getVersion() {
    return version;
  }
}
