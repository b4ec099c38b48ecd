package dk.medborger.lms.ui.common;

import java.util.Optional;

/**
 * Where a redirect may lead: only a path of this application, never another site.
 *
 * <pre>
 * response.sendRedirect(contextPath + LocalPath.orHome(request.getParameter("back")));
 * </pre>
 */
public final class LocalPath {

  /** Longer paths are not taken: a return address is a page of ours, not a payload. */
  static final int LONGEST = 1000;

  private LocalPath() {}

  /**
   * {@code path} if it is a local path: starts with one "/" (not "//" or "/\"), holds no backslash
   * or control character, and is at most {@value #LONGEST} characters long.
   */
  public static Optional<String> of(String path) {
    if (path == null
        || path.length() > LONGEST
        || !path.startsWith("/")
        || path.startsWith("//")
        || path.indexOf('\\') >= 0
        || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.empty();
    }
    return Optional.of(path);
  }

  /** {@code path} if it is a local path (see {@link #of}), else "/". */
  public static String orHome(String path) {
    return of(path).orElse("/");
  }
}
