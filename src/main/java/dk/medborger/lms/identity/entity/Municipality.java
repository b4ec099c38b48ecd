package dk.medborger.lms.identity.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A Danish municipality (kommune), the top of the organisation tree. */
@Entity
@Table(name = "municipality")
@NamedQuery(
    name = Municipality.FIND_BY_NAME,
    query = "SELECT m FROM Municipality m WHERE m.name = :name")
public class Municipality {

  public static final String FIND_BY_NAME = "Municipality.findByName";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  protected Municipality() {}

  public Municipality(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
