package dk.medborger.lms.platform;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many HTTP sessions are open, against the cap {@code MEDBORGER_MAX_SESSIONS} (default 2,000):
 * only a login opens a session, and it refuses to beyond the cap, so that sessions can never fill
 * the heap.
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

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    OPEN.incrementAndGet();
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    OPEN.decrementAndGet();
  }
}
