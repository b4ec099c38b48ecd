package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The columns every stored file of a submission has, whoever handed it in: the learner ({@link
 * SubmissionFile}) or a grader ({@link FeedbackFile}). The bytes lie in the files folder under
 * {@code storagePath}, a name the server chose; {@code safeName} is the uploader's name for it,
 * made safe to show and to send. Each subclass keeps its own table; this class only maps the
 * columns they share by the same names.
 */
@MappedSuperclass
public abstract class StoredFileEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "submission_id")
  private long submissionId;

  @Column(name = "safe_name")
  private String safeName;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "size_bytes")
  private long sizeBytes;

  private String sha256;

  @Column(name = "storage_path")
  private String storagePath;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

  protected StoredFileEntity() {}

  protected StoredFileEntity(
      long submissionId,
      String safeName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String storagePath,
      Instant uploadedAt) {
    this.submissionId = submissionId;
    this.safeName = safeName;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.storagePath = storagePath;
    this.uploadedAt = uploadedAt;
  }

  public Long getId() {
    return id;
  }

  public long getSubmissionId() {
    return submissionId;
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

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
