package dk.medborger.lms.identity.entity;

/** What a user may do; a user may hold several roles. The names are the security roles. */
public enum Role {
  LEARNER,
  INSTRUCTOR,
  HR,
  ADMIN
}
