package dk.medborger.lms.courses.boundary;

import dk.medborger.lms.courses.control.CourseImport;
import dk.medborger.lms.courses.control.LessonContentPolicy;
import dk.medborger.lms.courses.entity.Activity;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.courses.entity.Course;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Courses as a whole: reading a course's outline and a lesson's content, importing packages. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CourseCatalog {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  private final ConcurrentMap<Long, VersionedOutline> outlines = new ConcurrentHashMap<>();

  /** Imports the course package {@code courses/<slug>} unless a course with that slug exists. */
  @Transactional(Transactional.TxType.REQUIRED)
  public long importIfMissing(String slug) {
    Optional<Long> existing = findIdBySlug(slug);
    if (existing.isPresent()) {
      return existing.get();
    }
    Course course = CourseImport.build(CourseImport.read(slug), clock.instant());
    em.persist(course);
    em.flush();
    return course.getId();
  }

  /**
   * Appends an activity of any kind (a quiz, from its own component) at the end of a module, and
   * increases the course's version so that every cached outline is read anew: the one place where
   * activities are added to an existing course.
   *
   * @param moduleNumber the module's number in the course, from 1
   * @return the new activity's id
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public long append(long courseId, int moduleNumber, Activity activity) {
    Course course = em.find(Course.class, courseId, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    if (course == null || moduleNumber < 1 || moduleNumber > course.getModules().size()) {
      throw new NotFoundException("course " + courseId + " module " + moduleNumber);
    }
    course.getModules().get(moduleNumber - 1).add(activity);
    em.flush();
    return activity.getId();
  }

  /**
   * Changes an activity's title and completion criterion, in the caller's transaction, and
   * increases its course's version when either changed, so that every cached outline is read anew:
   * the one place where what an outline shows of an existing activity changes. The course row stays
   * locked until the transaction ends, so two such changes in one course follow each other.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void describe(long activityId, String title, CompletionCriterion criterion) {
    Activity activity = em.find(Activity.class, activityId);
    if (activity == null) {
      throw new NotFoundException("activity " + activityId);
    }
    if (activity.getTitle().equals(title) && activity.getCompletionCriterion() == criterion) {
      return;
    }
    em.find(
        Course.class,
        activity.getModule().getCourse().getId(),
        LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    activity.describe(title, criterion);
  }

  /** Whether the course has any activity of {@code kind}. */
  public boolean hasActivities(long courseId, ActivityKind kind) {
    return !em.createQuery(
            "SELECT a.id FROM Activity a WHERE a.module.course.id = :id AND a.kind = :kind",
            Long.class)
        .setParameter("id", courseId)
        .setParameter("kind", kind)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Every course's outline, by title (reports offer them to choose from). */
  public List<CourseOutline> outlines() {
    return em
        .createQuery("SELECT c.id FROM Course c ORDER BY c.title, c.id", Long.class)
        .getResultList()
        .stream()
        .map(this::outline)
        .toList();
  }

  public Optional<Long> findIdBySlug(String slug) {
    return em.createQuery("SELECT c.id FROM Course c WHERE c.slug = :slug", Long.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  /**
   * The course's modules and activities in order, without lesson content. Outlines and lesson
   * contents are kept in memory per course version: whatever changes a course's modules, activities
   * or lesson content must increase the course's {@code version} (e.g. {@code em.lock(course,
   * OPTIMISTIC_FORCE_INCREMENT)}), so that every node reads them anew at its next request.
   */
  public CourseOutline outline(long courseId) {
    long version =
        byId(
            em.createQuery("SELECT c.version FROM Course c WHERE c.id = :id", Long.class),
            courseId,
            "course");
    return outline(courseId, version);
  }

  /** The outline of the course an activity belongs to; one query when the outline is cached. */
  public CourseOutline outlineOfActivity(long activityId) {
    Object[] course =
        byId(
            em.createQuery(
                "SELECT c.id, c.version FROM Activity a JOIN a.module m JOIN m.course c"
                    + " WHERE a.id = :id",
                Object[].class),
            activityId,
            "activity");
    return outline((Long) course[0], (Long) course[1]);
  }

  private CourseOutline outline(long courseId, long version) {
    VersionedOutline cached = outlines.get(courseId);
    if (cached != null && cached.version() == version) {
      return cached.outline();
    }
    CourseOutline outline = readOutline(courseId);
    outlines.put(courseId, new VersionedOutline(version, outline, new ConcurrentHashMap<>()));
    return outline;
  }

  /** The one row {@code query} finds for {@code :id}, or 404 ({@code what} and the id). */
  private static <T> T byId(TypedQuery<T> query, long id, String what) {
    return query
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException(what + " " + id));
  }

  private record VersionedOutline(
      long version, CourseOutline outline, ConcurrentMap<Long, String> lessonContents) {}

  private CourseOutline readOutline(long courseId) {
    Object[] c =
        byId(
            em.createQuery(
                "SELECT c.title, c.summary, c.sequential FROM Course c WHERE c.id = :id",
                Object[].class),
            courseId,
            "course");
    Map<Long, Object[]> modules = new LinkedHashMap<>();
    for (Object[] m :
        em.createQuery(
                "SELECT m.id, m.title, m.summary FROM CourseModule m WHERE m.course.id = :id"
                    + " ORDER BY m.position, m.id",
                Object[].class)
            .setParameter("id", courseId)
            .getResultList()) {
      modules.put((Long) m[0], m);
    }
    Map<Long, List<CourseOutline.Item>> items = new LinkedHashMap<>();
    for (CourseOutline.Item a :
        em.createQuery(
                "SELECT NEW dk.medborger.lms.courses.boundary.CourseOutline$Item(a.id,"
                    + " a.module.id, a.title, a.kind, a.required, a.completionCriterion,"
                    + " a.estimatedMinutes)"
                    + " FROM Activity a WHERE a.module.course.id = :id ORDER BY a.position, a.id",
                CourseOutline.Item.class)
            .setParameter("id", courseId)
            .getResultList()) {
      items.computeIfAbsent(a.moduleId(), k -> new ArrayList<>()).add(a);
    }
    List<CourseOutline.Module> outlineModules = new ArrayList<>();
    modules.forEach(
        (id, m) ->
            outlineModules.add(
                new CourseOutline.Module(
                    id, (String) m[1], (String) m[2], items.getOrDefault(id, List.of()))));
    return new CourseOutline(
        courseId, (String) c[0], (String) c[1], (Boolean) c[2], List.copyOf(outlineModules));
  }

  /**
   * A lesson's sanitised HTML; {@code outline} is the lesson's course as just read by {@link
   * #outline} or {@link #outlineOfActivity}, whose version the content is kept with.
   */
  public String lessonContent(CourseOutline outline, long activityId) {
    VersionedOutline cached = outlines.get(outline.id());
    if (cached == null || cached.outline() != outline) {
      return readLessonContent(activityId);
    }
    String content = cached.lessonContents().get(activityId);
    if (content == null) {
      content = readLessonContent(activityId);
      cached.lessonContents().put(activityId, content);
    }
    return content;
  }

  /**
   * The stored HTML, sanitised again on the way out: what is shown is safe even if a row was
   * written past the import (by hand, by a later migration). Cached per course version, so the
   * sanitiser runs once per lesson and version.
   */
  private String readLessonContent(long activityId) {
    return LessonContentPolicy.sanitise(
        byId(
            em.createQuery("SELECT l.contentHtml FROM Lesson l WHERE l.id = :id", String.class),
            activityId,
            "lesson"));
  }
}
