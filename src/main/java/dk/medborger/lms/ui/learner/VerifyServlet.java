package dk.medborger.lms.ui.learner;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public verification address a certificate's QR code opens, {@code /verify/CODE}: no login;
 * shows the page {@code /verify.xhtml} for the code. Guessing is impractical (130-bit codes) and
 * slowed further: one address may ask {@value #PER_MINUTE} times a minute, then gets 429.
 */
@WebServlet("/verify/*")
public class VerifyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final int PER_MINUTE = 30;

  /** Requests per client address in the current minute; the map is emptied every minute. */
  private static final ConcurrentMap<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

  private static volatile long minute;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    long now = System.currentTimeMillis() / 60_000;
    if (now != minute) {
      minute = now;
      SEEN.clear();
    }
    if (SEEN.size() > 100_000
        || SEEN.computeIfAbsent(request.getRemoteAddr(), a -> new AtomicInteger()).incrementAndGet()
            > PER_MINUTE) {
      response.setHeader("Retry-After", "60");
      response.sendError(429);
      return;
    }
    String code = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    request.setAttribute("verifyCode", code.toUpperCase(java.util.Locale.ROOT));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
    request.getRequestDispatcher("/verify.xhtml").forward(request, response);
  }

  /** This server's verification address, to which a code is appended. */
  static String base(HttpServletRequest request) {
    return request.getScheme()
        + "://"
        + request.getServerName()
        + (isDefaultPort(request) ? "" : ":" + request.getServerPort())
        + request.getContextPath()
        + "/verify/";
  }

  private static boolean isDefaultPort(HttpServletRequest request) {
    return (request.getScheme().equals("http") && request.getServerPort() == 80)
        || (request.getScheme().equals("https") && request.getServerPort() == 443);
  }
}
