package dk.medborger.lms.progress.control;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.progress.control.ProgressRules.CourseProgress;
import dk.medborger.lms.progress.entity.ActivityProgress;
import dk.medborger.lms.progress.entity.ActivityState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Every write of a learner's progress: an activity opened or completed, and with it the enrolment's
 * place to resume and its outcome (percent, completion). Each method runs in a transaction of its
 * own, or in the caller's; reading a page needs none.
 */
@ApplicationScoped
@Transactional
public class ProgressRecords {

  @PersistenceContext EntityManager em;

  /**
   * Records that the learner opened {@code activityId}; {@code states} (the learner's states as
   * just read) is updated with it.
   */
  public CourseProgress opened(
      long enrolmentId,
      CourseOutline outline,
      Map<Long, ActivityState> states,
      long activityId,
      Instant now) {
    Enrolment enrolment = em.find(Enrolment.class, enrolmentId);
    findOrStart(enrolment, activityId, now).opened(now);
    states.putIfAbsent(activityId, ActivityState.IN_PROGRESS);
    enrolment.opened(activityId, now);
    return outcome(enrolment, outline, states, activityId, now);
  }

  /** Records that the learner completed {@code activityId} (idempotent). */
  public CourseProgress completed(
      Enrolment enrolment,
      CourseOutline outline,
      Map<Long, ActivityState> states,
      long activityId,
      Instant now) {
    findOrStart(enrolment, activityId, now).complete(now);
    states.put(activityId, ActivityState.COMPLETED);
    return outcome(enrolment, outline, states, enrolment.getLastActivityId(), now);
  }

  private CourseProgress outcome(
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
}
