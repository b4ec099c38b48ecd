package dk.medborger.lms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The application's time: injected everywhere, so that deadlines are testable. */
@ApplicationScoped
public class Clocks {

  /** Danish time for due dates and "today". */
  public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.system(DANISH_TIME);
  }
}
