package dk.medborger.lms.courses.entity;

import dk.medborger.lms.identity.entity.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A learner's place in a course, with an optional due date. Keeps the course-level outcome (status,
 * percent of required activities, completion date) that the progress rules compute.
 */
@Entity
@Table(name = "enrolment")
@NamedQuery(
    name = Enrolment.FIND_BY_USER_AND_COURSE,
    query = "SELECT e FROM Enrolment e WHERE e.user.id = :userId AND e.course.id = :courseId")
public class Enrolment {

  public static final String FIND_BY_USER_AND_COURSE = "Enrolment.findByUserAndCourse";

  /** How fine-grained visit times are kept: like Moodle's last access, to the minute. */
  public static final Duration ACCESS_RESOLUTION = Duration.ofMinutes(1);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id")
  private UserAccount user;

  /** The learner's id, read without the user. */
  @Column(name = "user_id", insertable = false, updatable = false)
  private Long userId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @Column(name = "enrolled_at")
  private Instant enrolledAt;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  private EnrolmentStatus status = EnrolmentStatus.NOT_STARTED;

  @Column(name = "progress_percent")
  private int progressPercent;

  /** The average of the learner's quiz scores in the course, in percent; null before any. */
  @Column(name = "quiz_percent")
  private java.math.BigDecimal quizPercent;

  @Column(name = "assignments_passed")
  private int assignmentsPassed;

  @Column(name = "completed_at")
  private Instant completedAt;

  /** The activity to resume at (a foreign key in the schema; kept as an id, never loaded). */
  @Column(name = "last_activity_id")
  private Long lastActivityId;

  @Column(name = "last_accessed_at")
  private Instant lastAccessedAt;

  @Version private long version;

  protected Enrolment() {}

  public Enrolment(UserAccount user, Course course, Instant enrolledAt, LocalDate dueDate) {
    this.user = user;
    this.course = course;
    this.enrolledAt = enrolledAt;
    this.dueDate = dueDate;
  }

  /**
   * Records that the learner opened an activity: the one to resume at next time. The access time of
   * the same activity is kept to the minute, so that reloading a page writes nothing.
   */
  public void opened(long activityId, Instant at) {
    if (lastActivityId == null
        || lastActivityId != activityId
        || lastAccessedAt == null
        || lastAccessedAt.plus(ACCESS_RESOLUTION).isBefore(at)) {
      this.lastActivityId = activityId;
      this.lastAccessedAt = at;
    }
  }

  /** Stores the course-level outcome the progress rules computed. */
  public void recordOutcome(int percent, boolean courseComplete, boolean anyStarted, Instant at) {
    this.progressPercent = percent;
    if (courseComplete) {
      if (status != EnrolmentStatus.COMPLETED) {
        completedAt = at;
      }
      status = EnrolmentStatus.COMPLETED;
    } else {
      completedAt = null;
      status = anyStarted ? EnrolmentStatus.IN_PROGRESS : EnrolmentStatus.NOT_STARTED;
    }
  }

  /** Keeps the learner's average quiz score (percent, one decimal, or null) with the enrolment. */
  public void scored(java.math.BigDecimal quizPercent, int assignmentsPassed) {
    this.quizPercent = quizPercent;
    this.assignmentsPassed = assignmentsPassed;
  }

  public int getAssignmentsPassed() {
    return assignmentsPassed;
  }

  public java.math.BigDecimal getQuizPercent() {
    return quizPercent;
  }

  public Long getId() {
    return id;
  }

  public UserAccount getUser() {
    return user;
  }

  public long getUserId() {
    return userId != null ? userId : user.getId();
  }

  public Course getCourse() {
    return course;
  }

  public Instant getEnrolledAt() {
    return enrolledAt;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public EnrolmentStatus getStatus() {
    return status;
  }

  public int getProgressPercent() {
    return progressPercent;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public Long getLastActivityId() {
    return lastActivityId;
  }
}
