package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A reusable feedback comment of one instructor's comment bank. */
@Entity
@Table(name = "feedback_comment")
@NamedQuery(
    name = FeedbackComment.FIND_BY_INSTRUCTOR,
    query = "SELECT c FROM FeedbackComment c WHERE c.instructorId = :instructor ORDER BY c.id")
public class FeedbackComment {

  public static final String FIND_BY_INSTRUCTOR = "FeedbackComment.findByInstructor";

  /** The longest comment kept. */
  public static final int MAX_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "instructor_id")
  private long instructorId;

  private String text;

  /** SHA-256 of the text, so that the database can keep one of each (a long text has no key). */
  @Column(name = "text_hash")
  private String textHash;

  @Column(name = "created_at")
  private Instant createdAt;

  protected FeedbackComment() {}

  public FeedbackComment(long instructorId, String text, Instant at) {
    this.instructorId = instructorId;
    this.text = text;
    this.textHash = hash(text);
    this.createdAt = at;
  }

  public static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Long getId() {
    return id;
  }

  public long getInstructorId() {
    return instructorId;
  }

  public String getText() {
    return text;
  }
}
