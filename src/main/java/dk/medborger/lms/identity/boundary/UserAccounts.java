package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.control.PasswordHashing;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.identity.entity.OrganisationUnit;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.identity.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** User accounts: creating them, finding them, remembering each user's language. */
@ApplicationScoped
@Transactional
public class UserAccounts {

  @PersistenceContext EntityManager em;

  @Inject PasswordHashing passwords;

  @Inject Clock clock;

  /** Creates a user with the given password hash (see {@link #hashPassword}). */
  public long create(
      String username,
      String passwordHash,
      String fullName,
      Long unitId,
      JobRole jobRole,
      Set<Role> roles) {
    OrganisationUnit unit = unitId == null ? null : em.find(OrganisationUnit.class, unitId);
    UserAccount user =
        new UserAccount(
            normalise(username), passwordHash, fullName, unit, jobRole, roles, clock.instant());
    em.persist(user);
    em.flush();
    return user.getId();
  }

  public String hashPassword(char[] password) {
    return passwords.hash(password);
  }

  public Optional<UserAccount> findByUsername(String username) {
    return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
        .setParameter("username", normalise(username))
        .getResultStream()
        .findFirst();
  }

  /**
   * The user's roles as the database has them now; empty when the user is gone or no longer active.
   * Read on every request of a signed-in user (ADR 15), so a role taken away or an account closed
   * counts from the next click, not the next login: one indexed query, no transaction.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Set<Role>> currentRoles(long userId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT r.role FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id"
                    + " WHERE u.id = ? AND u.active = TRUE")
            .setParameter(1, userId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object role : rows) {
      if (role != null) {
        roles.add(Role.valueOf(role.toString()));
      }
    }
    return Optional.of(Set.copyOf(roles));
  }

  /** Where and how to write to a user: name, mail address (may be empty), language. */
  public record MailContact(long userId, String name, String email, String language) {
    public boolean reachable() {
      return email != null && !email.isBlank();
    }
  }

  /** The user's mail contact; empty for no such user or one who is no longer active. */
  public Optional<MailContact> contact(long userId) {
    UserAccount user = em.find(UserAccount.class, userId);
    if (user == null || !user.isActive()) {
      return Optional.empty();
    }
    return Optional.of(
        new MailContact(user.getId(), user.getFullName(), user.getEmail(), user.getLocale()));
  }

  /** Sets the user's mail address (empty for none). */
  public void changeEmail(long userId, String email) {
    UserAccount user = em.find(UserAccount.class, userId);
    if (user != null) {
      user.setEmail(email == null || email.isBlank() ? null : email.strip());
    }
  }

  /** Remembers the user's language ("da" or "en"). */
  public void changeLanguage(long userId, String language) {
    if (!"da".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("Unsupported language " + language);
    }
    UserAccount user = em.find(UserAccount.class, userId);
    if (user != null) {
      user.setLocale(language);
    }
  }

  public static String normalise(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }
}
