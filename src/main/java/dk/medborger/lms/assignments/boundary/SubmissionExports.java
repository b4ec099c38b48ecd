package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.control.AnonymousCopies;
import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.assignments.control.FileStore;
import dk.medborger.lms.assignments.control.SafeFileNames;
import dk.medborger.lms.assignments.control.SubmissionTextPolicy;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.SubmissionFile;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.assignments.entity.SubmissionVersion;
import dk.medborger.lms.assignments.entity.TextFormat;
import dk.medborger.lms.platform.Csv;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An assignment's submissions for its instructors, out of the application: every handed-in version
 * with its files as a ZIP, written to the response as it is read (a hundred submissions at a time,
 * files copied from disk, nothing of it built in memory), and the grades as CSV for Danish Excel.
 * Names are made safe, and under blind grading (ADR 29) are the pseudonyms the grading pages show,
 * and the PDF, DOCX and ODT files anonymous copies naming the pseudonym as author (ADR 16). 403 for
 * a course the instructor does not teach, checked before anything is written.
 *
 * <pre>
 * exports.writeArchive(instructorId, assignmentId, names, response.getOutputStream());
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubmissionExports {

  private static final Logger LOG = Logger.getLogger(SubmissionExports.class.getName());

  /** Submissions read per query while writing the ZIP. */
  static final int CHUNK = 100;

  /** The CSV's columns, in order; the caller gives their headings by these names. */
  public static final List<String> COLUMNS =
      List.of(
          "learner",
          "status",
          "submitted",
          "version",
          "late",
          "grade",
          "points",
          "maxPoints",
          "released");

  @PersistenceContext EntityManager em;

  @Inject AssignmentGrading grading;

  @Inject FileStore files;

  @Inject AnonymousCopies copies;

  /**
   * How the archive's folders and files are named, in the instructor's language: {@code
   * participant} and {@code blindFile} as {@link BlindGrading#label} fills them ({@code {0}} the
   * pseudonym, {@code {1}} the file's number), {@code versionText} and {@code versionFile} with
   * {@code {0}} the version's number (and {@code {1}} the file's name). The version's text is a
   * small HTML document, {@code versionText} + ".html" (plain text handed in before ADR 32:
   * ".txt").
   */
  public record ArchiveNames(
      String participant, String blindFile, String versionText, String versionFile) {}

  /**
   * The CSV's words in the instructor's language: {@code headings} by {@link #COLUMNS}, a label per
   * {@link SubmissionStatus}, the participant's pseudonym pattern, and passed / not passed / yes /
   * no.
   */
  public record CsvTexts(
      Map<String, String> headings,
      Map<SubmissionStatus, String> statuses,
      String participant,
      String passed,
      String notPassed,
      String yes,
      String no) {}

  /**
   * A handed-in submission as the exports list it, without its text or files; no name while blind
   * grading hides it.
   */
  public record Row(
      long id,
      String learner,
      SubmissionStatus status,
      Instant submittedAt,
      int versions,
      boolean late,
      Boolean passed,
      BigDecimal points,
      BigDecimal maxPoints,
      Instant releasedAt,
      boolean blind) {

    public Row {
      learner = BlindGrading.hidden(blind, status) ? null : learner;
    }

    boolean hidden() {
      return BlindGrading.hidden(blind, status);
    }

    String shownAs(String participantPattern) {
      return hidden() ? BlindGrading.label(participantPattern, id, 0) : learner;
    }
  }

  /** The archive's file name, from a pattern with {@code {0}}: the assignment's id. */
  public String archiveName(long instructorId, long assignmentId, String pattern) {
    assignment(instructorId, assignmentId);
    return SafeFileNames.of(BlindGrading.label(pattern, assignmentId, 0));
  }

  /**
   * Writes every handed-in version of the assignment's submissions as a ZIP: a folder per
   * submission (the learner's name and the submission's number, or the pseudonym while blind), in
   * it each version's text (a sanitised HTML document that runs no script) and files. Files are
   * copied from disk one at a time.
   */
  public void writeArchive(
      long instructorId, long assignmentId, ArchiveNames names, OutputStream out)
      throws IOException {
    assignment(instructorId, assignmentId);
    List<Row> rows = rows(assignmentId);
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(Deflater.BEST_SPEED);
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      List<Long> ids = chunk.stream().map(Row::id).toList();
      Map<Long, List<SubmissionVersion>> versions =
          em.createQuery(
                  "SELECT v FROM SubmissionVersion v WHERE v.submissionId IN :ids"
                      + " ORDER BY v.submissionId, v.number",
                  SubmissionVersion.class)
              .setParameter("ids", ids)
              .getResultStream()
              .collect(Collectors.groupingBy(SubmissionVersion::getSubmissionId));
      Map<Long, List<SubmissionFile>> filesOf =
          em.createQuery(
                  "SELECT f FROM SubmissionFile f WHERE f.submissionId IN :ids"
                      + " AND f.versionId IS NOT NULL ORDER BY f.id",
                  SubmissionFile.class)
              .setParameter("ids", ids)
              .getResultStream()
              .collect(Collectors.groupingBy(SubmissionFile::getSubmissionId));
      for (Row row : chunk) {
        String folder =
            SafeFileNames.of(
                    row.hidden()
                        ? BlindGrading.label(names.participant(), row.id(), 0)
                        : row.learner() + " (" + row.id() + ")")
                + "/";
        Set<String> used = new HashSet<>();
        for (SubmissionVersion v : versions.getOrDefault(row.id(), List.of())) {
          if (v.getText() == null || v.getText().isBlank()) {
            continue;
          }
          String base = fill(names.versionText(), String.valueOf(v.getNumber()));
          String name;
          String content;
          if (v.getTextFormat() == TextFormat.PLAIN) { // as handed in before ADR 32
            name = base + ".txt";
            content = Csv.BOM + v.getText().replace("\r\n", "\n").replace("\n", "\r\n");
          } else {
            name = base + ".html";
            String title = folder.substring(0, folder.length() - 1) + " – " + base;
            content = SubmissionTextPolicy.document(title, v.getText(), v.getTextFormat());
          }
          zip.putNextEntry(new ZipEntry(folder + unique(used, SafeFileNames.of(name))));
          zip.write(content.getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
        Map<Long, Integer> versionNumbers =
            versions.getOrDefault(row.id(), List.of()).stream()
                .collect(Collectors.toMap(SubmissionVersion::getId, SubmissionVersion::getNumber));
        int number = 0;
        for (SubmissionFile f : filesOf.getOrDefault(row.id(), List.of())) {
          number++;
          Path path = files.path(f.getStoragePath());
          if (!Files.isRegularFile(path)) {
            LOG.warning(() -> "A submitted file is missing on disk: file " + f.getId());
            continue;
          }
          String shown =
              row.hidden()
                  ? BlindGrading.fileName(names.blindFile(), row.id(), number, f.getMediaType())
                  : f.getSafeName();
          String name =
              SafeFileNames.of(
                  fill(
                      names.versionFile(),
                      String.valueOf(versionNumbers.get(f.getVersionId())),
                      shown));
          Path sent = path;
          Optional<Path> copy = Optional.empty();
          if (row.hidden()) {
            try {
              copy =
                  copies.anonymous(
                      path, f.getMediaType(), BlindGrading.label(names.participant(), row.id(), 0));
              sent = copy.orElse(path);
            } catch (AssignmentRefused refused) {
              LOG.warning(() -> "Left out of the archive, not made anonymous: file " + f.getId());
              continue;
            }
          }
          try {
            zip.putNextEntry(new ZipEntry(folder + unique(used, name)));
            Files.copy(sent, zip);
            zip.closeEntry();
          } finally {
            copy.ifPresent(files::discard);
          }
        }
      }
    }
    zip.finish();
    zip.flush();
  }

  /** The assignment's grades as CSV for Danish Excel ({@code ;}, BOM, Danish dates, commas). */
  public void writeCsv(long instructorId, long assignmentId, CsvTexts texts, Writer out)
      throws IOException {
    assignment(instructorId, assignmentId);
    List<Row> rows = rows(assignmentId);
    out.write(Csv.BOM);
    out.write(
        COLUMNS.stream()
            .map(c -> Csv.cell(texts.headings().get(c)))
            .collect(Collectors.joining(";")));
    out.write("\r\n");
    for (Row row : rows) {
      boolean graded = row.passed() != null;
      out.write(
          String.join(
              ";",
              Csv.cell(row.shownAs(texts.participant())),
              Csv.cell(texts.statuses().get(row.status())),
              Csv.dateTime(row.submittedAt()),
              String.valueOf(row.versions()),
              row.late() ? texts.yes() : texts.no(),
              graded ? Csv.cell(row.passed() ? texts.passed() : texts.notPassed()) : "",
              Csv.number(row.points()),
              Csv.number(row.maxPoints()),
              Csv.dateTime(row.releasedAt())));
      out.write("\r\n");
    }
    out.flush();
  }

  /** The handed-in submissions of an assignment, oldest first: ids, names and grades only. */
  List<Row> rows(long assignmentId) {
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.assignments.boundary.SubmissionExports$Row(s.id,"
                + " u.fullName, s.status, s.submittedAt, s.versions, s.late, s.passed, s.points,"
                + " s.maxPoints, s.releasedAt, a.blindGrading)"
                + " FROM Submission s, UserAccount u, Assignment a"
                + " WHERE a.id = :a AND s.assignmentId = a.id AND u.id = s.userId"
                + " AND s.versions > 0 ORDER BY s.submittedAt, s.id",
            Row.class)
        .setParameter("a", assignmentId)
        .getResultList();
  }

  private Assignment assignment(long instructorId, long assignmentId) {
    Assignment a = em.find(Assignment.class, assignmentId);
    if (a == null) {
      throw new NotFoundException("assignment " + assignmentId);
    }
    grading.taught(instructorId, assignmentId);
    return a;
  }

  private static String fill(String pattern, String... values) {
    return java.text.MessageFormat.format(pattern.replace("'", "''"), (Object[]) values);
  }

  /** The name, or with " (2)", " (3)" … before its extension when the folder has it already. */
  private static String unique(Set<String> used, String name) {
    String candidate = name;
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int n = 2; !used.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
      candidate = base + " (" + n + ")" + extension;
    }
    return candidate;
  }
}
