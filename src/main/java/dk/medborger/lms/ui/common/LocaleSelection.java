package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginMechanism;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.identity.boundary.UserAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;

/**
 * The page language: Danish unless the user chose English. The choice lives in the session and,
 * for a signed-in user, in their account, so it is there again at the next login.
 */
@Named
@RequestScoped
public class LocaleSelection {

  @Inject HttpServletRequest request;

  @Inject SignedIn signedIn;

  @Inject UserAccounts accounts;

  public Locale getLocale() {
    return Locale.forLanguageTag(getLanguage());
  }

  public String getLanguage() {
    HttpSession session = request.getSession(false);
    Object language = session == null ? null : session.getAttribute(LoginMechanism.LANGUAGE);
    return "en".equals(language) ? "en" : "da";
  }

  /** Switches language and reloads the same page. */
  public void switchTo(String language) throws IOException {
    String chosen = "en".equals(language) ? "en" : "da";
    request.getSession(true).setAttribute(LoginMechanism.LANGUAGE, chosen);
    signedIn.caller().ifPresent(c -> accounts.changeLanguage(c.userId(), chosen));
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    external.redirect(uri + (query == null ? "" : "?" + query));
  }
}
