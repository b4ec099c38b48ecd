package dk.medborger.lms.ui.common;

import dk.medborger.lms.platform.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What the layout's time-out warning needs to know of the signed-in session (WCAG 2.2.1): how long
 * it lasts without a request, and how long before its end the page warns. The page's script ({@code
 * session.js}) counts from these, so a shorter {@code MEDBORGER_SESSION_TIMEOUT_MINUTES} needs no
 * other change.
 *
 * <pre>
 * &lt;div id="session-warning" data-seconds="#{sessionTime.seconds}" …&gt;
 * </pre>
 */
@Named
@RequestScoped
public class SessionTime {

  @Inject HttpServletRequest request;

  /** Seconds the session lasts without a request; 0 without a session. */
  public int getSeconds() {
    HttpSession session = request.getSession(false);
    return session == null ? 0 : session.getMaxInactiveInterval();
  }

  /** Seconds before the end at which the page warns. */
  public int getWarningSeconds() {
    return Sessions.warningSeconds(getSeconds());
  }

  /** The same in whole minutes, rounded up, as the warning says it. */
  public int getWarningMinutes() {
    return (getWarningSeconds() + 59) / 60;
  }
}
