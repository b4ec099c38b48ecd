package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.entity.Role;
import java.io.Serializable;
import java.util.Set;

/** Who is signed in: kept in the HTTP session by {@link LoginMechanism}. */
public record Caller(long userId, String username, String fullName, Set<Role> roles)
    implements Serializable {

  static final String SESSION_ATTRIBUTE = "medborger.caller";

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
