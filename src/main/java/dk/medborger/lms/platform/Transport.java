package dk.medborger.lms.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How a request reached the application: over TLS or not, and from which client address. Behind a
 * TLS proxy the operator sets {@code MEDBORGER_SECURE_COOKIES=true} (cookies get {@code Secure},
 * every answer {@code Strict-Transport-Security}) and, when the proxy sets them, {@code
 * MEDBORGER_FORWARDED_HEADERS=true}: then {@code X-Forwarded-Proto} and the last address of {@code
 * X-Forwarded-For} are believed. Without that setting they are ignored, since any client can send
 * them.
 */
public final class Transport {

  private Transport() {}

  public static boolean secure(HttpServletRequest request) {
    return request.isSecure()
        || secureCookies()
        || (forwardedHeaders() && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
  }

  /** The client's address: the proxy's last {@code X-Forwarded-For} entry when it is trusted. */
  public static String clientAddress(HttpServletRequest request) {
    String forwarded = forwardedHeaders() ? request.getHeader("X-Forwarded-For") : null;
    if (forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty() && last.length() <= 45) {
        return last;
      }
    }
    return request.getRemoteAddr();
  }

  public static boolean secureCookies() {
    return flag("medborger.secure-cookies");
  }

  static boolean forwardedHeaders() {
    return flag("medborger.forwarded-headers");
  }

  private static boolean flag(String name) {
    return ConfigProvider.getConfig().getOptionalValue(name, Boolean.class).orElse(false);
  }
}
