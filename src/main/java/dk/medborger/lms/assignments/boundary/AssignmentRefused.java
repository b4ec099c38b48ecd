package dk.medborger.lms.assignments.boundary;

/**
 * Why the server did not take what the learner or grader sent; the page shows the bundle's {@link
 * #messageKey()}, and nothing of the refused request was stored.
 */
public class AssignmentRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The reasons, each with a message {@code assignment.refused.<REASON>}. */
  public enum Reason {
    LOCKED,
    NOT_EDITABLE,
    NO_TEXT_ALLOWED,
    NO_FILES_ALLOWED,
    TEXT_TOO_LONG,
    TOO_MANY_FILES,
    TOO_LARGE,
    EMPTY,
    TYPE_NOT_ALLOWED,
    UPLOAD_FAILED,
    NOTHING_TO_SUBMIT,
    OWN_WORK_REQUIRED,
    AFTER_CUTOFF,
    GUARD_REASON_REQUIRED,
    NOT_SUBMITTED,
    GRADE_INCOMPLETE,
    NOT_RELEASABLE,
    NOTHING_TO_RELEASE,
    COMMENT_EMPTY,
    COMMENT_TOO_LONG,
    COMMENT_DUPLICATE,
    COMMENT_BANK_FULL,
    CONFLICT,
    FEEDBACK_CLOSED,
    NOT_ANONYMISED
  }

  private final Reason reason;

  public AssignmentRefused(Reason reason) {
    super(reason.name());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public String messageKey() {
    return "assignment.refused." + reason.name();
  }
}
