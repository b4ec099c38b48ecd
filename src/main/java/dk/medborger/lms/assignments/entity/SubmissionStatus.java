package dk.medborger.lms.assignments.entity;

/**
 * Where a learner's submission is: written ({@code DRAFT}), handed in ({@code SUBMITTED}), being
 * graded (a grade saved but not released: {@code IN_GRADING}), graded and released ({@code
 * GRADED}), or returned to the learner for another version ({@code REVISION_REQUESTED}).
 */
public enum SubmissionStatus {
  DRAFT,
  SUBMITTED,
  IN_GRADING,
  GRADED,
  REVISION_REQUESTED;

  /** Whether the learner may change the draft and hand it in. */
  public boolean editable() {
    return this == DRAFT || this == REVISION_REQUESTED;
  }

  /** Whether it waits for a grader. */
  public boolean awaitingGrading() {
    return this == SUBMITTED || this == IN_GRADING;
  }
}
