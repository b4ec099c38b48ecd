package dk.medborger.lms.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's recurring jobs (the instructors' digest, the monthly reports): each runs with a
 * fixed pause between runs, one run at a time, and a failed run is logged and tried again at the
 * next. Jobs must be safe to run again (the outbox's keys make their mails go once). {@code
 * MEDBORGER_JOBS_ENABLED=false} turns them all off (the tests call them directly).
 *
 * <pre>
 * void start(&#64;Observes &#64;Initialized(ApplicationScoped.class) Object ready) {
 *   jobs.every(Duration.ofMinutes(15), "instructors' digest", self::queueDue);
 * }
 * </pre>
 */
@ApplicationScoped
public class ScheduledJobs {

  private static final Logger LOG = Logger.getLogger(ScheduledJobs.class.getName());

  @Inject
  @ConfigProperty(name = "medborger.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @Resource ManagedScheduledExecutorService scheduler;

  /** Runs {@code job} a minute from now and then with {@code pause} between runs. */
  public void every(Duration pause, String name, Runnable job) {
    if (!enabled) {
      LOG.info(() -> "scheduled jobs are off: " + name + " does not run");
      return;
    }
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            job.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " failed; it runs again after the pause", e);
          }
        },
        60,
        pause.toSeconds(),
        TimeUnit.SECONDS);
  }
}
