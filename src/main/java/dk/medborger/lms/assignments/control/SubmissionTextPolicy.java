package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.entity.TextFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * What a learner's answer text may contain (ADR 32): paragraphs, line breaks, bold, italic,
 * bulleted and numbered lists, one level of heading ({@code h3}) and links to http, https and
 * mailto addresses, opened with {@code rel="noopener noreferrer"}. Everything else — scripts,
 * styles, event handlers, images, iframes, other attributes — is removed on the server, when a
 * draft is saved, when it is handed in, and again whenever the text is shown or exported. {@code
 * b}/{@code i} become {@code strong}/{@code em}, other headings {@code h3}, {@code div} a
 * paragraph; the no-break spaces the browser's editor writes for every space become spaces.
 *
 * <pre>
 * String stored = SubmissionTextPolicy.sanitise(untrustedHtml);
 * String shown = SubmissionTextPolicy.display(stored, TextFormat.HTML, 4); // under an h3
 * int length = SubmissionTextPolicy.text(stored).length(); // text, not tags
 * </pre>
 */
public final class SubmissionTextPolicy {

  /**
   * The most HTML a draft may be before it is even read, tags included: five times the text limit
   * ({@link SubmissionRecords#MAX_TEXT}), room for formatting but not for a pasted document's
   * markup.
   */
  public static final int MAX_HTML = 1_000_000;

  /** Only absolute addresses: a learner's link never points into this application. */
  private static final Pattern LINK =
      Pattern.compile("(?i)\\s*(?:https?://|mailto:)\\S.*", Pattern.DOTALL);

  private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

  private static final PolicyFactory STORED = policy("h3");

  /** Output policies by the level the text's headings take where it is shown. */
  private static final Map<Integer, PolicyFactory> SHOWN =
      Map.of(2, policy("h2"), 3, STORED, 4, policy("h4"), 5, policy("h5"), 6, policy("h6"));

  private SubmissionTextPolicy() {}

  private static PolicyFactory policy(String heading) {
    return new HtmlPolicyBuilder()
        .allowElements("p", "br", "strong", "em", "ul", "ol", "li", "a")
        .allowElements((name, attributes) -> "strong", "b")
        .allowElements((name, attributes) -> "em", "i")
        .allowElements((name, attributes) -> "p", "div")
        .allowElements((name, attributes) -> heading, HEADINGS)
        .allowUrlProtocols("https", "http", "mailto")
        .allowAttributes("href")
        .matching(LINK)
        .onElements("a")
        .requireRelsOnLinks("noopener", "noreferrer")
        .toFactory();
  }

  /** The form a text is stored in: sanitised, spaces normal; "" for null. */
  public static String sanitise(String html) {
    return run(STORED, html == null ? "" : html);
  }

  /**
   * A stored text made ready to show: plain text escaped into paragraphs, HTML sanitised again
   * (defence in depth), its headings at {@code headingLevel} (2–6) to fit the page around it.
   */
  public static String display(String stored, TextFormat format, int headingLevel) {
    PolicyFactory policy = SHOWN.get(headingLevel);
    if (policy == null) {
      throw new IllegalArgumentException("heading level " + headingLevel);
    }
    return run(policy, asHtml(stored, format));
  }

  /** A stored text as HTML to edit or hand in: plain text escaped into paragraphs, sanitised. */
  public static String html(String stored, TextFormat format) {
    return sanitise(asHtml(stored, format));
  }

  private static String asHtml(String stored, TextFormat format) {
    if (stored == null) {
      return "";
    }
    return format == TextFormat.PLAIN ? fromPlain(stored) : stored;
  }

  /**
   * Plain text as HTML that reads the same: escaped, a paragraph per blank-line-separated part, a
   * {@code <br>} per single line break — what {@code white-space: pre-line} showed before.
   */
  public static String fromPlain(String plain) {
    if (plain == null || plain.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder(plain.length() + 32);
    HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
    renderer.openDocument();
    String normal = plain.replace("\r\n", "\n").replace('\r', '\n');
    for (String paragraph : normal.split("\n[ \t]*\n\\s*")) {
      if (paragraph.isBlank()) {
        continue;
      }
      renderer.openTag("p", new ArrayList<>());
      String[] lines = paragraph.strip().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          renderer.openTag("br", new ArrayList<>());
        }
        renderer.text(lines[i]);
      }
      renderer.closeTag("p");
    }
    renderer.closeDocument();
    return out.toString();
  }

  /**
   * The text a reader sees in sanitised HTML, without tags: blocks on lines of their own. What
   * length limits count, and what the citizen data guard reads.
   */
  public static String text(String sanitised) {
    return HtmlText.of(sanitised).content();
  }

  /** Whether sanitised HTML holds no text to read (empty paragraphs, line breaks, spaces). */
  public static boolean blank(String sanitised) {
    return sanitised == null || text(sanitised).isBlank();
  }

  /**
   * A stored text as a small HTML document of its own, safe to open from an export: sanitised, a
   * content security policy that allows no script, image or frame, the title as its first heading
   * and the text's headings one level below.
   */
  public static String document(String title, String stored, TextFormat format) {
    StringBuilder head = new StringBuilder();
    HtmlStreamRenderer escaped = HtmlStreamRenderer.create(head, Handler.DO_NOTHING);
    escaped.openDocument();
    escaped.text(title);
    escaped.closeDocument();
    return "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\""
        + " content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + "<title>"
        + head
        + "</title>\n"
        + "<style>body{font-family:sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;"
        + "padding:0 1rem}</style>\n</head>\n<body>\n<h1>"
        + head
        + "</h1>\n"
        + display(stored, format, 2)
        + "\n</body>\n</html>\n";
  }

  private static String run(PolicyFactory policy, String html) {
    StringBuilder out = new StringBuilder(html.length() + 16);
    HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
    HtmlSanitizer.sanitize(html, policy.apply(new NormalSpaces(renderer)));
    return out.toString();
  }

  /** Passes the sanitiser's output on with no-break spaces made normal spaces. */
  private record NormalSpaces(HtmlStreamEventReceiver next) implements HtmlStreamEventReceiver {

    @Override
    public void openDocument() {
      next.openDocument();
    }

    @Override
    public void closeDocument() {
      next.closeDocument();
    }

    @Override
    public void openTag(String name, List<String> attributes) {
      next.openTag(name, attributes);
    }

    @Override
    public void closeTag(String name) {
      next.closeTag(name);
    }

    @Override
    public void text(String text) {
      next.text(text.replace('\u00A0', ' '));
    }
  }
}
