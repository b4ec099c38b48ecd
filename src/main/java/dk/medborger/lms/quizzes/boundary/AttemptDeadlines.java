package dk.medborger.lms.quizzes.boundary;

import dk.medborger.lms.quizzes.control.AttemptRecords;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands in, as the server, every attempt whose time ran out while its learner was away (a closed
 * browser, a lost connection): every ten seconds, each attempt in a transaction of its own, so that
 * the learner finds it graded on return and one failure does not hold up the others.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttemptDeadlines {

  private static final Logger LOG = Logger.getLogger(AttemptDeadlines.class.getName());

  @Inject AttemptRecords records;

  @Inject QuizTaking taking;

  @Inject Clock clock;

  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void everyTenSeconds() {
    finaliseExpired();
  }

  /** Hands in every expired attempt now; returns how many. */
  public int finaliseExpired() {
    int done = 0;
    for (long id : records.expired(clock.instant(), taking.grace())) {
      try {
        records.finaliseExpired(id, clock.instant());
        done++;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "Attempt " + id + " could not be handed in; next round tries again", e);
      }
    }
    return done;
  }
}
