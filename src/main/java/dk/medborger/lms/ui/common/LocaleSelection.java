package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;

/**
 * The page language: Danish unless the user chose English ({@link LanguageServlet} switches it).
 * The choice lives in the session and the account of a signed-in user, and in a cookie before
 * login: anonymous pages open no session.
 */
@Named
@RequestScoped
public class LocaleSelection {

  @Inject HttpServletRequest request;

  public Locale getLocale() {
    return Locale.forLanguageTag(getLanguage());
  }

  public String getLanguage() {
    HttpSession session = request.getSession(false);
    Object language = session == null ? null : session.getAttribute(LoginMechanism.LANGUAGE);
    if (language == null) {
      language = LoginMechanism.languageCookie(request);
    }
    return "en".equals(language) ? "en" : "da";
  }

  /** The page to come back to after switching (the failing page on error pages). */
  public String getBack() {
    Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path =
        errorUri instanceof String uri
            ? uri
            : request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return path.substring(Math.min(request.getContextPath().length(), path.length()));
  }
}
