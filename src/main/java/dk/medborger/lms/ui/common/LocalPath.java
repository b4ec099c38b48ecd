package dk.medborger.lms.ui.common;

/** Where a redirect may lead: only a path of this application, never another site. */
public final class LocalPath {

  private LocalPath() {}

  /** {@code path} if it is a local path ("/..." but not "//..." or "/\..."), else "/". */
  public static String orHome(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.startsWith("//")
        || path.startsWith("/\\")
        || path.contains("\r")
        || path.contains("\n")) {
      return "/";
    }
    return path;
  }
}
