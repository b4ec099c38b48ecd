package dk.medborger.lms.identity.entity;

/** A staff member's job, used by reports; shown through the bundle key {@code jobRole.NAME}. */
public enum JobRole {
  LIBRARIAN,
  LIBRARY_ASSISTANT,
  CITIZEN_SERVICE_OFFICER,
  MANAGER,
  CONSULTANT
}
