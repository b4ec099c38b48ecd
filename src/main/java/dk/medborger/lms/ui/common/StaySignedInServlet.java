package dk.medborger.lms.ui.common;

import dk.medborger.lms.platform.Sessions;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /session}: "stay signed in", the button of the time-out warning. The request itself
 * extends the signed-in session on the server; the answer says for how long, {@code
 * {"seconds":1800,"warningSeconds":120}}. Without a signed-in session: 401 {@code
 * {"signedIn":false}}, and no session is opened (ADR 18). A POST, so that only this application's
 * pages can send it (RequestGuard, ADR 20); GET answers 405.
 */
@WebServlet("/session")
public class StaySignedInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    // The login mechanism has announced the session's caller to the container by now.
    if (session == null || request.getUserPrincipal() == null) {
      response.setStatus(401);
      response.getWriter().write("{\"signedIn\":false}");
      return;
    }
    int seconds = session.getMaxInactiveInterval();
    response
        .getWriter()
        .write(
            "{\"seconds\":"
                + seconds
                + ",\"warningSeconds\":"
                + Sessions.warningSeconds(seconds)
                + "}");
  }
}
