package dk.medborger.lms.identity.entity;

/** What kind of place an organisation unit is. */
public enum UnitKind {
  LIBRARY,
  CITIZEN_SERVICE,
  COMBINED,
  ADMINISTRATION
}
