package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginMechanism;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /logout}: ends the session (keeping the chosen language) and shows the login page.
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
      if (language != null) {
        request.getSession(true).setAttribute(LoginMechanism.LANGUAGE, language);
      }
    }
    response.sendRedirect(request.getContextPath() + "/login.xhtml?loggedOut=true");
  }
}
