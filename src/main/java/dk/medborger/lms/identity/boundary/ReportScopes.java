package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whom HR users may see in reports, read from the database on every call (never from the session):
 * a scope removed, the HR role taken away or the user deactivated counts from the next request.
 *
 * <pre>
 * ReportScope scope = scopes.of(signedIn.require().userId());
 * if (!scope.covers(municipalityId, unitId)) throw new ForbiddenException(…);
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportScopes {

  @PersistenceContext EntityManager em;

  /** The user's scope now; {@link ReportScope#NOBODY} unless they are an active HR user. */
  public ReportScope of(long userId) {
    Number hr =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.id"
                        + " WHERE u.id = ? AND u.active = TRUE AND r.role = ?")
                .setParameter(1, userId)
                .setParameter(2, Role.HR.name())
                .getSingleResult();
    if (hr.longValue() == 0) {
      return ReportScope.NOBODY;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT municipality_id, unit_id FROM report_scope WHERE user_id = ?")
            .setParameter(1, userId)
            .getResultList();
    boolean everyone = false;
    Set<Long> municipalities = new HashSet<>();
    Set<Long> units = new HashSet<>();
    for (Object[] row : rows) {
      if (row[0] == null && row[1] == null) {
        everyone = true;
      } else if (row[0] != null) {
        municipalities.add(((Number) row[0]).longValue());
      } else {
        units.add(((Number) row[1]).longValue());
      }
    }
    return new ReportScope(everyone, municipalities, units);
  }

  /** Lets the user see everyone. */
  @Transactional
  public void grantEveryone(long userId) {
    insert(userId, null, null);
  }

  /** Lets the user see the people of a municipality. */
  @Transactional
  public void grantMunicipality(long userId, long municipalityId) {
    insert(userId, municipalityId, null);
  }

  /** Lets the user see the people of one unit. */
  @Transactional
  public void grantUnit(long userId, long unitId) {
    insert(userId, null, unitId);
  }

  /** Takes every scope away from the user: from their next request they see nobody. */
  @Transactional
  public void revokeAll(long userId) {
    em.createNativeQuery("DELETE FROM report_scope WHERE user_id = ?")
        .setParameter(1, userId)
        .executeUpdate();
  }

  private void insert(long userId, Long municipalityId, Long unitId) {
    em.createNativeQuery(
            "INSERT INTO report_scope (user_id, municipality_id, unit_id) VALUES (?, ?, ?)")
        .setParameter(1, userId)
        .setParameter(2, municipalityId)
        .setParameter(3, unitId)
        .executeUpdate();
  }
}
