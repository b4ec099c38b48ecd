package dk.medborger.lms.courses.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A course: ordered modules of ordered activities, optionally to be taken in order. */
@Entity
@Table(name = "course")
public class Course {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String slug;
  private String title;
  private String summary;

  /** Modules must be completed in order: a later module is locked until the earlier ones are. */
  private boolean sequential;

  private boolean published = true;

  @Column(name = "created_at")
  private Instant createdAt;

  @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<CourseModule> modules = new ArrayList<>();

  @Version private long version;

  protected Course() {}

  public Course(String slug, String title, String summary, boolean sequential, Instant createdAt) {
    this.slug = slug;
    this.title = title;
    this.summary = summary;
    this.sequential = sequential;
    this.createdAt = createdAt;
  }

  /** Appends a module at the end of the course. */
  public CourseModule addModule(String moduleTitle, String moduleSummary) {
    CourseModule module = new CourseModule(this, modules.size(), moduleTitle, moduleSummary);
    modules.add(module);
    return module;
  }

  public Long getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public boolean isSequential() {
    return sequential;
  }

  public boolean isPublished() {
    return published;
  }

  public List<CourseModule> getModules() {
    return modules;
  }
}
