package dk.medborger.lms.courses.control;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What lesson HTML may contain: headings, text, lists, quotes, images, tables and links (http,
 * https, mailto; opened with {@code rel="noopener noreferrer"}). Everything else — scripts, styles,
 * event handlers, iframes — is removed on the server before the content is stored or shown.
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
          .allowAttributes("src", "alt", "width", "height")
          .onElements("img")
          .allowAttributes("title")
          .onElements("abbr")
          .allowAttributes("scope")
          .onElements("th")
          .allowAttributes("lang")
          .globally()
          .toFactory();

  private LessonContentPolicy() {}

  public static String sanitise(String html) {
    return POLICY.sanitize(html == null ? "" : html);
  }
}
