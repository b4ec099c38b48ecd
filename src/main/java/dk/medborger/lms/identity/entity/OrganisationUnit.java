package dk.medborger.lms.identity.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A library, a borgerservice centre or a combined one, inside a municipality. */
@Entity
@Table(name = "org_unit")
public class OrganisationUnit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "municipality_id")
  private Municipality municipality;

  private String name;

  @Enumerated(EnumType.STRING)
  private UnitKind kind;

  protected OrganisationUnit() {}

  public OrganisationUnit(Municipality municipality, String name, UnitKind kind) {
    this.municipality = municipality;
    this.name = name;
    this.kind = kind;
  }

  public Long getId() {
    return id;
  }

  public Municipality getMunicipality() {
    return municipality;
  }

  public String getName() {
    return name;
  }

  public UnitKind getKind() {
    return kind;
  }
}
