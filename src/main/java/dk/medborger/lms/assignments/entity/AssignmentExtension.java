package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One learner's later due date for an assignment, given by an instructor. */
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

  @Column(name = "granted_by")
  private long grantedBy;

  @Column(name = "granted_at")
  private Instant grantedAt;

  protected AssignmentExtension() {}

  public AssignmentExtension(
      long assignmentId, long userId, Instant dueAt, long grantedBy, Instant grantedAt) {
    this.assignmentId = assignmentId;
    this.userId = userId;
    this.dueAt = dueAt;
    this.grantedBy = grantedBy;
    this.grantedAt = grantedAt;
  }

  public void change(Instant due, long by, Instant at) {
    this.dueAt = due;
    this.grantedBy = by;
    this.grantedAt = at;
  }

  public Instant getDueAt() {
    return dueAt;
  }
}
