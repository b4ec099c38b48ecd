package dk.medborger.lms.progress.boundary;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.courses.entity.EnrolmentStatus;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.control.Contacts;
import dk.medborger.lms.progress.control.ProgressRecords;
import dk.medborger.lms.progress.control.ProgressRows.EnrolmentRow;
import dk.medborger.lms.progress.control.ProgressRows.LearnerRow;
import dk.medborger.lms.progress.control.ProgressRows.StateRow;
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

  @Inject ActivityOutcomes outcomes;

  @Inject Clock clock;

  @Inject Contacts contacts;

  /** One course on the learner's dashboard. */
  public record DashboardEntry(
      long courseId,
      String title,
      String summary,
      EnrolmentStatus status,
      int percent,
      LocalDate dueDate,
      boolean overdue,
      CourseOutline.Item resume,
      Deadline deadline,
      Instant completedAt,
      int minutes,
      int minutesLeft) {}

  /**
   * A course page: the outline with the learner's progress, the deadline, the completion date, and
   * whom to ask when the course is overdue (empty otherwise).
   */
  public record CoursePage(
      CourseOutline outline,
      CourseProgress progress,
      LocalDate dueDate,
      Deadline deadline,
      Instant completedAt,
      List<String> whomToAsk) {}

  /** A lesson page: its content, its place in the course and the learner's state in it. */
  public record LessonPage(
      CourseOutline outline,
      CourseProgress progress,
      CourseOutline.Item lesson,
      CourseOutline.Module module,
      String contentHtml,
      boolean locked,
      CourseOutline.Item previous,
      CourseOutline.Item next,
      Deadline deadline,
      List<String> whomToAsk) {

    /** The module's number in the course, from 1. */
    public int moduleNumber() {
      return progress.numberOf(progress.moduleOf(lesson.id()));
    }

    /** The lesson's number in its module, from 1. */
    public int positionInModule() {
      return progress.moduleOf(lesson.id()).positionOf(lesson.id());
    }

    /** Whether "next" may open the next activity now. */
    public boolean nextOpens() {
      return progress.opens(next);
    }

    public boolean completed() {
      return progress.status(lesson.id()).completed();
    }

    public CompletionCriterion completionMode() {
      return lesson.criterion();
    }

    /** Whether the learner may take back the lesson's completion ("undo"). */
    public boolean undoable() {
      return !locked
          && ProgressRules.learnerMayUndo(lesson.criterion(), progress.status(lesson.id()).state());
    }
  }

  /** The learner's courses, soonest due first; the states of all of them in one query. */
  public List<DashboardEntry> dashboard(long userId) {
    LocalDate today = LocalDate.now(clock);
    Map<Long, Map<Long, ActivityState>> statesByEnrolment = statesOfEveryEnrolment(userId);
    List<DashboardEntry> entries = new ArrayList<>();
    for (EnrolmentRow row :
        em.createQuery(
                "SELECT NEW dk.medborger.lms.progress.control.ProgressRows$EnrolmentRow(e.id, c.id,"
                    + " c.title, c.summary, e.status, e.progressPercent, e.dueDate,"
                    + " e.lastActivityId, e.completedAt) FROM Enrolment e JOIN e.course c"
                    + " WHERE e.user.id = :userId ORDER BY e.dueDate, e.id",
                EnrolmentRow.class)
            .setParameter("userId", userId)
            .getResultList()) {
      CourseOutline outline = catalog.outline(row.courseId());
      CourseProgress progress =
          ProgressRules.evaluate(
              outline,
              statesByEnrolment.getOrDefault(row.enrolmentId(), Map.of()),
              row.lastActivityId());
      Deadline deadline =
          Deadline.of(row.dueDate(), row.status() == EnrolmentStatus.COMPLETED, today);
      entries.add(
          new DashboardEntry(
              row.courseId(),
              row.title(),
              row.summary(),
              row.status(),
              row.percent(),
              row.dueDate(),
              deadline.overdue(),
              progress.resumeActivity(),
              deadline,
              row.completedAt(),
              outline.minutes(),
              progress.minutesLeft()));
    }
    return entries;
  }

  public CoursePage course(long userId, long courseId) {
    Learner learner = learner(userId, courseId);
    CourseOutline outline = catalog.outline(courseId);
    Deadline deadline = learner.deadline(LocalDate.now(clock));
    return new CoursePage(
        outline,
        ProgressRules.evaluate(outline, learner.states(), learner.lastActivityId()),
        learner.dueDate(),
        deadline,
        learner.completedAt(),
        deadline.overdue() ? contacts.whomToAsk(userId, courseId) : List.of());
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
    return lessonView(
        userId,
        outline,
        progress,
        activityId,
        locked,
        Deadline.of(learner.dueDate(), progress.complete(), LocalDate.now(clock)));
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
    return lessonView(
        userId,
        outline,
        after.progress(),
        activityId,
        after.locked(),
        Deadline.of(after.dueDate(), after.progress().complete(), LocalDate.now(clock)));
  }

  /**
   * Takes back the learner's "mark as completed" of a lesson, where its course lets them (a lesson
   * completed manually): through {@link ActivityOutcomes#undoCompletion}, under the enrolment's
   * lock and kept in the history. Idempotent: a lesson that is not completed stays as it is.
   */
  public LessonPage undoCompletion(long userId, long activityId) {
    CourseOutline outline = lessonsCourse(activityId);
    ActivityOutcomes.Recorded after = outcomes.undoCompletion(userId, activityId);
    return lessonView(
        userId,
        outline,
        after.progress(),
        activityId,
        after.locked(),
        Deadline.of(after.dueDate(), after.progress().complete(), LocalDate.now(clock)));
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
      long userId,
      CourseOutline outline,
      CourseProgress progress,
      long activityId,
      boolean locked,
      Deadline deadline) {
    CourseOutline.Neighbours around = outline.neighbours(activityId);
    return new LessonPage(
        outline,
        progress,
        outline.activity(activityId).orElseThrow(),
        progress.moduleOf(activityId).module(),
        locked ? null : catalog.lessonContent(outline, activityId),
        locked,
        around.previous(),
        around.next(),
        deadline,
        deadline.overdue() ? contacts.whomToAsk(userId, outline.id()) : List.of());
  }

  /**
   * What a page reads of the learner's enrolment in a course, with the state of every activity they
   * have begun: one query, without loading entities. 404 for a course the learner does not take.
   */
  private Learner learner(long userId, long courseId) {
    List<LearnerRow> rows =
        em.createQuery(
                "SELECT NEW dk.medborger.lms.progress.control.ProgressRows$LearnerRow(e.id,"
                    + " e.dueDate, e.lastActivityId, e.lastAccessedAt, e.completedAt, p.activityId,"
                    + " p.status) FROM Enrolment e LEFT JOIN ActivityProgress p ON p.enrolment = e"
                    + " WHERE e.user.id = :userId AND e.course.id = :courseId",
                LearnerRow.class)
            .setParameter("userId", userId)
            .setParameter("courseId", courseId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("enrolment");
    }
    LearnerRow first = rows.get(0);
    Map<Long, ActivityState> states = new HashMap<>();
    for (LearnerRow row : rows) {
      if (row.activityId() != null) {
        states.put(row.activityId(), row.state());
      }
    }
    return new Learner(
        first.enrolmentId(),
        first.dueDate(),
        first.lastActivityId(),
        first.lastAccessedAt(),
        first.completedAt(),
        states);
  }

  private record Learner(
      long enrolmentId,
      LocalDate dueDate,
      Long lastActivityId,
      Instant lastAccessedAt,
      Instant completedAt,
      Map<Long, ActivityState> states) {

    Deadline deadline(LocalDate today) {
      return Deadline.of(dueDate, completedAt != null, today);
    }

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
    for (StateRow row :
        em.createQuery(
                "SELECT NEW dk.medborger.lms.progress.control.ProgressRows$StateRow(p.enrolment.id,"
                    + " p.activityId, p.status) FROM ActivityProgress p"
                    + " WHERE p.enrolment.user.id = :userId",
                StateRow.class)
            .setParameter("userId", userId)
            .getResultList()) {
      states
          .computeIfAbsent(row.enrolmentId(), id -> new HashMap<>())
          .put(row.activityId(), row.state());
    }
    return states;
  }
}
