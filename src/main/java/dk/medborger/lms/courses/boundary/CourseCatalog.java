package dk.medborger.lms.courses.boundary;

import dk.medborger.lms.courses.control.CourseImport;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionMode;
import dk.medborger.lms.courses.entity.Course;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Courses as a whole: reading a course's outline and a lesson's content, importing packages. */
@ApplicationScoped
@Transactional
public class CourseCatalog {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** Imports the course package {@code courses/<slug>} unless a course with that slug exists. */
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

  public Optional<Long> findIdBySlug(String slug) {
    return em.createQuery("SELECT c.id FROM Course c WHERE c.slug = :slug", Long.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  /** The course's modules and activities in order, without lesson content. */
  public CourseOutline outline(long courseId) {
    Object[] c =
        em.createQuery(
                "SELECT c.title, c.summary, c.sequential, c.completionMode FROM Course c"
                    + " WHERE c.id = :id",
                Object[].class)
            .setParameter("id", courseId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("course " + courseId));
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
    for (Object[] a :
        em.createQuery(
                "SELECT a.id, a.module.id, a.title, TYPE(a), a.required, a.estimatedMinutes"
                    + " FROM Activity a WHERE a.module.course.id = :id ORDER BY a.position, a.id",
                Object[].class)
            .setParameter("id", courseId)
            .getResultList()) {
      long moduleId = (Long) a[1];
      items
          .computeIfAbsent(moduleId, k -> new ArrayList<>())
          .add(
              new CourseOutline.Item(
                  (Long) a[0],
                  moduleId,
                  (String) a[2],
                  ActivityKind.of((Class<?>) a[3]),
                  (Boolean) a[4],
                  (Integer) a[5]));
    }
    List<CourseOutline.Module> outlineModules = new ArrayList<>();
    modules.forEach(
        (id, m) ->
            outlineModules.add(
                new CourseOutline.Module(
                    id, (String) m[1], (String) m[2], items.getOrDefault(id, List.of()))));
    return new CourseOutline(
        courseId,
        (String) c[0],
        (String) c[1],
        (Boolean) c[2],
        (CompletionMode) c[3],
        List.copyOf(outlineModules));
  }

  /** The course an activity belongs to. */
  public long courseOf(long activityId) {
    return em.createQuery(
            "SELECT a.module.course.id FROM Activity a WHERE a.id = :id", Long.class)
        .setParameter("id", activityId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("activity " + activityId));
  }

  /** A lesson's sanitised HTML. */
  public String lessonContent(long activityId) {
    return em.createQuery("SELECT l.contentHtml FROM Lesson l WHERE l.id = :id", String.class)
        .setParameter("id", activityId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("lesson " + activityId));
  }
}
