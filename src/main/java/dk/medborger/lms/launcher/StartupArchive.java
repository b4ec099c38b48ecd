package dk.medborger.lms.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive (AppCDS) of the ~17,000 classes Payara Micro loads while it starts
 * and deploys the application: the JVM maps them already parsed and verified instead of loading
 * them from jars, which takes about 6 s off a 17 s start on this project's machines
 * (docs/benchmarks.md, ADR 8).
 *
 * <p>Three sources, best first:
 *
 * <ol>
 *   <li>an archive built on this machine by an earlier start (<em>local</em>);
 *   <li>the archive the build made from {@code src/main/cds/payara.classlist} and shipped in the
 *       jar (<em>shipped</em>), if this is the Java the build ran on — so even the first start uses
 *       one;
 *   <li>none: Payara records which classes it loads, and once the application answers, {@link
 *       #createInBackground} builds the local archive in a JVM of its own (~25 s of one core).
 * </ol>
 *
 * <p>An archive names its jars relative to the folder the build unpacked ({@code payara/…}), and
 * the JVM checks their sizes and modification times: Payara therefore runs in that folder, and the
 * build and {@link RuntimeFiles} give every file of Payara the same fixed time ({@link #JAR_TIME}).
 * An archive the JVM cannot use only costs time, never a start.
 */
final class StartupArchive {

  static final String FOLDER = "cds";

  /** The modification time of every file in Payara's folder, at build time and once unpacked. */
  static final FileTime JAR_TIME = FileTime.fromMillis(946_684_800_000L); // 2000-01-01T00:00Z

  private static final String SHIPPED = "shipped.jsa";
  private static final String SHIPPED_JAVA = "shipped.properties";

  private final Path java;
  private final Path workingDir;
  private final Path dir;
  private final Path local;
  private final Path classList;
  private final String javaVersion;
  private volatile Process dump;

  /**
   * @param workingDir the folder that holds Payara's root folder {@code payara/}; Payara runs in it
   */
  StartupArchive(Path java, Path workingDir) {
    this.java = java;
    this.workingDir = workingDir;
    this.dir = workingDir.resolve(PayaraHome.FOLDER).resolve(FOLDER);
    this.javaVersion = System.getProperty("java.vm.version");
    String version = javaVersion.replaceAll("[^A-Za-z0-9.+-]", "_");
    this.local = dir.resolve("local-java-" + version + ".jsa");
    this.classList = dir.resolve("local-java-" + version + ".classlist");
  }

  /** Whether a start with {@link #jvmOptions()} maps an archive, local or shipped. */
  boolean exists() {
    return Files.isRegularFile(local) || shippedFits();
  }

  /** The JVM options for Payara: use an archive, or record the class list to build one. */
  List<String> jvmOptions() throws IOException {
    if (Files.isRegularFile(local)) {
      return List.of("-XX:SharedArchiveFile=" + local);
    }
    if (shippedFits()) {
      return List.of("-XX:SharedArchiveFile=" + dir.resolve(SHIPPED));
    }
    Files.createDirectories(dir);
    return List.of("-XX:DumpLoadedClassList=" + classList);
  }

  private boolean shippedFits() {
    Properties built = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve(SHIPPED_JAVA))) {
      built.load(in);
    } catch (IOException missing) {
      return false;
    }
    return javaVersion.equals(built.getProperty("java.vm.version"))
        && System.getProperty("java.vm.vendor").equals(built.getProperty("java.vm.vendor"))
        && Files.isRegularFile(dir.resolve(SHIPPED));
  }

  /**
   * Builds the local archive from the classes recorded so far, in a JVM of its own at low priority,
   * so the running application is disturbed as little as possible. Returns at once.
   */
  void createInBackground() {
    Thread worker = new Thread(this::createLocal, "medborger-startup-archive");
    worker.setDaemon(true);
    worker.start();
  }

  /** Stops an archive build still running (the application is stopping). */
  void cancel() {
    Process running = dump;
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
    }
  }

  private void createLocal() {
    Path list = dir.resolve("recorded.classlist");
    Path log = dir.resolve("local-build.log");
    try {
      // Payara is still appending to the class list: use the complete lines written so far.
      String recorded = Files.readString(classList, StandardCharsets.UTF_8);
      Files.writeString(
          list, recorded.substring(0, recorded.lastIndexOf('\n') + 1), StandardCharsets.UTF_8);
      List<String> nice =
          Files.isExecutable(Path.of("/usr/bin/nice"))
              ? List.of("/usr/bin/nice", "-n", "10")
              : List.of();
      if (dump(nice, java, workingDir, list, local, log, started -> dump = started)) {
        Files.deleteIfExists(list);
        Files.deleteIfExists(classList);
        Launcher.log("start-up archive ready: the next start will be faster");
      } else {
        Launcher.log("could not build the start-up archive; see " + log);
      }
    } catch (IOException e) {
      Launcher.log("could not build the start-up archive: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code java -Xshare:dump} in {@code workingDir} and waits for it, writing the archive to a
   * temporary file first and moving it to {@code archive} only when complete.
   */
  private static boolean dump(
      List<String> prefix,
      Path java,
      Path workingDir,
      Path list,
      Path archive,
      Path log,
      Consumer<Process> started)
      throws IOException, InterruptedException {
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            java.toString(),
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + list,
            "-XX:SharedArchiveFile=" + partial,
            "-cp",
            PayaraHome.LAUNCHER_JAR));
    Process process =
        new ProcessBuilder(command)
            .directory(workingDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.accept(process);
    boolean complete = process.waitFor() == 0 && Files.isRegularFile(partial);
    if (complete) {
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.deleteIfExists(partial);
    }
    return complete;
  }

  /** Gives every file below {@code dir} the fixed modification time archives expect. */
  static void fixTimes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Files.setLastModifiedTime(file, JAR_TIME);
      }
    }
  }

  /**
   * Build step ({@code exec-maven-plugin}, package phase): makes the shipped archive for the Java
   * that runs the build.
   *
   * <pre>
   * java -cp target/classes dk.medborger.lms.launcher.StartupArchive target/launcher-lib \
   *     src/main/cds/payara.classlist
   * </pre>
   */
  public static void main(String[] args) throws Exception {
    Path workingDir = Path.of(args[0]).toAbsolutePath();
    Path list = Path.of(args[1]).toAbsolutePath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    fixTimes(workingDir.resolve(PayaraHome.FOLDER));
    Path dir = Files.createDirectories(workingDir.resolve(PayaraHome.FOLDER).resolve(FOLDER));
    Path log = workingDir.resolve("shipped-archive.log");
    if (!dump(List.of(), java, workingDir, list, dir.resolve(SHIPPED), log, started -> {})) {
      throw new IllegalStateException("java -Xshare:dump failed; see " + log);
    }
    Properties built = new Properties();
    built.setProperty("java.vm.version", System.getProperty("java.vm.version"));
    built.setProperty("java.vm.vendor", System.getProperty("java.vm.vendor"));
    try (OutputStream out = Files.newOutputStream(dir.resolve(SHIPPED_JAVA))) {
      built.store(out, "the Java the shipped start-up archive was made for");
    }
  }
}
