package dk.medborger.lms.progress.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.courses.entity.EnrolmentStatus;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.control.ProgressRecords;
import dk.medborger.lms.progress.control.ProgressRules;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.progress.entity.OutcomeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A learner's way through their courses: the dashboard, a course with its progress, opening and
 * completing activities. Every method takes the signed-in learner's id and answers only about that
 * learner's own enrolments; anything else is "not found". Reading needs no transaction; each write
 * is a transaction of {@link ProgressRecords}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LearnerProgress {

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  @Inject ProgressRecords records;

  @Inject Clock clock;

  /** One course on the learner's dashboard. */
  public record DashboardEntry(
      long courseId,
      String title,
      String summary,
      EnrolmentStatus status,
      int percent,
      LocalDate dueDate,
      boolean overdue,
      CourseOutline.Item resume) {}

  /** A course page: the outline with the learner's progress. */
  public record CoursePage(CourseOutline outline, CourseProgress progress, LocalDate dueDate) {}

  /** A lesson page: its content, its place in the course and the learner's state in it. */
  public record LessonPage(
      CourseOutline outline,
      CourseProgress progress,
      CourseOutline.Item lesson,
      CourseOutline.Module module,
      String contentHtml,
      boolean locked,
      CourseOutline.Item previous,
      CourseOutline.Item next) {

    public boolean completed() {
      return progress.status(lesson.id()).completed();
    }

    public CompletionCriterion completionMode() {
      return lesson.criterion();
    }
  }

  /** The learner's courses, soonest due first; the states of all of them in one query. */
  public List<DashboardEntry> dashboard(long userId) {
    LocalDate today = LocalDate.now(clock);
    Map<Long, Map<Long, ActivityState>> statesByEnrolment = statesOfEveryEnrolment(userId);
    List<DashboardEntry> entries = new ArrayList<>();
    for (Object[] row :
        em.createQuery(
                "SELECT e.id, c.id, c.title, c.summary, e.status, e.progressPercent, e.dueDate,"
                    + " e.lastActivityId FROM Enrolment e JOIN e.course c"
                    + " WHERE e.user.id = :userId ORDER BY e.dueDate, e.id",
                Object[].class)
            .setParameter("userId", userId)
            .getResultList()) {
      long courseId = (Long) row[1];
      EnrolmentStatus status = (EnrolmentStatus) row[4];
      LocalDate due = (LocalDate) row[6];
      CourseProgress progress =
          ProgressRules.evaluate(
              catalog.outline(courseId),
              statesByEnrolment.getOrDefault((Long) row[0], Map.of()),
              (Long) row[7]);
      entries.add(
          new DashboardEntry(
              courseId,
              (String) row[2],
              (String) row[3],
              status,
              (Integer) row[5],
              due,
              status != EnrolmentStatus.COMPLETED && due != null && due.isBefore(today),
              progress.resumeActivity()));
    }
    return entries;
  }

  public CoursePage course(long userId, long courseId) {
    Learner learner = learner(userId, courseId);
    CourseOutline outline = catalog.outline(courseId);
    return new CoursePage(
        outline,
        ProgressRules.evaluate(outline, learner.states(), learner.lastActivityId()),
        learner.dueDate());
  }

  /**
   * Opens a lesson: records it as started and as the place to resume. A lesson in a locked module
   * is shown as locked, without content, and nothing is recorded.
   */
  public LessonPage openLesson(long userId, long activityId) {
    CourseOutline outline = lessonsCourse(activityId);
    Learner learner = learner(userId, outline.id());
    Map<Long, ActivityState> states = learner.states();
    CourseProgress progress = ProgressRules.evaluate(outline, states, learner.lastActivityId());
    boolean locked = progress.moduleOf(activityId).locked();
    Instant now = clock.instant();
    if (!locked && learner.needsVisitRecorded(activityId, now)) {
      // Only the first visit and a visit after a minute write anything: reloads stay reads, and
      // need no transaction.
      progress = records.opened(learner.enrolmentId(), outline, activityId, now);
    }
    return lessonView(outline, progress, activityId, locked);
  }

  /**
   * Marks an activity completed (idempotent) and updates module and course completion; an activity
   * in a locked module stays as it was. The write is the whole transaction (ProgressRecords).
   */
  public LessonPage complete(long userId, long activityId) {
    CourseOutline outline = lessonsCourse(activityId);
    ActivityOutcomes.Recorded after =
        records.record(
            userId,
            outline,
            activityId,
            Outcome.of(OutcomeKind.COMPLETED, "LESSON", null),
            clock.instant());
    return lessonView(outline, after.progress(), activityId, after.locked());
  }

  /** The course of a lesson; 404 for any other kind of activity, which has its own page. */
  private CourseOutline lessonsCourse(long activityId) {
    CourseOutline outline = catalog.outlineOfActivity(activityId);
    if (outline.activity(activityId).orElseThrow().kind() != ActivityKind.LESSON) {
      throw new NotFoundException("lesson " + activityId);
    }
    return outline;
  }

  private LessonPage lessonView(
      CourseOutline outline, CourseProgress progress, long activityId, boolean locked) {
    CourseOutline.Neighbours around = outline.neighbours(activityId);
    return new LessonPage(
        outline,
        progress,
        outline.activity(activityId).orElseThrow(),
        progress.moduleOf(activityId).module(),
        locked ? null : catalog.lessonContent(outline, activityId),
        locked,
        around.previous(),
        around.next());
  }

  /**
   * What a page reads of the learner's enrolment in a course, with the state of every activity they
   * have begun: one query, without loading entities. 404 for a course the learner does not take.
   */
  private Learner learner(long userId, long courseId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT e.id, e.dueDate, e.lastActivityId, e.lastAccessedAt, p.activityId, p.status"
                    + " FROM Enrolment e LEFT JOIN ActivityProgress p ON p.enrolment = e"
                    + " WHERE e.user.id = :userId AND e.course.id = :courseId",
                Object[].class)
            .setParameter("userId", userId)
            .setParameter("courseId", courseId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("enrolment");
    }
    Object[] first = rows.get(0);
    Map<Long, ActivityState> states = new HashMap<>();
    for (Object[] row : rows) {
      if (row[4] != null) {
        states.put((Long) row[4], (ActivityState) row[5]);
      }
    }
    return new Learner(
        (Long) first[0], (LocalDate) first[1], (Long) first[2], (Instant) first[3], states);
  }

  private record Learner(
      long enrolmentId,
      LocalDate dueDate,
      Long lastActivityId,
      Instant lastAccessedAt,
      Map<Long, ActivityState> states) {

    /**
     * Whether opening {@code activityId} must be written: a first visit, another activity than last
     * time, or the same one more than {@link Enrolment#ACCESS_RESOLUTION} later.
     */
    boolean needsVisitRecorded(long activityId, Instant now) {
      return !states.containsKey(activityId)
          || lastActivityId == null
          || lastActivityId != activityId
          || lastAccessedAt == null
          || lastAccessedAt.plus(Enrolment.ACCESS_RESOLUTION).isBefore(now);
    }
  }

  /** The state of every activity the learner has begun, by enrolment. */
  private Map<Long, Map<Long, ActivityState>> statesOfEveryEnrolment(long userId) {
    Map<Long, Map<Long, ActivityState>> states = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT p.enrolment.id, p.activityId, p.status FROM ActivityProgress p"
                    + " WHERE p.enrolment.user.id = :userId",
                Object[].class)
            .setParameter("userId", userId)
            .getResultList()) {
      states
          .computeIfAbsent((Long) row[0], id -> new HashMap<>())
          .put((Long) row[1], (ActivityState) row[2]);
    }
    return states;
  }
}
