package dk.medborger.lms.courses.entity;

/** Where a learner is in a course as a whole. */
public enum EnrolmentStatus {
  NOT_STARTED,
  IN_PROGRESS,
  COMPLETED
}
