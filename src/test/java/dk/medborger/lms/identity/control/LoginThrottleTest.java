package dk.medborger.lms.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private Instant now = Instant.parse("2026-12-02T08:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle();

  @BeforeEach
  void clock() {
    throttle.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
  }

  @Test
  void fiveFailuresAreFreeAndEachFurtherOneLocksTheNameTwiceAsLong() {
    for (int i = 0; i < 5; i++) {
      assertEquals(0, throttle.failed("anna", "10.0.0.1"));
    }
    assertEquals(0, throttle.lockedFor("anna", "10.0.0.1"));
    assertEquals(30, throttle.failed("anna", "10.0.0.1"));
    assertEquals(30, throttle.lockedFor("anna", "10.0.0.2"), "the name, from any address");
    now = now.plusSeconds(31);
    assertEquals(0, throttle.lockedFor("anna", "10.0.0.1"));
    assertEquals(60, throttle.failed("anna", "10.0.0.1"));
    assertEquals(0, throttle.lockedFor("bo", "10.0.0.1"), "other names from the address may try");
  }

  @Test
  void locksGrowToFifteenMinutesAtMost() {
    assertEquals(Duration.ofSeconds(30), LoginThrottle.lock(1));
    assertEquals(Duration.ofSeconds(120), LoginThrottle.lock(3));
    assertEquals(Duration.ofMinutes(15), LoginThrottle.lock(40));
  }

  @Test
  void aSuccessfulLoginForgetsTheNamesFailures() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    throttle.succeeded("anna");
    assertEquals(0, throttle.failed("anna", "10.0.0.1"));
  }

  @Test
  void thirtyFailuresFromOneAddressLockTheAddressForEveryName() {
    for (int i = 0; i < 30; i++) {
      assertEquals(0, throttle.failed("name" + i, "10.0.0.9"));
    }
    assertEquals(30, throttle.failed("another", "10.0.0.9"));
    assertTrue(throttle.lockedFor("fresh", "10.0.0.9") > 0);
    assertEquals(0, throttle.lockedFor("fresh", "10.0.0.8"));
  }

  @Test
  void failuresAreForgottenHalfAnHourAfterTheLast() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("anna", "10.0.0.1");
    }
    now = now.plus(Duration.ofMinutes(31));
    assertEquals(0, throttle.failed("anna", "10.0.0.1"), "counting starts again");
  }
}
