package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file of a submission: in the draft while {@code versionId} is null, part of the handed-in
 * version after. Stored as every file of a submission is ({@link StoredFileEntity}); {@code
 * safeName} is the learner's name for it.
 */
@Entity
@Table(name = "submission_file")
public class SubmissionFile extends StoredFileEntity {

  @Column(name = "version_id")
  private Long versionId;

  protected SubmissionFile() {}

  public SubmissionFile(
      long submissionId,
      String safeName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String storagePath,
      Instant uploadedAt) {
    super(submissionId, safeName, mediaType, sizeBytes, sha256, storagePath, uploadedAt);
  }

  public void handInWith(long version) {
    this.versionId = version;
  }

  public Long getVersionId() {
    return versionId;
  }
}
