package dk.medborger.lms.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * The answers the application gives instead of doing what a request asks, each with its status and
 * its text on the application's own error page ({@code error.<name>.title}, {@code
 * error.<name>.text} in the bundles).
 *
 * <pre>
 * FriendlyError.BUSY.show(request, response); // 503 and "try again in a moment"
 * </pre>
 */
public enum FriendlyError {
  /** A request the application does not understand, such as a GET that carries a view state. */
  BAD_REQUEST(400),
  /** A view that expired or was forged: the page must be opened again. */
  EXPIRED(400),
  /** A state-changing request that did not come from a page of this application. */
  CROSS_SITE(403),
  NOT_ALLOWED(405),
  TOO_LARGE(413),
  /** The database does not answer. */
  UNAVAILABLE(503),
  /** All password checks are in use: try again in a moment. */
  BUSY(503),
  /** As many people are signed in as the server takes (MEDBORGER_MAX_SESSIONS). */
  FULL(503);

  /** The request attribute the error page reads to choose its text. */
  public static final String ATTRIBUTE = "medborger.error";

  static final String PAGE = "/WEB-INF/errorpages/error.xhtml";

  private final int status;

  FriendlyError(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /**
   * Answers with this error's status and the application's error page. The page sees the request as
   * a plain GET without parameters, so Faces never takes it for a postback of the page that failed.
   */
  public void show(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    if (status == 503) {
      response.setHeader("Retry-After", "5");
    }
    request.setAttribute(ATTRIBUTE, name());
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"error\":\"" + name() + "\"}");
      return;
    }
    request.getRequestDispatcher(PAGE).forward(new WithoutParameters(request), response);
  }

  /** The failed request as the error page sees it: a GET with no parameters. */
  private static final class WithoutParameters extends HttpServletRequestWrapper {

    WithoutParameters(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getQueryString() {
      return null;
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }
  }
}
