package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.entity.Municipality;
import dk.medborger.lms.identity.entity.OrganisationUnit;
import dk.medborger.lms.identity.entity.UnitKind;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The organisation tree: municipalities and their units (libraries, borgerservice centres). */
@ApplicationScoped
@Transactional
public class Organisation {

  @PersistenceContext EntityManager em;

  public long createMunicipality(String name) {
    Municipality municipality = new Municipality(name);
    em.persist(municipality);
    em.flush();
    return municipality.getId();
  }

  public long createUnit(long municipalityId, String name, UnitKind kind) {
    Municipality municipality = em.find(Municipality.class, municipalityId);
    if (municipality == null) {
      throw new NotFoundException("municipality " + municipalityId);
    }
    OrganisationUnit unit = new OrganisationUnit(municipality, name, kind);
    em.persist(unit);
    em.flush();
    return unit.getId();
  }

  /**
   * The names of the managers of the user's unit (job role manager, active, not the user), in
   * Danish order; none when the user has no unit.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> managersOf(long userId) {
    return em.createQuery(
            "SELECT m.fullName FROM UserAccount m, UserAccount u WHERE u.id = :userId"
                + " AND m.unit = u.unit AND m.id <> u.id AND m.active = TRUE"
                + " AND m.jobRole = dk.medborger.lms.identity.entity.JobRole.MANAGER"
                + " ORDER BY m.fullName",
            String.class)
        .setParameter("userId", userId)
        .getResultList();
  }
}
