package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file a grader attached to a submission as feedback (an annotated PDF), answering the handed-in
 * version {@code versionNumber}. Stored as the learner's files are ({@link StoredFileEntity});
 * {@code safeName} is the grader's name for it.
 */
@Entity
@Table(name = "feedback_file")
@NamedQuery(
    name = FeedbackFile.FIND_BY_SUBMISSION,
    query =
        "SELECT f FROM FeedbackFile f WHERE f.submissionId = :submission"
            + " ORDER BY f.versionNumber, f.id")
public class FeedbackFile extends StoredFileEntity {

  public static final String FIND_BY_SUBMISSION = "FeedbackFile.findBySubmission";

  @Column(name = "version_number")
  private int versionNumber;

  @Column(name = "uploaded_by")
  private long uploadedBy;

  protected FeedbackFile() {}

  public FeedbackFile(
      long submissionId,
      int versionNumber,
      String safeName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String storagePath,
      long uploadedBy,
      Instant uploadedAt) {
    super(submissionId, safeName, mediaType, sizeBytes, sha256, storagePath, uploadedAt);
    this.versionNumber = versionNumber;
    this.uploadedBy = uploadedBy;
  }

  /**
   * Whether the learner may see it now: a round before the current one was returned to them, the
   * current one once its grade is released or it is returned for revision.
   */
  public boolean shownTo(Submission s) {
    return versionNumber < s.getVersions()
        || (versionNumber == s.getVersions()
            && (s.getStatus() == SubmissionStatus.GRADED
                || s.getStatus() == SubmissionStatus.REVISION_REQUESTED));
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public long getUploadedBy() {
    return uploadedBy;
  }
}
