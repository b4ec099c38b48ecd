package dk.medborger.lms.courses.boundary;

import dk.medborger.lms.courses.entity.Course;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.identity.entity.UserAccount;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Who takes which course: enrolling learners and finding a learner's enrolment. */
@ApplicationScoped
@Transactional
public class Enrolments {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** Enrols a learner; enrolling again changes only the due date. */
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
    return em.createNamedQuery(Enrolment.FIND_BY_USER_AND_COURSE, Enrolment.class)
        .setParameter("userId", userId)
        .setParameter("courseId", courseId)
        .getResultStream()
        .findFirst();
  }

  /** What pages read of an enrolment, without loading the entity and its relations. */
  public record Summary(long id, LocalDate dueDate, Long lastActivityId, Instant lastAccessedAt) {

    /**
     * Whether opening {@code activityId} must be written: a first visit, another activity than last
     * time, or the same one more than {@link Enrolment#ACCESS_RESOLUTION} later.
     */
    public boolean needsVisitRecorded(long activityId, boolean visitedBefore, Instant now) {
      return !visitedBefore
          || lastActivityId == null
          || lastActivityId != activityId
          || lastAccessedAt == null
          || lastAccessedAt.plus(Enrolment.ACCESS_RESOLUTION).isBefore(now);
    }
  }

  /** The learner's enrolment for reading, or 404 for a course the learner does not take. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Summary summary(long userId, long courseId) {
    return em.createQuery(
            "SELECT e.id, e.dueDate, e.lastActivityId, e.lastAccessedAt FROM Enrolment e"
                + " WHERE e.user.id = :userId AND e.course.id = :courseId",
            Object[].class)
        .setParameter("userId", userId)
        .setParameter("courseId", courseId)
        .getResultStream()
        .findFirst()
        .map(r -> new Summary((Long) r[0], (LocalDate) r[1], (Long) r[2], (Instant) r[3]))
        .orElseThrow(() -> new NotFoundException("enrolment"));
  }

  /** The learner's enrolment, or 404 for a course the learner does not take. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Enrolment require(long userId, long courseId) {
    return find(userId, courseId).orElseThrow(() -> new NotFoundException("enrolment"));
  }
}
