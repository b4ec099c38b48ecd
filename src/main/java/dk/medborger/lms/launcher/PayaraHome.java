package dk.medborger.lms.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Payara Micro as a root folder of its own, with the launcher jar Payara makes for such a folder:
 * the build runs {@code payara-micro.jar --rootdir … --outputlauncher}, and {@link RuntimeFiles}
 * unpacks the result once per build. Its runtime jars then load from plain files at a fixed place,
 * which is what makes a class-data-sharing archive of them possible ({@link StartupArchive}), and
 * Payara no longer unpacks itself at every start.
 *
 * <p>Payara remembers deployed applications in the root folder and would deploy the WAR twice on
 * the next start, so {@link #reset()} puts the configuration back to the state Payara unpacked
 * before every start.
 */
final class PayaraHome {

  /** Payara's root folder, inside the unpacked build. */
  static final String FOLDER = "payara";

  private static final String LAUNCHER = "launch-micro.jar";

  /** Payara's jar for its root folder, as seen from the unpacked build's folder. */
  static final String LAUNCHER_JAR = FOLDER + "/" + LAUNCHER;

  private static final String RUNTIME = "runtime";
  private static final String COMPLETE = ".complete";

  private final Path root;
  private final Path pristine;

  private PayaraHome(Path root, Path pristine) {
    this.root = root;
    this.pristine = pristine;
  }

  /** The Payara root folder of an unpacked build, with a pristine copy of its configuration. */
  static PayaraHome of(RuntimeFiles runtime) throws IOException {
    Path root = runtime.dir().resolve(FOLDER);
    Path pristine = runtime.dir().resolve("payara-pristine");
    if (!Files.isRegularFile(root.resolve(LAUNCHER))) {
      throw new IOException("Payara Micro is missing from " + root + "; rebuild the jar");
    }
    if (!Files.exists(pristine.resolve(COMPLETE))) {
      RuntimeFiles.deleteTree(pristine);
      Files.createDirectories(pristine);
      for (Path entry : configuration(root)) {
        copyTree(entry, pristine.resolve(entry.getFileName().toString()));
      }
      Files.createFile(pristine.resolve(COMPLETE));
    }
    return new PayaraHome(root, pristine);
  }

  /** Removes what the last start left behind and restores Payara's unpacked configuration. */
  void reset() throws IOException {
    for (Path entry : configuration(root)) {
      RuntimeFiles.deleteTree(entry);
    }
    for (Path entry : configuration(pristine)) {
      if (!entry.getFileName().toString().equals(COMPLETE)) {
        copyTree(entry, root.resolve(entry.getFileName().toString()));
      }
    }
  }

  /** Everything in the folder but the runtime jars, their launcher and files kept beside them. */
  private static List<Path> configuration(Path dir) throws IOException {
    Set<String> kept = Set.of(RUNTIME, LAUNCHER, StartupArchive.FOLDER);
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> !kept.contains(p.getFileName().toString())).toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
