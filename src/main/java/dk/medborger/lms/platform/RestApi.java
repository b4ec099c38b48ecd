package dk.medborger.lms.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The application's HTTP API under {@code /api}: the quiz page's answer saves now, the HR systems'
 * report API next. Each resource checks its caller itself (a session or, later, a token) and
 * answers in JSON, never with a redirect to the login page.
 */
@ApplicationPath("api")
public class RestApi extends Application {}
