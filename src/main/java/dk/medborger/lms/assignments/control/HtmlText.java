package dk.medborger.lms.assignments.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.owasp.html.Handler;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamRenderer;

/**
 * Sanitised rich text read as its tags and texts, with the text a reader sees in it: the texts in
 * order, a line break between blocks (paragraphs, list items, headings, {@code <br>}) and none
 * between inline tags, so that {@code 12<b>0</b>345-6789} reads {@code 120345-6789}. Each text
 * knows where it starts in that content, and each link which part of it is its text, so that a
 * change to the content (a redaction) can be made in the texts without touching the tags. Read
 * through the OWASP sanitiser's own lexer: no second HTML parser.
 */
final class HtmlText {

  /** A start tag, an end tag or a text (its characters, not escaped). */
  sealed interface Token permits Open, Close, Text {}

  /** A start tag and its attributes as name, value, name, value … */
  record Open(String name, List<String> attributes) implements Token {

    String attribute(String wanted) {
      for (int i = 0; i + 1 < attributes.size(); i += 2) {
        if (attributes.get(i).equals(wanted)) {
          return attributes.get(i + 1);
        }
      }
      return null;
    }
  }

  record Close(String name) implements Token {}

  /** A text and where it starts in {@link #content()}. */
  record Text(String text, int start) implements Token {

    int end() {
      return start + text.length();
    }
  }

  /**
   * A link: the index of its start tag among the tokens (and of its end tag, -1 when none), its
   * address, and where its text is in the content.
   */
  record Link(int open, int close, String href, int start, int end) {}

  private static final Set<String> BLOCKS = Set.of("p", "li", "ul", "ol", "h3", "div");

  private final List<Token> tokens;
  private final String content;
  private final List<Link> links;

  private HtmlText(List<Token> tokens, String content, List<Link> links) {
    this.tokens = tokens;
    this.content = content;
    this.links = links;
  }

  /** Reads HTML as {@link SubmissionTextPolicy#sanitise} leaves it (well-formed, few tags). */
  static HtmlText of(String sanitised) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder content = new StringBuilder();
    List<Link> links = new ArrayList<>();
    Deque<Integer> openLinks = new ArrayDeque<>();
    HtmlSanitizer.sanitize(
        sanitised == null ? "" : sanitised,
        new HtmlSanitizer.Policy() {
          @Override
          public void openDocument() {}

          @Override
          public void closeDocument() {}

          @Override
          public void openTag(String name, List<String> attributes) {
            if (name.equals("br")) {
              content.append('\n');
            } else if (BLOCKS.contains(name)) {
              lineBreak(content);
            }
            if (name.equals("a")) {
              openLinks.push(tokens.size());
            }
            tokens.add(new Open(name, List.copyOf(attributes)));
          }

          @Override
          public void closeTag(String name) {
            if (BLOCKS.contains(name)) {
              lineBreak(content);
            }
            if (name.equals("a") && !openLinks.isEmpty()) {
              int open = openLinks.pop();
              links.add(link(tokens, open, tokens.size(), content.length()));
            }
            tokens.add(new Close(name));
          }

          @Override
          public void text(String text) {
            tokens.add(new Text(text, content.length()));
            content.append(text);
          }
        });
    while (!openLinks.isEmpty()) {
      links.add(link(tokens, openLinks.pop(), -1, content.length()));
    }
    links.sort((a, b) -> Integer.compare(a.open(), b.open()));
    int end = content.length();
    int lastText = 0;
    for (Token token : tokens) {
      if (token instanceof Text t) {
        lastText = t.end();
      }
    }
    while (end > lastText && content.charAt(end - 1) == '\n') {
      end--; // the line breaks of closing blocks, after the last text
    }
    return new HtmlText(List.copyOf(tokens), content.substring(0, end), List.copyOf(links));
  }

  private static Link link(List<Token> tokens, int open, int close, int contentEnd) {
    Open tag = (Open) tokens.get(open);
    int start = contentEnd;
    for (int i = open + 1; i < tokens.size(); i++) {
      if (tokens.get(i) instanceof Text t) {
        start = t.start();
        break;
      }
    }
    return new Link(open, close, tag.attribute("href"), Math.min(start, contentEnd), contentEnd);
  }

  private static void lineBreak(StringBuilder content) {
    if (!content.isEmpty() && content.charAt(content.length() - 1) != '\n') {
      content.append('\n');
    }
  }

  List<Token> tokens() {
    return tokens;
  }

  /** The text a reader sees: texts in order, blocks on lines of their own. */
  String content() {
    return content;
  }

  List<Link> links() {
    return links;
  }

  /** Writes tokens back as HTML, escaping texts and attribute values. */
  static String render(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
    renderer.openDocument();
    for (Token token : tokens) {
      if (token instanceof Open o) {
        renderer.openTag(o.name(), new ArrayList<>(o.attributes()));
      } else if (token instanceof Close c) {
        renderer.closeTag(c.name());
      } else if (token instanceof Text t) {
        renderer.text(t.text());
      }
    }
    renderer.closeDocument();
    return out.toString();
  }
}
