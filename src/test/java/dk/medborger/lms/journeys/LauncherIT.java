package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.RunningApplication;
import dk.medborger.lms.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  @Test
  void killingTheEmbeddedDatabaseGivesQuick503sUntilTheLauncherHasStartedItAgain()
      throws Exception {
    Path data = RunningApplication.dataDir();
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    for (String secret : List.of("init.sql", "embedded-db.secret")) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(secret))),
          secret);
    }
    WebClient learner = new WebClient();
    learner.login("learner", "medborger");
    long pid = Long.parseLong(Files.readString(data.resolve("mariadbd.pid")).trim());
    ProcessHandle mariadbd = ProcessHandle.of(pid).orElseThrow();
    mariadbd.destroyForcibly();
    mariadbd.onExit().join();

    // Down: a correct login says the service is unavailable, not "wrong password".
    HttpResponse<String> login = new WebClient().login("anna.jensen", "medborger");
    assertEquals(503, login.statusCode(), login.body());
    assertTrue(login.body().contains("kan ikke logge dig ind lige nu"), login.body());

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int unavailable = 0;
    while (true) {
      long started = System.nanoTime();
      HttpResponse<String> page = learner.get("/learner/dashboard.xhtml");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (page.statusCode() == 200) {
        break;
      }
      assertEquals(503, page.statusCode(), page.body());
      assertTrue(page.body().contains("ikke tilgængelig lige nu"), page.body());
      assertTrue(millis < 3000, "a 503 in " + millis + " ms");
      unavailable++;
      assertTrue(System.nanoTime() < deadline, "the database did not come back in 120 s");
      Thread.sleep(200);
    }
    System.out.println(unavailable + " quick 503s before the database was back");
    long again = Long.parseLong(Files.readString(data.resolve("mariadbd.pid")).trim());
    assertTrue(again != pid, "a new mariadbd");
    assertEquals(302, new WebClient().login("anna.jensen", "medborger").statusCode());
  }
}
