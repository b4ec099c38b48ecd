package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * One learner's later due date for an assignment, given by an instructor with an optional reason; a
 * cut-off before it moves with it (ADR 25). Every grant, change and removal is also kept as an
 * {@link ExtensionEntry}.
 */
@Entity
@Table(name = "assignment_extension")
@IdClass(AssignmentExtension.Key.class)
public class AssignmentExtension {

  /** Assignment and learner. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long assignmentId;
    private long userId;

    public Key() {}

    public Key(long assignmentId, long userId) {
      this.assignmentId = assignmentId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.assignmentId == assignmentId && k.userId == userId;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(assignmentId) * 31 + Long.hashCode(userId);
    }
  }

  @Id
  @Column(name = "assignment_id")
  private long assignmentId;

  @Id
  @Column(name = "user_id")
  private long userId;

  @Column(name = "due_at")
  private Instant dueAt;

  private String reason;

  @Column(name = "granted_by")
  private long grantedBy;

  @Column(name = "granted_at")
  private Instant grantedAt;

  @Version private long version;

  protected AssignmentExtension() {}

  public AssignmentExtension(
      long assignmentId,
      long userId,
      Instant dueAt,
      String reason,
      long grantedBy,
      Instant grantedAt) {
    this.assignmentId = assignmentId;
    this.userId = userId;
    change(dueAt, reason, grantedBy, grantedAt);
  }

  public void change(Instant due, String reason, long by, Instant at) {
    this.dueAt = due;
    this.reason = reason;
    this.grantedBy = by;
    this.grantedAt = at;
  }

  public long getAssignmentId() {
    return assignmentId;
  }

  public long getUserId() {
    return userId;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public String getReason() {
    return reason;
  }

  public long getGrantedBy() {
    return grantedBy;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public long getVersion() {
    return version;
  }
}
