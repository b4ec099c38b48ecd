package dk.medborger.lms.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A person who logs in: a learner, instructor, HR user or administrator (or several). */
@Entity
@Table(name = "app_user")
@NamedQuery(
    name = UserAccount.FIND_BY_USERNAME,
    query = "SELECT u FROM UserAccount u WHERE u.username = :username")
public class UserAccount {

  public static final String FIND_BY_USERNAME = "UserAccount.findByUsername";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "full_name")
  private String fullName;

  private String email;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "unit_id")
  private OrganisationUnit unit;

  @Enumerated(EnumType.STRING)
  @Column(name = "job_role")
  private JobRole jobRole;

  private String locale = "da";

  private boolean active = true;

  @Column(name = "created_at")
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Version private long version;

  protected UserAccount() {}

  public UserAccount(
      String username,
      String passwordHash,
      String fullName,
      OrganisationUnit unit,
      JobRole jobRole,
      Set<Role> roles,
      Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.fullName = fullName;
    this.unit = unit;
    this.jobRole = jobRole;
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getFullName() {
    return fullName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public OrganisationUnit getUnit() {
    return unit;
  }

  public JobRole getJobRole() {
    return jobRole;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public boolean isActive() {
    return active;
  }

  /** The PBKDF2 hash of the password, checked by {@code PasswordHashing.verify}. */
  public String getPasswordHash() {
    return passwordHash;
  }

  public Set<Role> getRoles() {
    return roles;
  }
}
