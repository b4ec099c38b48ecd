package dk.medborger.lms.assignments.entity;

/** What happens to work handed in after the due date. */
public enum LatePolicy {
  /** Taken at any time; work after the due date is marked late. */
  ACCEPT_MARK_LATE,
  /** Taken at any time; work after the due date loses a percentage of its points. */
  ACCEPT_WITH_PENALTY,
  /** Taken, marked late, until the cut-off date; refused after it. */
  REFUSE_AFTER_CUTOFF
}
