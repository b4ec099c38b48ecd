package dk.medborger.lms.courses.entity;

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
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A module of a course: a titled, ordered group of activities. */
@Entity
@Table(name = "course_module")
public class CourseModule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  private int position;
  private String title;
  private String summary;

  @OneToMany(mappedBy = "module", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<Activity> activities = new ArrayList<>();

  @Version private long version;

  protected CourseModule() {}

  CourseModule(Course course, int position, String title, String summary) {
    this.course = course;
    this.position = position;
    this.title = title;
    this.summary = summary;
  }

  /** Appends an activity at the end of the module. */
  public <A extends Activity> A add(A activity) {
    activity.placeIn(this, activities.size());
    activities.add(activity);
    return activity;
  }

  public Long getId() {
    return id;
  }

  public Course getCourse() {
    return course;
  }

  public int getPosition() {
    return position;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public List<Activity> getActivities() {
    return activities;
  }
}
