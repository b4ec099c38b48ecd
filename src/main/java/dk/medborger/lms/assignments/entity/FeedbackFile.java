package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file a grader attached to a submission as feedback (an annotated PDF), answering the handed-in
 * version {@code versionNumber}. Stored as the learner's files are ({@link SubmissionFile}): the
 * bytes in the files folder under {@code storagePath}, a name the server chose; {@code safeName} is
 * the grader's name for it, made safe to show and to send.
 */
@Entity
@Table(name = "feedback_file")
@NamedQuery(
    name = FeedbackFile.FIND_BY_SUBMISSION,
    query =
        "SELECT f FROM FeedbackFile f WHERE f.submissionId = :submission"
            + " ORDER BY f.versionNumber, f.id")
public class FeedbackFile {

  public static final String FIND_BY_SUBMISSION = "FeedbackFile.findBySubmission";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "submission_id")
  private long submissionId;

  @Column(name = "version_number")
  private int versionNumber;

  @Column(name = "safe_name")
  private String safeName;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "size_bytes")
  private long sizeBytes;

  private String sha256;

  @Column(name = "storage_path")
  private String storagePath;

  @Column(name = "uploaded_by")
  private long uploadedBy;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

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
    this.submissionId = submissionId;
    this.versionNumber = versionNumber;
    this.safeName = safeName;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.storagePath = storagePath;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
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

  public Long getId() {
    return id;
  }

  public long getSubmissionId() {
    return submissionId;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getSafeName() {
    return safeName;
  }

  public String getMediaType() {
    return mediaType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public String getStoragePath() {
    return storagePath;
  }

  public long getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
