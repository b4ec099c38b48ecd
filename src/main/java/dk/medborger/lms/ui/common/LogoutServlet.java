package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginMechanism;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /logout}: ends the session, removes its cookie, keeps the chosen language in the
 * language cookie, and shows the login page.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      request.logout();
    } catch (ServletException e) {
      // the session is invalidated below either way
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      Object language = session.getAttribute(LoginMechanism.LANGUAGE);
      session.invalidate();
      if (language instanceof String chosen) {
        LanguageServlet.remember(request, response, chosen);
      }
    }
    // Gone with the session: a later visit is a new anonymous one, not an "expired" one.
    String name = request.getServletContext().getSessionCookieConfig().getName();
    Cookie sessionCookie = new Cookie(name == null ? "JSESSIONID" : name, "");
    sessionCookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    sessionCookie.setMaxAge(0);
    sessionCookie.setHttpOnly(true);
    response.addCookie(sessionCookie);
    response.sendRedirect(request.getContextPath() + "/login.xhtml?loggedOut=true");
  }
}
