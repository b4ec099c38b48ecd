package dk.medborger.lms.identity.boundary;

import java.util.Set;

/**
 * Whom a user may see in reports: everyone, or the people of some municipalities and units.
 *
 * @param everyone the whole organisation
 * @param municipalities ids of whole municipalities
 * @param units ids of single units
 */
public record ReportScope(boolean everyone, Set<Long> municipalities, Set<Long> units) {

  /** Nobody: a user without the HR role, deactivated, or with no scope. */
  public static final ReportScope NOBODY = new ReportScope(false, Set.of(), Set.of());

  public ReportScope {
    municipalities = Set.copyOf(municipalities);
    units = Set.copyOf(units);
  }

  public boolean isEmpty() {
    return !everyone && municipalities.isEmpty() && units.isEmpty();
  }

  /** Whether a person of {@code unitId} in {@code municipalityId} is in scope. */
  public boolean covers(Long municipalityId, Long unitId) {
    return everyone
        || (municipalityId != null && municipalities.contains(municipalityId))
        || (unitId != null && units.contains(unitId));
  }
}
