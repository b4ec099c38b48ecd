package dk.medborger.lms.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The record of failed logins ({@code login_failure}, V7): who tried which user name from where and
 * when, and whether it locked the name, for the administrator to look into.
 */
@ApplicationScoped
public class LoginFailures {

  private static final Logger LOG = Logger.getLogger(LoginFailures.class.getName());

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String username, String address, boolean knownUser, long lockedSeconds) {
    LOG.info(
        () ->
            "failed login for "
                + (knownUser ? "user" : "unknown user name")
                + " '"
                + username
                + "' from "
                + address
                + (lockedSeconds > 0 ? ", locked for " + lockedSeconds + " s" : ""));
    em.createNativeQuery(
            "INSERT INTO login_failure (username, client_address, known_user, locked_seconds,"
                + " failed_at) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, username.length() > 60 ? username.substring(0, 60) : username)
        .setParameter(2, address)
        .setParameter(3, knownUser)
        .setParameter(4, lockedSeconds)
        .setParameter(5, java.sql.Timestamp.from(clock.instant()))
        .executeUpdate();
  }
}
