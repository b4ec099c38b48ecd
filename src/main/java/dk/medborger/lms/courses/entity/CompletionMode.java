package dk.medborger.lms.courses.entity;

/** How a learner completes a lesson in a course. */
public enum CompletionMode {
  /** The learner presses "mark as completed". */
  MANUAL,
  /** Reaching the end of the lesson (scrolling to it, or moving on with "next") completes it. */
  ON_REACHING_END
}
