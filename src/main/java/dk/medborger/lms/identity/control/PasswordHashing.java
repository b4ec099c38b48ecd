package dk.medborger.lms.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.metrics.annotation.Counted;

/**
 * Passwords: PBKDF2 with HMAC-SHA512, 210,000 iterations (OWASP 2023), a 32-byte salt. {@link
 * #hash} makes the stored form; {@link #verify} checks a login against it, at most {@value
 * #AT_ONCE} at a time (ADR 19).
 *
 * <pre>
 * boolean right = passwords.verify(typed, user == null ? null : user.getPasswordHash());
 * </pre>
 */
@ApplicationScoped
public class PasswordHashing {

  /**
   * Password checks running at once. One costs ~0.3 s of a core: with two, a flood of logins leaves
   * the HTTP threads and the other core to everyone else; a check beyond them is refused at once
   * ({@code BulkheadException}), and the login page says "try again in a moment".
   */
  static final int AT_ONCE = 2;

  private static final Map<String, String> PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Iterations", "210000",
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "64");

  @Inject Pbkdf2PasswordHash hash;

  private final java.util.concurrent.atomic.AtomicInteger running =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A hash of a random password, checked in place of the missing one of an unknown user. */
  private volatile String standIn;

  public String hash(char[] password) {
    synchronized (this) {
      hash.initialize(PARAMETERS);
      return hash.generate(password);
    }
  }

  /**
   * Whether {@code password} matches {@code stored}; for an unknown user ({@code stored} null) it
   * does the same work against a stand-in and says no, so that the time taken does not tell whether
   * a user name exists.
   */
  @Bulkhead(AT_ONCE)
  @Counted(name = "medborger_password_checks", absolute = true)
  public boolean verify(char[] password, String stored) {
    running.incrementAndGet();
    try {
      boolean known = stored != null;
      boolean matches = hash.verify(password, known ? stored : standIn());
      return known && matches;
    } finally {
      running.decrementAndGet();
    }
  }

  /**
   * Whether every check is in use right now, so that another login would be refused: lets a flood
   * of logins be answered before any page is built (LoginFloodGuard).
   */
  public boolean allBusy() {
    return running.get() >= AT_ONCE;
  }

  private String standIn() {
    String s = standIn;
    if (s == null) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      s = hash(HexFormat.of().formatHex(random).toCharArray());
      standIn = s;
    }
    return s;
  }
}
