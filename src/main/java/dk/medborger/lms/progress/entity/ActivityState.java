package dk.medborger.lms.progress.entity;

/** A learner's state in one activity. Not started has no stored row. */
public enum ActivityState {
  NOT_STARTED,
  IN_PROGRESS,
  COMPLETED
}
