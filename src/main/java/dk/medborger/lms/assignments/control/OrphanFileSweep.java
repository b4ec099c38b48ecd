package dk.medborger.lms.assignments.control;

import dk.medborger.lms.platform.ScheduledJobs;
import dk.medborger.lms.platform.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The daily sweep of the files folder (ADR 26, 16): deletes a stored file that no row references —
 * left by a crash between its move into place and the commit of its row — once it is older than
 * {@link #STORED_AGE}, so that no upload still on its way is touched; and a temporary file in
 * {@code incoming/} older than {@link #INCOMING_AGE} (an upload or an anonymous copy whose request
 * died). Only names the server makes are considered ({@code 2026/12/<uuid>}, {@code <uuid>.part});
 * each file removed is logged. Runs a minute after start and then daily ({@link ScheduledJobs}, off
 * with {@code MEDBORGER_JOBS_ENABLED=false}).
 *
 * <pre>
 * OrphanFileSweep.Swept swept = sweep.sweep(clock.instant());   // tests give the time
 * </pre>
 */
@ApplicationScoped
public class OrphanFileSweep {

  private static final Logger LOG = Logger.getLogger(OrphanFileSweep.class.getName());

  /** How old an unreferenced stored file must be before it goes: far past any transaction. */
  public static final Duration STORED_AGE = Duration.ofHours(24);

  /** How old a temporary file must be before it goes: far past any upload or download. */
  public static final Duration INCOMING_AGE = Duration.ofHours(1);

  /** The references looked up per query. */
  static final int CHUNK = 500;

  private static final Pattern STORED =
      Pattern.compile("\\d{4}/\\d{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final Pattern INCOMING =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.part");

  @PersistenceContext EntityManager em;

  @Inject FileStore files;

  @Inject Clock clock;

  @Inject ScheduledJobs jobs;

  @Inject OrphanFileSweep self;

  /** What one sweep removed, as paths in the files folder. */
  public record Swept(List<String> stored, List<String> incoming) {}

  void start(
      @Observes @Priority(StartupOrder.MAIL) @Initialized(ApplicationScoped.class) Object ready) {
    jobs.every(Duration.ofDays(1), "the orphan-file sweep", () -> self.sweep(clock.instant()));
  }

  /** Sweeps as of {@code now}: what is older than the ages then, and referenced by no row. */
  public Swept sweep(Instant now) {
    Path root = files.root();
    List<String> incoming = new ArrayList<>();
    try (Stream<Path> temporary = Files.list(root.resolve("incoming"))) {
      for (Path file : temporary.toList()) {
        if (INCOMING.matcher(file.getFileName().toString()).matches()
            && olderThan(file, now.minus(INCOMING_AGE))
            && delete(file)) {
          incoming.add(root.relativize(file).toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> candidates;
    try (Stream<Path> all = Files.walk(root)) {
      candidates =
          all.filter(Files::isRegularFile)
              .filter(f -> !f.startsWith(root.resolve("incoming")))
              .filter(f -> olderThan(f, now.minus(STORED_AGE)))
              .map(f -> root.relativize(f).toString().replace('\\', '/'))
              .filter(relative -> STORED.matcher(relative).matches())
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> referenced = referenced(candidates);
    List<String> stored = new ArrayList<>();
    for (String relative : candidates) {
      // Asked again just before: a row committed since the first look keeps its file.
      if (!referenced.contains(relative)
          && referenced(List.of(relative)).isEmpty()
          && delete(files.path(relative))) {
        stored.add(relative);
      }
    }
    for (String s : stored) {
      LOG.info(() -> "orphan-file sweep: removed " + s + ", which no row references");
    }
    for (String s : incoming) {
      LOG.info(() -> "orphan-file sweep: removed the temporary file " + s);
    }
    LOG.info(
        () ->
            "orphan-file sweep: "
                + stored.size()
                + " unreferenced and "
                + incoming.size()
                + " temporary files removed");
    return new Swept(List.copyOf(stored), List.copyOf(incoming));
  }

  /** Which of these paths a submitted or a feedback file's row names. */
  private Set<String> referenced(List<String> paths) {
    Set<String> found = new HashSet<>();
    for (int from = 0; from < paths.size(); from += CHUNK) {
      List<String> chunk = paths.subList(from, Math.min(paths.size(), from + CHUNK));
      for (String entity : List.of("SubmissionFile", "FeedbackFile")) {
        found.addAll(
            em.createQuery(
                    "SELECT f.storagePath FROM " + entity + " f WHERE f.storagePath IN :paths",
                    String.class)
                .setParameter("paths", chunk)
                .getResultList());
      }
    }
    return found;
  }

  private static boolean olderThan(Path file, Instant limit) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(limit);
    } catch (IOException e) {
      return false; // gone meanwhile
    }
  }

  private static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning(() -> "orphan-file sweep: could not delete " + file + ": " + e);
      return false;
    }
  }
}
