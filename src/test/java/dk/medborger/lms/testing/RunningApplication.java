package dk.medborger.lms.testing;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real deliverable under test: {@code target/medborger-lms.jar} started as an operator starts
 * it (embedded MariaDB, demo data, its own data folder), once for all browser and access tests of a
 * test run. {@link #restart()} stops and starts it on the same data folder.
 */
public final class RunningApplication implements BeforeAllCallback {

  /** The monitoring token the application under test is started with (MEDBORGER_METRICS_TOKEN). */
  public static final String METRICS_TOKEN = "test-monitoring-token";

  private static Process process;
  private static int port;
  private static Path dataDir;
  private static Duration lastStartUp;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (RunningApplication.class) {
      if (process == null) {
        Path work = Path.of(System.getProperty("medborger.test.workDir", "target/it"));
        dataDir = work.resolve("app-data");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        port = freePort();
        start();
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .put(
                "medborger-app",
                (ExtensionContext.Store.CloseableResource) RunningApplication::stop);
      }
    }
  }

  /** The folder of the application's files (embedded database, secrets). */
  public static Path dataDir() {
    return dataDir;
  }

  public static String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public static Duration lastStartUp() {
    return lastStartUp;
  }

  /** Stops the application (SIGTERM, as Ctrl-C would) and starts it again on the same data. */
  public static synchronized void restart() throws Exception {
    stop();
    start();
  }

  /**
   * Kills the launcher as {@code kill -9} would, leaving it no time to stop Payara or MariaDB, and
   * returns how long the application kept answering afterwards. {@link #restart()} starts it again.
   */
  public static synchronized Duration killLauncherHard() throws InterruptedException {
    process.destroyForcibly().waitFor();
    long killed = System.nanoTime();
    awaitPortClosed(TimeUnit.SECONDS.toNanos(120));
    return Duration.ofNanos(System.nanoTime() - killed);
  }

  /**
   * Kills the whole application at once as {@code kill -9} of its process group would: the
   * launcher, Payara and the embedded MariaDB, with no time to flush or stop anything. {@link
   * #restart()} starts it again, and the database recovers from its own log.
   */
  public static synchronized void killEverythingHard() throws InterruptedException {
    List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : all) {
      p.onExit().join();
    }
    awaitPortClosed(TimeUnit.SECONDS.toNanos(120));
  }

  /**
   * Waits until nothing accepts connections on the port any more. A slow answer is not an answer
   * that has gone: this checks the listening socket, not an HTTP status.
   */
  private static void awaitPortClosed(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (portOpen() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private static boolean portOpen() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  private static void start() throws Exception {
    // A Payara of the previous run that has not finished stopping would answer in place of ours.
    awaitPortClosed(TimeUnit.SECONDS.toNanos(120));
    if (portOpen()) {
      throw new IllegalStateException("Port " + port + " is still in use; cannot start");
    }
    long started = System.nanoTime();
    process = launch(dataDir, port, Map.of());
    lastStartUp = Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * Starts the jar on {@code dataDir} and {@code port} with these settings on top of the test's
   * own, and returns once its login page answers.
   */
  private static Process launch(Path dataDir, int port, Map<String, String> settings)
      throws Exception {
    String jar = System.getProperty("medborger.test.runnableJar", "target/medborger-lms.jar");
    Path log = dataDir.getParent().resolve("app-" + System.currentTimeMillis() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    new File(jar).getAbsolutePath()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("MEDBORGER_DATA_DIR", dataDir.toString());
    builder.environment().put("MEDBORGER_PORT", String.valueOf(port));
    builder.environment().remove("MEDBORGER_DB_URL");
    builder.environment().put("MEDBORGER_METRICS_TOKEN", METRICS_TOKEN);
    builder.environment().putAll(settings);
    long startedAt = System.nanoTime();
    Process started = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!started.isAlive()) {
        throw new IllegalStateException("The application stopped; see " + log);
      }
      if (status("http://127.0.0.1:" + port, "/login.xhtml") == 200) {
        System.out.println(
            "Application started in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)
                + " ms; log "
                + log);
        return started;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The application did not start in 240 s; see " + log);
  }

  /**
   * A second application beside the shared one, with settings of its own (a one-minute session), on
   * its own data folder and port; close it when done. It costs a start-up (~20 s): use it only for
   * what the shared application's settings cannot show.
   *
   * <pre>
   * try (var shortSessions = RunningApplication.startSeparately("short-sessions",
   *     Map.of("MEDBORGER_SESSION_TIMEOUT_MINUTES", "1"))) { … shortSessions.baseUrl() … }
   * </pre>
   */
  public static Separate startSeparately(String name, Map<String, String> settings)
      throws Exception {
    Path work = Path.of(System.getProperty("medborger.test.workDir", "target/it"));
    Path data = work.resolve(name + "-data");
    deleteRecursively(data);
    Files.createDirectories(data);
    int port = freePort();
    return new Separate(launch(data, port, settings), port);
  }

  /** An application of {@link #startSeparately}. */
  public static final class Separate implements AutoCloseable {
    private final Process process;
    private final int port;

    private Separate(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    public String baseUrl() {
      return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int status(String base, String path) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(5000);
      c.setInstanceFollowRedirects(false);
      return c.getResponseCode();
    } catch (IOException notYet) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
