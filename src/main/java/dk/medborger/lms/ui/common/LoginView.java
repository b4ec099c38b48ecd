package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/**
 * The login page: signs the user in and returns to the page they asked for ({@code ?back=}, a local
 * path only), or says why not: wrong user name or password, too many tries, busy, or the database
 * down, each with its status. The page is stateless: it opens no session, and a login page left
 * open for hours still logs in at the first try.
 */
@Named
@RequestScoped
public class LoginView {

  @Inject SecurityContext security;

  @Inject HttpServletRequest request;

  @Inject Home home;

  @NotBlank
  @Size(max = 60)
  private String username;

  @NotBlank
  @Size(max = 200)
  private String password;

  public void login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(username.trim(), new Password(password))));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> external.redirect(external.getRequestContextPath() + target());
      default -> {
        password = null;
        LoginOutcome outcome = (LoginOutcome) request.getAttribute(LoginOutcome.ATTRIBUTE);
        LoginOutcome.Kind kind = outcome == null ? LoginOutcome.Kind.WRONG : outcome.kind();
        if (outcome != null) {
          external.setResponseStatus(outcome.status());
        }
        if (kind == LoginOutcome.Kind.LOCKED) {
          Pages.message(
              FacesMessage.SEVERITY_ERROR,
              "login.LOCKED",
              Math.max(1, (outcome.retryAfterSeconds() + 59) / 60));
        } else if (kind == LoginOutcome.Kind.WRONG) {
          // One message whatever was wrong, it does not tell which of the two was; it stands at
          // the password, which is to be typed again.
          Pages.fieldError("login:password", "login.WRONG");
        } else {
          Pages.message(FacesMessage.SEVERITY_ERROR, "login." + kind);
        }
      }
    }
  }

  /** Where to go after login: the page asked for, or the user's start page. */
  private String target() {
    return LocalPath.of(getBack())
        .filter(path -> !path.equals("/") && !path.startsWith("/login.xhtml"))
        .orElseGet(home::path);
  }

  /** The page to return to after login, carried through the form as a hidden field. */
  public String getBack() {
    return request.getParameter("back");
  }

  public boolean isExpired() {
    return "true".equals(request.getParameter("expired"));
  }

  /** Whether a click came here because the session had ended: what it asked for was not done. */
  public boolean isInterrupted() {
    return "true".equals(request.getParameter("interrupted"));
  }

  /** Whether the login leads back to a page of the application (else to the start page). */
  public boolean isWayBack() {
    return LocalPath.of(getBack()).filter(path -> !path.equals("/")).isPresent();
  }

  /**
   * Why the visitor is here when no other notice says it: a page of the application was asked for
   * without a session (the session cookie gone, a bookmark), and opens after the login.
   */
  public boolean isPageAskedFor() {
    return !isInterrupted()
        && !isExpired()
        && !isLoggedOut()
        && !FacesContext.getCurrentInstance().isPostback()
        && isWayBack();
  }

  public boolean isLoggedOut() {
    return "true".equals(request.getParameter("loggedOut"));
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
