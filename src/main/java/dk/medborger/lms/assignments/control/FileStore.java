package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Submitted files on disk, in the files folder ({@code MEDBORGER_FILES_DIR}, by default {@code
 * files/} in the data folder). An upload is first written to a temporary name in {@code incoming/}
 * while its size is counted and its SHA-256 computed; only a file that passed every check is moved
 * into place, atomically, under a name the server chose ({@code 2026/12/<uuid>}). Whatever was
 * refused or failed is deleted: nothing is left half-stored.
 *
 * <pre>
 * FileStore.Received r = store.receive(in, maxBytes);   // refused: TOO_LARGE, EMPTY
 * String path = store.moveIntoPlace(r.temp());
 * </pre>
 */
@ApplicationScoped
public class FileStore {

  private static final Logger LOG = Logger.getLogger(FileStore.class.getName());

  @Inject
  @ConfigProperty(name = "medborger.files.dir")
  Optional<String> filesDir;

  @Inject
  @ConfigProperty(name = "medborger.data.dir")
  Optional<String> dataDir;

  private Path root;

  /** A file received in full, still under its temporary name. */
  public record Received(Path temp, long size, String sha256) {}

  @PostConstruct
  void open() {
    root =
        filesDir
            .map(Path::of)
            .or(() -> dataDir.map(d -> Path.of(d, "files")))
            .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "medborger-files"))
            .toAbsolutePath()
            .normalize();
    try {
      Files.createDirectories(root.resolve("incoming"));
    } catch (IOException e) {
      throw new UncheckedIOException("The files folder " + root + " cannot be made", e);
    }
  }

  public Path root() {
    return root;
  }

  /** Writes {@code in} to a temporary file; refused (and deleted) when empty or too large. */
  public Received receive(InputStream in, long maxBytes) {
    Path temp = root.resolve("incoming").resolve(UUID.randomUUID() + ".part");
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        size += n;
        if (size > maxBytes) {
          throw new AssignmentRefused(Reason.TOO_LARGE);
        }
        out.write(buffer, 0, n);
      }
    } catch (AssignmentRefused refused) {
      discard(temp);
      throw refused;
    } catch (IOException e) {
      discard(temp);
      LOG.log(Level.WARNING, "An upload failed while it was written", e);
      throw new AssignmentRefused(Reason.UPLOAD_FAILED);
    }
    if (size == 0) {
      discard(temp);
      throw new AssignmentRefused(Reason.EMPTY);
    }
    return new Received(temp, size, HexFormat.of().formatHex(sha.digest()));
  }

  /** Moves a received file into place under a new name; returns its path in the files folder. */
  public String moveIntoPlace(Path temp) {
    LocalDate today = LocalDate.now();
    String relative =
        String.format("%d/%02d/%s", today.getYear(), today.getMonthValue(), UUID.randomUUID());
    Path target = root.resolve(relative);
    try {
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      discard(temp);
      LOG.log(Level.WARNING, "An upload could not be moved into place", e);
      throw new AssignmentRefused(Reason.UPLOAD_FAILED);
    }
    return relative;
  }

  /**
   * A new name for a temporary file in {@code incoming/} (an anonymous copy on its way out, ADR
   * 16); whoever makes it deletes it, and the orphan sweep removes one left behind.
   */
  public Path temporary() {
    return root.resolve("incoming").resolve(UUID.randomUUID() + ".part");
  }

  /** The file at {@code relative} in the files folder; never a path outside it. */
  public Path path(String relative) {
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root) || path.startsWith(root.resolve("incoming"))) {
      throw new IllegalArgumentException("Not a stored file: " + relative);
    }
    return path;
  }

  public void delete(String relative) {
    discard(path(relative));
  }

  public void discard(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete " + file, e);
    }
  }

  /** Files waiting under a temporary name (a test checks that none are left behind). */
  public long incoming() {
    try (var files = Files.list(root.resolve("incoming"))) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
