package dk.medborger.lms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Alive and ready only while the heap has room: DOWN (so {@code /health/live} and {@code
 * /health/ready} answer 503 and a supervisor restarts the process) once an {@link OutOfMemoryError}
 * was seen, or when the heap's oldest pool is more than 95 % full right after a garbage collection,
 * the point where the JVM spends its time collecting instead of serving.
 */
@Liveness
@Readiness
@ApplicationScoped
public class MemoryHealth implements HealthCheck {

  static final double FULL_AFTER_GC = 0.95;

  private static final AtomicBoolean OUT_OF_MEMORY = new AtomicBoolean();

  /** Called where an {@link OutOfMemoryError} passes (RequestGuard): the process is unhealthy. */
  public static void outOfMemory() {
    OUT_OF_MEMORY.set(true);
  }

  @Override
  public HealthCheckResponse call() {
    return check();
  }

  static HealthCheckResponse check() {
    double fullest = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      // The old generation only: young pools are full after a collection by design.
      boolean old = pool.getName().contains("Old") || pool.getName().contains("Tenured");
      MemoryUsage afterGc =
          pool.getType() == MemoryType.HEAP && old ? pool.getCollectionUsage() : null;
      if (afterGc != null && afterGc.getMax() > 0) {
        fullest = Math.max(fullest, (double) afterGc.getUsed() / afterGc.getMax());
      }
    }
    boolean up = !OUT_OF_MEMORY.get() && fullest < FULL_AFTER_GC;
    return HealthCheckResponse.named("memory")
        .status(up)
        .withData("heapFullAfterGcPercent", Math.round(fullest * 100))
        .withData("outOfMemoryError", OUT_OF_MEMORY.get())
        .build();
  }
}
