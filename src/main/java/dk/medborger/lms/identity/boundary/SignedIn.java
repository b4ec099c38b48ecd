package dk.medborger.lms.identity.boundary;

import dk.medborger.lms.identity.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The signed-in caller of the current request, for views and services ({@code #{signedIn}}). */
@Named
@RequestScoped
public class SignedIn {

  @Inject HttpServletRequest request;

  public Optional<Caller> caller() {
    HttpSession session = request.getSession(false);
    return Optional.ofNullable(
        session == null ? null : (Caller) session.getAttribute(Caller.SESSION_ATTRIBUTE));
  }

  /** The caller; only pages behind a security constraint may use this. */
  public Caller require() {
    return caller().orElseThrow(() -> new IllegalStateException("No one is signed in"));
  }

  public boolean isPresent() {
    return caller().isPresent();
  }

  public String getFullName() {
    return caller().map(Caller::fullName).orElse("");
  }

  /**
   * The caller's roles by name, each mapped to {@code true}: {@code #{signedIn.roles['HR']}} (a map
   * read, which EL resolves much faster than a method call with an argument, ADR 6).
   */
  public Map<String, Boolean> getRoles() {
    return caller()
        .map(c -> c.roles().stream().collect(Collectors.toMap(Role::name, r -> Boolean.TRUE)))
        .orElse(Map.of());
  }
}
