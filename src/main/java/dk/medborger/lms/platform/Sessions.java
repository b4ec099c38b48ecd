package dk.medborger.lms.platform;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many HTTP sessions are open, against the cap {@code MEDBORGER_MAX_SESSIONS} (default 2,000):
 * only a login opens a session, and it refuses to beyond the cap, so that sessions can never fill
 * the heap. Also how long a session lasts ({@code MEDBORGER_SESSION_TIMEOUT_MINUTES}) and when its
 * page warns that it will end.
 */
@WebListener
public class Sessions implements HttpSessionListener {

  private static final AtomicInteger OPEN = new AtomicInteger();

  public static int open() {
    return OPEN.get();
  }

  /** Whether a new session would go beyond the cap. */
  public static boolean full() {
    return OPEN.get() >= max();
  }

  static int max() {
    return ConfigProvider.getConfig()
        .getOptionalValue("medborger.max-sessions", Integer.class)
        .orElse(2000);
  }

  /**
   * How long a signed-in session lasts without a request, in seconds: {@code
   * MEDBORGER_SESSION_TIMEOUT_MINUTES} (default 30), read at each login, so that it applies to the
   * sessions opened after it is set.
   */
  public static int timeoutSeconds() {
    int minutes =
        ConfigProvider.getConfig()
            .getOptionalValue("medborger.session-timeout-minutes", Integer.class)
            .orElse(30);
    return 60 * Math.max(1, minutes);
  }

  /**
   * How long before a session ends its page warns (WCAG 2.2.1): two minutes, or half the session
   * when it is shorter than four.
   */
  public static int warningSeconds(int sessionSeconds) {
    return Math.min(120, sessionSeconds / 2);
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    OPEN.incrementAndGet();
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    OPEN.decrementAndGet();
  }
}
