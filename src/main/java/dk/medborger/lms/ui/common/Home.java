package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.Caller;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.identity.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** Where each user starts. */
@Named
@RequestScoped
public class Home {

  @Inject SignedIn signedIn;

  /** The start page of the signed-in user's first role, or the login page. */
  public String path() {
    return signedIn.caller().map(Home::startPage).orElse("/login.xhtml");
  }

  static String startPage(Caller caller) {
    if (caller.has(Role.LEARNER)) {
      return "/learner/dashboard.xhtml";
    }
    if (caller.has(Role.INSTRUCTOR)) {
      return "/instructor/index.xhtml";
    }
    if (caller.has(Role.HR)) {
      return "/hr/index.xhtml";
    }
    if (caller.has(Role.ADMIN)) {
      return "/admin/index.xhtml";
    }
    return "/login.xhtml";
  }

  /** {@code index.xhtml}: straight on to the start page. */
  public void redirect() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + path());
  }
}
