package dk.medborger.lms.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock in tests that need time to pass (deadlines, time limits): the system's
 * time plus an offset a test moves forward, {@code MovableClock.advance(Duration.ofMinutes(2))}.
 * Added to a deployment, it replaces the production clock there: a producer of an alternative bean
 * class with a priority is selected for the whole application.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MovableClock {

  private static volatile Duration offset = Duration.ZERO;

  public static void advance(Duration by) {
    offset = offset.plus(by);
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return new Offset(ZoneId.of("Europe/Copenhagen"));
  }

  private static final class Offset extends Clock {
    private final ZoneId zone;

    Offset(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new Offset(other);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }
}
