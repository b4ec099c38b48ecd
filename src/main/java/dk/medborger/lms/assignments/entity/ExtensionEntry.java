package dk.medborger.lms.assignments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a learner's extension, kept forever: granted, changed or removed, by whom, when. */
@Entity
@Table(name = "assignment_extension_entry")
public class ExtensionEntry {

  /** What the instructor did. */
  public enum Action {
    GRANTED,
    CHANGED,
    REMOVED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "assignment_id")
  private long assignmentId;

  @Column(name = "user_id")
  private long userId;

  @Enumerated(EnumType.STRING)
  private Action action;

  /** The new due date; null for a removal. */
  @Column(name = "due_at")
  private Instant dueAt;

  private String reason;

  @Column(name = "done_by")
  private long doneBy;

  @Column(name = "done_at")
  private Instant doneAt;

  protected ExtensionEntry() {}

  public ExtensionEntry(
      long assignmentId,
      long userId,
      Action action,
      Instant dueAt,
      String reason,
      long doneBy,
      Instant doneAt) {
    this.assignmentId = assignmentId;
    this.userId = userId;
    this.action = action;
    this.dueAt = dueAt;
    this.reason = reason;
    this.doneBy = doneBy;
    this.doneAt = doneAt;
  }

  public Action getAction() {
    return action;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public long getDoneBy() {
    return doneBy;
  }
}
