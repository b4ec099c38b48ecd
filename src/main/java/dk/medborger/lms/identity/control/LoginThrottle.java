package dk.medborger.lms.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Failed logins, counted per user name and per client address: after {@value #FREE_PER_USER}
 * failures for one user name (or {@value #FREE_PER_ADDRESS} from one address) each further failure
 * locks logins for that name (or address) for a time that doubles, from 30 s up to 15 minutes.
 * Counts are forgotten 30 minutes after the last failure and when the user logs in.
 *
 * <pre>
 * long wait = throttle.lockedFor(username, address); // seconds; 0 = may try
 * </pre>
 */
@ApplicationScoped
public class LoginThrottle {

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  static final int FREE_PER_USER = 5;
  static final int FREE_PER_ADDRESS = 30;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofMinutes(30);

  /** Enough for every real user and address; a flood of made-up names cannot grow it further. */
  static final int MOST_KEPT = 50_000;

  @Inject Clock clock;

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(int count, Instant last, Instant lockedUntil) {}

  /** Seconds until this user name may try again from this address; 0 when it may now. */
  public long lockedFor(String username, String address) {
    Instant now = clock.instant();
    return Math.max(wait(user(username), now), wait(address(address), now));
  }

  /**
   * Counts a failed login; returns the seconds the user name (or the address) is now locked for, 0
   * when it is not.
   */
  public long failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MOST_KEPT) {
      forgetOld(now);
    }
    long user = count(user(username), FREE_PER_USER, now);
    long byAddress = count(address(address), FREE_PER_ADDRESS, now);
    if (user > 0) {
      LOG.warning(() -> "logins for user name '" + username + "' locked for " + user + " s");
    }
    if (byAddress > 0) {
      LOG.warning(() -> "logins from " + address + " locked for " + byAddress + " s");
    }
    return Math.max(user, byAddress);
  }

  public void succeeded(String username) {
    failures.remove(user(username));
  }

  private long count(String key, int free, Instant now) {
    Failures updated =
        failures.compute(
            key,
            (k, f) -> {
              int count =
                  f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
              Instant until = count <= free ? null : now.plus(lock(count - free));
              return new Failures(count, now, until);
            });
    return wait(updated, now);
  }

  static Duration lock(int beyond) {
    Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(beyond - 1, 10));
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
  }

  private long wait(String key, Instant now) {
    return wait(failures.get(key), now);
  }

  private static long wait(Failures f, Instant now) {
    if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
      return 0;
    }
    return Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds());
  }

  private void forgetOld(Instant now) {
    failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
    if (failures.size() >= MOST_KEPT) {
      // Still full after forgetting old ones: a flood of made-up names. Start over rather than
      // grow; the locks of real names come back after a few failures.
      failures.clear();
    }
  }

  private static String user(String username) {
    return "user:" + username;
  }

  private static String address(String address) {
    return "address:" + address;
  }
}
