package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.RunningApplication;
import dk.medborger.lms.testing.WebClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator relies on when the launcher of the runnable jar dies. */
@ExtendWith(RunningApplication.class)
class LauncherIT {

  @Test
  void killingTheLauncherHardStopsPayaraAndTheNextStartRecoversTheEmbeddedDatabase()
      throws Exception {
    // The agent looks every half second and Payara then shuts down; a minute allows for a busy
    // machine (this is a behaviour, not a speed goal: an orphan used to run on for ever).
    Duration answeredAfterKill = RunningApplication.killLauncherHard();
    System.out.println("Payara stopped " + answeredAfterKill.toMillis() + " ms after the kill");
    assertTrue(
        answeredAfterKill.toSeconds() < 60,
        "Payara kept answering " + answeredAfterKill.toMillis() + " ms after its launcher died");

    // The orphaned mariadbd still locks the data files; the next start must stop it and go on.
    RunningApplication.restart();
    WebClient learner = new WebClient();
    learner.login("learner", "medborger");
    assertEquals(200, learner.get("/learner/dashboard.xhtml").statusCode());
  }
}
