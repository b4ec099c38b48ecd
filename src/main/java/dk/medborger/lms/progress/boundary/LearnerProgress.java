package dk.medborger.lms.progress.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.courses.entity.CompletionMode;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.courses.entity.EnrolmentStatus;
import dk.medborger.lms.progress.control.ProgressRules;
import dk.medborger.lms.progress.control.ProgressRules.CourseProgress;
import dk.medborger.lms.progress.entity.ActivityProgress;
import dk.medborger.lms.progress.entity.ActivityState;
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
 * learner's own enrolments; anything else is "not found".
 */
@ApplicationScoped
@Transactional
public class LearnerProgress {

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  @Inject Enrolments enrolments;

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
      Long resumeActivityId) {}

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
      Long previousId,
      Long nextId) {

    public boolean completed() {
      return progress.status(lesson.id()).completed();
    }

    public CompletionMode completionMode() {
      return outline.completionMode();
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DashboardEntry> dashboard(long userId) {
    LocalDate today = LocalDate.now(clock);
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
          ProgressRules.evaluate(catalog.outline(courseId), states((Long) row[0]), (Long) row[7]);
      entries.add(
          new DashboardEntry(
              courseId,
              (String) row[2],
              (String) row[3],
              status,
              (Integer) row[5],
              due,
              status != EnrolmentStatus.COMPLETED && due != null && due.isBefore(today),
              progress.resumeActivityId()));
    }
    return entries;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CoursePage course(long userId, long courseId) {
    Enrolments.Summary enrolment = enrolments.summary(userId, courseId);
    CourseOutline outline = catalog.outline(courseId);
    return new CoursePage(
        outline,
        ProgressRules.evaluate(outline, states(enrolment.id()), enrolment.lastActivityId()),
        enrolment.dueDate());
  }

  /**
   * Opens a lesson: records it as started and as the place to resume. A lesson in a locked module
   * is shown as locked, without content, and nothing is recorded.
   */
  public LessonPage openLesson(long userId, long activityId) {
    long courseId = catalog.courseOf(activityId);
    Enrolments.Summary enrolment = enrolments.summary(userId, courseId);
    CourseOutline outline = catalog.outline(courseId);
    Map<Long, ActivityState> states = states(enrolment.id());
    CourseProgress progress = ProgressRules.evaluate(outline, states, enrolment.lastActivityId());
    boolean locked = progress.moduleOf(activityId).locked();
    Instant now = clock.instant();
    if (!locked && enrolment.needsVisitRecorded(activityId, states.containsKey(activityId), now)) {
      // Only the first visit and a visit after a minute write anything: reloads stay reads.
      Enrolment entity = em.find(Enrolment.class, enrolment.id());
      findOrStart(entity, activityId, now).opened(now);
      states.putIfAbsent(activityId, ActivityState.IN_PROGRESS);
      entity.opened(activityId, now);
      progress = record(entity, outline, states, activityId, now);
    }
    return lessonView(outline, progress, activityId, locked);
  }

  /** Marks an activity completed (idempotent) and updates module and course completion. */
  public LessonPage complete(long userId, long activityId) {
    long courseId = catalog.courseOf(activityId);
    Enrolment enrolment = enrolments.require(userId, courseId);
    CourseOutline outline = catalog.outline(courseId);
    Map<Long, ActivityState> states = states(enrolment.getId());
    CourseProgress before = ProgressRules.evaluate(outline, states, enrolment.getLastActivityId());
    if (before.moduleOf(activityId).locked()) {
      return lessonView(outline, before, activityId, true);
    }
    Instant now = clock.instant();
    findOrStart(enrolment, activityId, now).complete(now);
    states.put(activityId, ActivityState.COMPLETED);
    CourseProgress after = record(enrolment, outline, states, enrolment.getLastActivityId(), now);
    return lessonView(outline, after, activityId, false);
  }

  private LessonPage lessonView(
      CourseOutline outline, CourseProgress progress, long activityId, boolean locked) {
    List<CourseOutline.Item> all = outline.activitiesInOrder();
    int index = 0;
    while (all.get(index).id() != activityId) {
      index++;
    }
    CourseOutline.Item item = all.get(index);
    CourseOutline.Module module = progress.moduleOf(activityId).module();
    return new LessonPage(
        outline,
        progress,
        item,
        module,
        locked ? null : catalog.lessonContent(activityId),
        locked,
        index > 0 ? all.get(index - 1).id() : null,
        index < all.size() - 1 ? all.get(index + 1).id() : null);
  }

  private CourseProgress record(
      Enrolment enrolment,
      CourseOutline outline,
      Map<Long, ActivityState> states,
      Long lastActivityId,
      Instant now) {
    CourseProgress progress = ProgressRules.evaluate(outline, states, lastActivityId);
    enrolment.recordOutcome(progress.percent(), progress.complete(), progress.started(), now);
    return progress;
  }

  private ActivityProgress findOrStart(Enrolment enrolment, long activityId, Instant now) {
    return em.createNamedQuery(ActivityProgress.FIND, ActivityProgress.class)
        .setParameter("enrolmentId", enrolment.getId())
        .setParameter("activityId", activityId)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              ActivityProgress row = new ActivityProgress(enrolment, activityId, now);
              em.persist(row);
              return row;
            });
  }

  private Map<Long, ActivityState> states(long enrolmentId) {
    Map<Long, ActivityState> states = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT p.activityId, p.status FROM ActivityProgress p"
                    + " WHERE p.enrolment.id = :id",
                Object[].class)
            .setParameter("id", enrolmentId)
            .getResultList()) {
      states.put((Long) row[0], (ActivityState) row[1]);
    }
    return states;
  }
}
