package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginMechanism;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.platform.Transport;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /language} with {@code to=en} and {@code back=/learner/dashboard.xhtml} (the language
 * forms of every page): switches the page language, remembers it in a cookie and, for a signed-in
 * user, in their account, and returns to the page (only pages of this application). A GET changes
 * nothing (405): a link from another site must not change a user's settings.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final int ONE_YEAR = 365 * 24 * 3600;

  @Inject SignedIn signedIn;

  @Inject UserAccounts accounts;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String chosen = "en".equals(request.getParameter("to")) ? "en" : "da";
    remember(request, response, chosen);
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(LoginMechanism.LANGUAGE, chosen);
    }
    signedIn.caller().ifPresent(c -> accounts.changeLanguage(c.userId(), chosen));
    response.sendRedirect(
        request.getContextPath() + LocalPath.orHome(request.getParameter("back")));
  }

  /** Keeps the language in the browser, for pages before login and after logout. */
  static void remember(HttpServletRequest request, HttpServletResponse response, String language) {
    Cookie cookie = new Cookie(LoginMechanism.LANGUAGE_COOKIE, language);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge(ONE_YEAR);
    cookie.setHttpOnly(true);
    cookie.setSecure(Transport.secure(request));
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
