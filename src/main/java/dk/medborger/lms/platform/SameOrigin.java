package dk.medborger.lms.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * Whether a state-changing request comes from a page of this application: the browser's {@code
 * Sec-Fetch-Site} says "same-origin", or, from a browser that does not send it, the {@code Origin}
 * names this host. A request with neither fails: browsers send one of them with every form post and
 * script request from this application's pages. {@link RequestGuard} asks it of every
 * state-changing request (POST, PUT, DELETE, ...), the quiz answer API's included: the one place
 * that decides.
 */
public final class SameOrigin {

  private SameOrigin() {}

  public static boolean check(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin");
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getHeader("Host");
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
