package dk.medborger.lms.assignments.control;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What an assignment's instructions may contain: paragraphs, lists, emphasis and links (http,
 * https, mailto). Scripts, styles, event handlers and everything else are removed on the server
 * before the instructions are stored.
 *
 * <pre>
 * String safe = InstructionsPolicy.sanitise(untrustedHtml);
 * </pre>
 */
public final class InstructionsPolicy {

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h3", "a")
          .allowUrlProtocols("https", "http", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("noopener", "noreferrer")
          .allowAttributes("lang")
          .globally()
          .toFactory();

  private InstructionsPolicy() {}

  public static String sanitise(String html) {
    return POLICY.sanitize(html == null ? "" : html);
  }
}
