package dk.medborger.lms.courses.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Who teaches which course ({@code course_instructor}): instructors see and grade only the courses
 * they teach, and every instructor page asks here first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Teaching {

  @PersistenceContext EntityManager em;

  /** Makes {@code userId} an instructor of the course; doing it twice changes nothing. */
  @Transactional(Transactional.TxType.REQUIRED)
  public void assign(long courseId, long userId) {
    em.createNativeQuery("INSERT IGNORE INTO course_instructor (course_id, user_id) VALUES (?, ?)")
        .setParameter(1, courseId)
        .setParameter(2, userId)
        .executeUpdate();
  }

  public boolean teaches(long userId, long courseId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM course_instructor WHERE user_id = ? AND course_id = ?")
        .setParameter(1, userId)
        .setParameter(2, courseId)
        .getResultList()
        .isEmpty();
  }

  /** The ids of the courses the user teaches. */
  public List<Long> coursesOf(long userId) {
    return em
        .createNativeQuery(
            "SELECT course_id FROM course_instructor WHERE user_id = ? ORDER BY course_id")
        .setParameter(1, userId)
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  /** The names of the course's instructors, in Danish order. */
  public List<String> instructorNames(long courseId) {
    return em
        .createNativeQuery(
            "SELECT u.full_name FROM course_instructor ci JOIN app_user u ON u.id = ci.user_id"
                + " WHERE ci.course_id = ? AND u.active = TRUE ORDER BY u.full_name")
        .setParameter(1, courseId)
        .getResultList()
        .stream()
        .map(String.class::cast)
        .toList();
  }
}
