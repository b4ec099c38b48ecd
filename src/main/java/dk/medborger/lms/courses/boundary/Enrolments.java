package dk.medborger.lms.courses.boundary;

import dk.medborger.lms.courses.entity.Course;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.identity.entity.UserAccount;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Who takes which course: enrolling learners and finding a learner's enrolment. */
@ApplicationScoped
@Transactional
public class Enrolments {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Enrols a learner and returns the enrolment's id; enrolling someone who is enrolled already
   * changes nothing and returns the existing enrolment.
   */
  public long enrol(long userId, long courseId, LocalDate dueDate) {
    Optional<Enrolment> existing = find(userId, courseId);
    if (existing.isPresent()) {
      return existing.get().getId();
    }
    UserAccount user = em.find(UserAccount.class, userId);
    Course course = em.find(Course.class, courseId);
    if (user == null || course == null) {
      throw new NotFoundException("user " + userId + " or course " + courseId);
    }
    Enrolment enrolment = new Enrolment(user, course, clock.instant(), dueDate);
    em.persist(enrolment);
    em.flush();
    return enrolment.getId();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Enrolment> find(long userId, long courseId) {
    return ofUserInCourse(userId, courseId).getResultStream().findFirst();
  }

  /** The learner's enrolment, or 404 for a course the learner does not take. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Enrolment require(long userId, long courseId) {
    return find(userId, courseId).orElseThrow(() -> new NotFoundException("enrolment"));
  }

  /**
   * The learner's enrolment, locked in the database until the transaction ends; 404 as {@link
   * #require}. Every write of a learner's progress in a course takes this lock first, so two writes
   * at once (two tabs, a double click, the button and the end-of-lesson script) run one after the
   * other, and the second sees what the first wrote.
   */
  public Enrolment lock(long userId, long courseId) {
    return locked(ofUserInCourse(userId, courseId));
  }

  /** {@link #lock(long, long)} by the enrolment's id. */
  public Enrolment lock(long enrolmentId) {
    // A query, not em.find: a query first flushes what the transaction has changed, find would
    // refresh the enrolment over it.
    return locked(
        em.createQuery("SELECT e FROM Enrolment e WHERE e.id = :id", Enrolment.class)
            .setParameter("id", enrolmentId));
  }

  private TypedQuery<Enrolment> ofUserInCourse(long userId, long courseId) {
    return em.createNamedQuery(Enrolment.FIND_BY_USER_AND_COURSE, Enrolment.class)
        .setParameter("userId", userId)
        .setParameter("courseId", courseId);
  }

  private static Enrolment locked(TypedQuery<Enrolment> enrolment) {
    return enrolment
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("enrolment"));
  }
}
