package dk.medborger.lms.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first thing every request meets (web.xml maps it before everything else): it adds the
 * security headers, refuses a state-changing request that does not come from this application's
 * pages ({@link SameOrigin}, fail closed), a GET that carries a Faces view state (Faces would take
 * it for a postback), a body that is too large and a {@code /metrics} request without the
 * monitoring token; and it turns the expected failures below it (an expired or forged view, a
 * database that does not answer) into the application's friendly pages with a 4xx or 503 and one
 * log line instead of a stack trace.
 */
public class RequestGuard implements Filter {

  private static final Logger LOG = Logger.getLogger(RequestGuard.class.getName());

  /** Payara's own limit for a form body (max-post-size) is 2 MB: larger ones are refused here. */
  static final long MAX_BODY = 2L * 1024 * 1024;

  /**
   * The file forms (ADR 26, 16) take larger bodies, multipart only: their servlets count each file
   * against its own limit as it arrives (an assignment's at most 100 MB, a feedback file's 20 MB),
   * with a little room for the form's other fields.
   */
  static final Map<String, Long> UPLOADS =
      Map.of(
          "/learner/assignment-upload", 101L * 1024 * 1024,
          "/instructor/feedback-upload", 21L * 1024 * 1024);

  /** A refused body up to this size is read and dropped, so the client gets to read the 413. */
  static final long MAX_DRAINED = 32L * 1024 * 1024;

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /**
   * PrimeFaces and Faces' own ajax write inline scripts and event handlers, so scripts are limited
   * to this application but inline ones are allowed (ADR 20); everything else comes from the
   * application only, images included.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    addHeaders(request, response, path);

    if (path.equals("/metrics") || path.startsWith("/metrics/")) {
      if (!monitoringTokenGiven(request)) {
        response.setHeader("WWW-Authenticate", "Bearer");
        response.sendError(401);
        return;
      }
    }
    boolean safe = SAFE_METHODS.contains(request.getMethod());
    if (!safe && !SameOrigin.check(request)) {
      LOG.warning(
          () ->
              "refused a cross-site "
                  + request.getMethod()
                  + " of "
                  + path
                  + " from "
                  + Transport.clientAddress(request)
                  + " (Origin "
                  + request.getHeader("Origin")
                  + ", Sec-Fetch-Site "
                  + request.getHeader("Sec-Fetch-Site")
                  + ")");
      FriendlyError.CROSS_SITE.show(request, response);
      return;
    }
    String query = request.getQueryString();
    if (safe && query != null && query.contains("ViewState")) {
      // A link that would make Faces run a form's action: GET never changes anything.
      FriendlyError.BAD_REQUEST.show(request, response);
      return;
    }
    long length = request.getContentLengthLong();
    if (length > maxBody(request, path)) {
      LOG.warning(() -> "refused a body of " + length + " bytes for " + path);
      drain(request, response, length);
      FriendlyError.TOO_LARGE.show(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      FriendlyError answer = expected(e);
      if (e instanceof OutOfMemoryError) {
        MemoryHealth.outOfMemory();
      }
      if (answer == null || response.isCommitted()) {
        throw e;
      }
      LOG.warning(
          () ->
              path
                  + ": "
                  + answer
                  + " ("
                  + rootCause(e).getClass().getSimpleName()
                  + ": "
                  + firstLine(rootCause(e).getMessage())
                  + ")");
      answer.show(request, response);
    }
  }

  private static void addHeaders(
      HttpServletRequest request, HttpServletResponse response, String path) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    if (Transport.secure(request)) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (!isStaticResource(path)) {
      // Pages may show a signed-in person's data: Back after logout must not show them again.
      response.setHeader("Cache-Control", "no-store");
    }
  }

  /** The largest body taken for this request: a file form's limit, else {@link #MAX_BODY}. */
  static long maxBody(HttpServletRequest request, String path) {
    String type = request.getContentType();
    Long upload = UPLOADS.get(path);
    return upload != null
            && "POST".equals(request.getMethod())
            && type != null
            && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
        ? upload
        : MAX_BODY;
  }

  static boolean isStaticResource(String path) {
    return path.startsWith("/jakarta.faces.resource/")
        || path.startsWith("/resources/")
        || path.startsWith("/course-media/");
  }

  /** The answer for an expected failure, or null for one that is a real error. */
  static FriendlyError expected(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return FriendlyError.EXPIRED;
      }
      if (t.getClass().getName().endsWith("BulkheadException")) {
        return FriendlyError.BUSY;
      }
    }
    return Database.isUnavailable(e) ? FriendlyError.UNAVAILABLE : null;
  }

  private static boolean monitoringTokenGiven(HttpServletRequest request) {
    String token =
        ConfigProvider.getConfig()
            .getOptionalValue("medborger.metrics-token", String.class)
            .orElse("");
    String given = request.getHeader("Authorization");
    return !token.isBlank()
        && given != null
        && MessageDigest.isEqual(
            ("Bearer " + token).getBytes(StandardCharsets.UTF_8),
            given.trim().getBytes(StandardCharsets.UTF_8));
  }

  private static void drain(HttpServletRequest request, HttpServletResponse response, long length)
      throws IOException {
    if (length > MAX_DRAINED) {
      response.setHeader("Connection", "close");
      return;
    }
    byte[] buffer = new byte[65536];
    try (InputStream in = request.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // dropped
      }
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
