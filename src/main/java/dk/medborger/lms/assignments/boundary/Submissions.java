package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.boundary.AssignmentViews.Criterion;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Download;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FeedbackFileRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FileRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Level;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Outgoing;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Settings;
import dk.medborger.lms.assignments.boundary.AssignmentViews.VersionRow;
import dk.medborger.lms.assignments.control.AnonymousCopies;
import dk.medborger.lms.assignments.control.FileStore;
import dk.medborger.lms.assignments.control.Rubrics;
import dk.medborger.lms.assignments.control.SubmissionTextPolicy;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.FeedbackFile;
import dk.medborger.lms.assignments.entity.RubricCriterion;
import dk.medborger.lms.assignments.entity.Submission;
import dk.medborger.lms.assignments.entity.SubmissionFile;
import dk.medborger.lms.assignments.entity.SubmissionVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reading submissions into the pages' records, for the learner's and the grader's side alike: the
 * versions handed in with their files, the rubric with its judgements, a file to download.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Submissions {

  @PersistenceContext EntityManager em;

  @Inject FileStore files;

  @Inject AnonymousCopies copies;

  /**
   * What a download sends (ADR 16): the stored file, or while blind grading hides its learner
   * ({@link Download#pseudonym()}) a PDF, DOCX or ODT as a temporary copy naming the pseudonym
   * instead of its author; close it once sent. Refused with {@code NOT_ANONYMISED} when a copy
   * cannot be made — the file is then not sent at all. The stored file is never changed.
   */
  public Outgoing outgoing(Download d) {
    if (d.pseudonym() == null) {
      return new Outgoing(d.path(), null);
    }
    return copies
        .anonymous(d.path(), d.mediaType(), d.pseudonym())
        .map(copy -> new Outgoing(copy, copy))
        .orElseGet(() -> new Outgoing(d.path(), null));
  }

  static Settings settings(Assignment a) {
    return new Settings(
        a.isAcceptsText(),
        a.isAcceptsFiles(),
        a.getMaxFiles(),
        a.getMaxFileBytes(),
        a.getAllowedTypes(),
        a.getLatePolicy(),
        a.getLatePenaltyPercent(),
        a.getGrading(),
        a.getMaxPoints(),
        a.getPassPoints());
  }

  List<FileRow> fileRows(List<SubmissionFile> list) {
    return fileRows(list, false, 0);
  }

  /** The files as rows numbered from {@code first} + 1; without their names when {@code hide}. */
  private List<FileRow> fileRows(List<SubmissionFile> list, boolean hide, int first) {
    List<FileRow> rows = new ArrayList<>();
    for (SubmissionFile f : list) {
      rows.add(
          new FileRow(
              f.getId(),
              hide ? null : f.getSafeName(),
              f.getMediaType(),
              f.getSizeBytes(),
              f.getSha256(),
              first + rows.size() + 1));
    }
    return List.copyOf(rows);
  }

  /**
   * The versions handed in, oldest first, each with its files (numbered across the versions, as
   * {@link #files} lists them); their names hidden when {@code hideNames}. Two queries.
   */
  List<VersionRow> versions(long submissionId, boolean hideNames) {
    List<SubmissionVersion> versions =
        em.createQuery(
                "SELECT v FROM SubmissionVersion v WHERE v.submissionId = :s ORDER BY v.number",
                SubmissionVersion.class)
            .setParameter("s", submissionId)
            .getResultList();
    if (versions.isEmpty()) {
      return List.of();
    }
    Map<Long, List<SubmissionFile>> byVersion =
        files(submissionId).stream()
            .filter(f -> f.getVersionId() != null)
            .collect(Collectors.groupingBy(SubmissionFile::getVersionId));
    List<VersionRow> rows = new ArrayList<>();
    int numbered = 0;
    for (SubmissionVersion v : versions) {
      List<FileRow> files =
          fileRows(byVersion.getOrDefault(v.getId(), List.of()), hideNames, numbered);
      numbered += files.size();
      rows.add(
          new VersionRow(
              v.getNumber(),
              v.getSubmittedAt(),
              v.isLate(),
              SubmissionTextPolicy.display(v.getText(), v.getTextFormat(), 4),
              v.getGuardFindings(),
              v.getGuardReason(),
              files));
    }
    return List.copyOf(rows);
  }

  /**
   * The files of a submission in the order they were uploaded: the handed-in versions' first (a
   * draft's files are uploaded after the last hand-in), then the draft's.
   */
  List<SubmissionFile> files(long submissionId) {
    return em.createQuery(
            "SELECT f FROM SubmissionFile f WHERE f.submissionId = :s ORDER BY f.id",
            SubmissionFile.class)
        .setParameter("s", submissionId)
        .getResultList();
  }

  /** The rubric, with the judgements stored as {@code judgements} (null: none yet). */
  List<Criterion> criteria(Assignment a, String judgements) {
    Map<Long, String> judged = Rubrics.parse(judgements);
    List<Criterion> list = new ArrayList<>();
    for (RubricCriterion c : a.getCriteria()) {
      list.add(
          new Criterion(
              c.getId(),
              c.getTitle(),
              c.getDescription(),
              c.getLevels().stream()
                  .map(l -> new Level(l.getId(), l.getTitle(), l.getPoints()))
                  .toList(),
              judged.get(c.getId())));
    }
    return List.copyOf(list);
  }

  /**
   * Feedback files as rows, with who attached them; {@code removable} for the current round's while
   * {@code open} (the grader's view; the learner's never removes).
   */
  /**
   * The submission's feedback files that {@code shown} lets through, each with the name of who
   * attached it, in one statement; {@code open}: the current round's may still be removed.
   */
  List<FeedbackFileRow> feedbackRows(
      Submission s, java.util.function.Predicate<FeedbackFile> shown, boolean open) {
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentViews$AttachedBy("
                + "f, u.fullName) FROM FeedbackFile f JOIN UserAccount u ON u.id = f.uploadedBy"
                + " WHERE f.submissionId = :s ORDER BY f.versionNumber, f.id",
            AssignmentViews.AttachedBy.class)
        .setParameter("s", s.getId())
        .getResultStream()
        .filter(a -> shown.test(a.file()))
        .map(
            a ->
                new FeedbackFileRow(
                    a.file().getId(),
                    a.file().getSafeName(),
                    a.file().getMediaType(),
                    a.file().getSizeBytes(),
                    a.file().getVersionNumber(),
                    a.by(),
                    a.file().getUploadedAt(),
                    open && a.file().getVersionNumber() == s.getVersions()))
        .toList();
  }

  Download download(FeedbackFile file, String pseudonym) {
    return new Download(
        files.path(file.getStoragePath()),
        file.getSafeName(),
        file.getMediaType(),
        file.getSizeBytes(),
        pseudonym);
  }

  private String name(long userId) {
    return em.createQuery("SELECT u.fullName FROM UserAccount u WHERE u.id = :id", String.class)
        .setParameter("id", userId)
        .getSingleResult();
  }

  Download download(SubmissionFile file) {
    return download(file, file.getSafeName());
  }

  Download download(SubmissionFile file, String name) {
    return download(file, name, null);
  }

  Download download(SubmissionFile file, String name, String pseudonym) {
    return new Download(
        files.path(file.getStoragePath()),
        name,
        file.getMediaType(),
        file.getSizeBytes(),
        pseudonym);
  }
}
