package dk.medborger.lms.courses.control;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What lesson HTML may contain: headings, text, lists, quotes, images from this application only (a
 * path such as {@code /course-media/...}, never another site), tables and links (http, https,
 * mailto; opened with {@code rel="noopener noreferrer"}). Everything else — scripts, styles, event
 * handlers, iframes — is removed on the server, both when the content is stored and when it is read
 * to be shown (CourseCatalog keeps the sanitised form per course version).
 *
 * <pre>
 * String safe = LessonContentPolicy.sanitise(untrustedHtml);
 * </pre>
 */
public final class LessonContentPolicy {

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "h2",
              "h3",
              "h4",
              "p",
              "br",
              "hr",
              "ul",
              "ol",
              "li",
              "strong",
              "em",
              "b",
              "i",
              "blockquote",
              "figure",
              "figcaption",
              "img",
              "a",
              "code",
              "pre",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "caption",
              "abbr",
              "dl",
              "dt",
              "dd")
          .allowUrlProtocols("https", "http", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("noopener", "noreferrer")
          .allowAttributes("src")
          .matching(LessonContentPolicy::isLocal)
          .onElements("img")
          .allowAttributes("alt", "width", "height")
          .onElements("img")
          .allowAttributes("title")
          .onElements("abbr")
          .allowAttributes("scope")
          .onElements("th")
          .allowAttributes("lang")
          .globally()
          .toFactory();

  private LessonContentPolicy() {}

  /** A path of this application: no scheme, not protocol-relative ("//host"), no backslash. */
  static boolean isLocal(String url) {
    return url != null
        && !url.isBlank()
        && !url.contains(":")
        && !url.startsWith("//")
        && !url.contains("\\");
  }

  public static String sanitise(String html) {
    return POLICY.sanitize(html == null ? "" : html);
  }
}
