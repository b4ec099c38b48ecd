package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginMechanism;
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
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/** The login page: signs the user in and returns to the page they asked for. */
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
        // One message whatever was wrong: it does not tell which of the two was.
        Pages.message(FacesMessage.SEVERITY_ERROR, "login.failed");
      }
    }
  }

  private String target() {
    HttpSession session = request.getSession(false);
    Object saved = session == null ? null : session.getAttribute(LoginMechanism.SAVED_URL);
    if (session != null) {
      session.removeAttribute(LoginMechanism.SAVED_URL);
    }
    return saved instanceof String url && !LocalPath.orHome(url).equals("/") ? url : home.path();
  }

  public boolean isExpired() {
    return "true".equals(request.getParameter("expired"));
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
