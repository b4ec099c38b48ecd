package dk.medborger.lms.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls as nearly at once as threads allow: each on its own plain thread, all released by one
 * barrier. Plain threads, like the HTTP workers of separate requests; inside Payara a managed
 * thread would share the test's invocation, and the first to end would close the entity manager of
 * the others.
 */
public final class AtOnce {

  /** One of the calls; {@code index} tells them apart. */
  @FunctionalInterface
  public interface Call<T> {
    T call(int index) throws Exception;
  }

  private AtOnce() {}

  /**
   * The results of {@code calls} calls of {@code call}, in order; if any failed, an assertion error
   * that names every failure.
   */
  public static <T> List<T> run(int calls, Call<T> call) throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(calls);
    List<FutureTask<T>> running = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      int index = i;
      FutureTask<T> task =
          new FutureTask<>(
              () -> {
                start.await(60, TimeUnit.SECONDS);
                return call.call(index);
              });
      running.add(task);
      new Thread(task, "at-once-" + i).start();
    }
    List<T> results = new ArrayList<>();
    AssertionError failed = null;
    for (FutureTask<T> each : running) {
      try {
        results.add(each.get(5, TimeUnit.MINUTES));
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (failed == null) {
          failed = new AssertionError("calls made at once failed");
        }
        failed.addSuppressed(cause);
      }
    }
    if (failed != null) {
      throw failed;
    }
    return results;
  }
}
