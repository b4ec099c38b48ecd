package dk.medborger.lms.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie {@code Secure} at start-up when the operator says the application is
 * served over TLS ({@code MEDBORGER_SECURE_COOKIES=true}, see {@link Transport}). Payara marks it
 * by itself when it terminates TLS itself.
 */
@WebListener
public class SecureCookies implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (Transport.secureCookies()) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }
}
