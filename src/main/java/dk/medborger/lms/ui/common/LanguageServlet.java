package dk.medborger.lms.ui.common;

import dk.medborger.lms.identity.boundary.LoginMechanism;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.identity.boundary.UserAccounts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /language?to=en&back=/learner/dashboard.xhtml}: switches the page language, remembers
 * it for a signed-in user, and returns to the page (only pages of this application).
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject UserAccounts accounts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String chosen = "en".equals(request.getParameter("to")) ? "en" : "da";
    request.getSession(true).setAttribute(LoginMechanism.LANGUAGE, chosen);
    signedIn.caller().ifPresent(c -> accounts.changeLanguage(c.userId(), chosen));
    response.sendRedirect(
        request.getContextPath() + LocalPath.orHome(request.getParameter("back")));
  }
}
