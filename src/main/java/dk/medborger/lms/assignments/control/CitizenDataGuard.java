package dk.medborger.lms.assignments.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds citizens' personal data that staff must not put into a course system: Danish CPR numbers
 * ({@code ddmmyy-xxxx} with or without the dash, only real dates, the century read from the seventh
 * digit as the CPR register does), Danish phone numbers and e-mail addresses. Pure Java: the text
 * is checked where it is and sent nowhere.
 *
 * <p>Rich text (ADR 32) is checked as a reader sees it: the text without its tags, inline tags
 * joined ({@code 12<b>0</b>345-6789} is found), blocks apart (a number split over two paragraphs is
 * two numbers), and the addresses of its links ({@code mailto:}, a CPR number in a query). Its
 * redaction changes only the text and drops a link whose address holds the finding, so the markup
 * stays whole.
 *
 * <pre>
 * List&lt;Finding&gt; found = CitizenDataGuard.check("Borgeren (120356-1234) ringede");
 * String clean = CitizenDataGuard.redact(text, found.get(0).match(), "[fjernet]");
 * List&lt;Finding&gt; inHtml = CitizenDataGuard.checkHtml("&lt;p&gt;12&lt;b&gt;0&lt;/b&gt;356-1234&lt;/p&gt;");
 * String cleanHtml = CitizenDataGuard.redactHtml(html, inHtml.get(0).match(), "[fjernet]");
 * </pre>
 */
public final class CitizenDataGuard {

  private CitizenDataGuard() {}

  /** What kind of personal data was found. */
  public enum Kind {
    CPR,
    PHONE,
    EMAIL
  }

  /**
   * A finding: what it is, the text found, where, the words around it (plain text), and whether it
   * is in a link's address rather than in the text (then {@code start}/{@code end} are the link's
   * text and {@code context} is the address).
   */
  public record Finding(
      Kind kind, String match, int start, int end, String context, boolean inLink) {}

  private static final Set<String> INLINE = Set.of("strong", "em");

  /** How many characters on each side of a finding its context shows. */
  public static final int CONTEXT = 30;

  private static final Pattern CPR =
      Pattern.compile("(?<![\\d-])(\\d{2})(\\d{2})(\\d{2})-?(\\d)(\\d{3})(?![\\d-])");

  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\d+])(?:(?:\\+|00)45[ ]?)?(?:\\d{8}|\\d{4} \\d{4}|\\d{2} \\d{2} \\d{2} \\d{2})(?!\\d)");

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}");

  public static List<Finding> check(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    Matcher cpr = CPR.matcher(text);
    while (cpr.find()) {
      if (validCprDate(cpr.group(1), cpr.group(2), cpr.group(3), cpr.group(4))) {
        found.add(finding(Kind.CPR, text, cpr));
      }
    }
    Matcher mail = EMAIL.matcher(text);
    while (mail.find()) {
      found.add(finding(Kind.EMAIL, text, mail));
    }
    Matcher phone = PHONE.matcher(text);
    while (phone.find()) {
      Finding f = finding(Kind.PHONE, text, phone);
      if (found.stream().noneMatch(o -> o.start() < f.end() && f.start() < o.end())) {
        found.add(f);
      }
    }
    found.sort(Comparator.comparingInt(Finding::start));
    return List.copyOf(found);
  }

  /** Whether the first six digits of a CPR number are a real date (century from digit seven). */
  static boolean validCprDate(String dd, String mm, String yy, String seventh) {
    int year = Integer.parseInt(yy);
    int s = Integer.parseInt(seventh);
    int century;
    if (s <= 3) {
      century = 1900;
    } else if (s == 4 || s == 9) {
      century = year <= 36 ? 2000 : 1900;
    } else {
      century = year <= 57 ? 2000 : 1800;
    }
    try {
      LocalDate.of(century + year, Integer.parseInt(mm), Integer.parseInt(dd));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * What {@link #check} finds in rich text's content (as {@link SubmissionTextPolicy#text} reads
   * it, offsets in that) and in its links' addresses, percent-decoded; a finding in an address is
   * left out when its link's own text shows the same, which redacting removes from both.
   */
  public static List<Finding> checkHtml(String html) {
    HtmlText doc = HtmlText.of(SubmissionTextPolicy.sanitise(html));
    List<Finding> found = new ArrayList<>(check(doc.content()));
    List<Finding> inText = List.copyOf(found);
    for (HtmlText.Link link : doc.links()) {
      for (Finding f : check(decoded(link.href()))) {
        boolean shown =
            inText.stream()
                .anyMatch(
                    t ->
                        t.match().equals(f.match())
                            && t.start() >= link.start()
                            && t.end() <= link.end());
        if (!shown) {
          found.add(new Finding(f.kind(), f.match(), link.start(), link.end(), f.context(), true));
        }
      }
    }
    found.sort(Comparator.comparingInt(Finding::start));
    return List.copyOf(found);
  }

  /**
   * Rich text with every occurrence of {@code match} in its content replaced by {@code marker}: the
   * marker where the occurrence begins, the rest of it taken out of the texts it runs through,
   * every tag kept; a link whose address holds {@code match} loses its address (its text stays).
   * The result is sanitised again.
   */
  public static String redactHtml(String html, String match, String marker) {
    if (html == null || match == null || match.isEmpty()) {
      return html;
    }
    HtmlText doc = HtmlText.of(SubmissionTextPolicy.sanitise(html));
    List<int[]> ranges = new ArrayList<>();
    String content = doc.content();
    for (int at = content.indexOf(match);
        at >= 0;
        at = content.indexOf(match, at + match.length())) {
      ranges.add(new int[] {at, at + match.length()});
    }
    Set<Integer> unlinked = new HashSet<>();
    for (HtmlText.Link link : doc.links()) {
      if (decoded(link.href()).contains(match)) {
        unlinked.add(link.open());
        unlinked.add(link.close());
      }
    }
    List<HtmlText.Token> out = new ArrayList<>();
    boolean[] marked = new boolean[ranges.size()];
    List<HtmlText.Token> tokens = doc.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      HtmlText.Token token = tokens.get(i);
      if (unlinked.contains(i)) {
        continue;
      }
      if (token instanceof HtmlText.Text t) {
        StringBuilder kept = new StringBuilder();
        int from = t.start();
        for (int r = 0; r < ranges.size(); r++) {
          int start = Math.max(ranges.get(r)[0], t.start());
          int end = Math.min(ranges.get(r)[1], t.end());
          if (start >= end) {
            continue;
          }
          kept.append(content, from, start);
          if (!marked[r]) {
            kept.append(marker);
            marked[r] = true;
          }
          from = end;
        }
        kept.append(content, from, t.end());
        if (!kept.isEmpty()) {
          out.add(new HtmlText.Text(kept.toString(), t.start()));
        }
      } else if (token instanceof HtmlText.Close c
          && !out.isEmpty()
          && out.get(out.size() - 1) instanceof HtmlText.Open o
          && o.name().equals(c.name())
          && INLINE.contains(c.name())) {
        out.remove(out.size() - 1); // emptied by the redaction: no empty <strong></strong> left
      } else {
        out.add(token);
      }
    }
    return SubmissionTextPolicy.sanitise(HtmlText.render(out));
  }

  /** A link's address as it is read: percent-escapes decoded where they are valid. */
  private static String decoded(String href) {
    if (href == null) {
      return "";
    }
    try {
      return URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return href;
    }
  }

  /** The text with every occurrence of {@code match} replaced by {@code marker}. */
  public static String redact(String text, String match, String marker) {
    if (text == null || match == null || match.isEmpty()) {
      return text;
    }
    return text.replace(match, marker);
  }

  private static Finding finding(Kind kind, String text, Matcher m) {
    int from = Math.max(0, m.start() - CONTEXT);
    int to = Math.min(text.length(), m.end() + CONTEXT);
    String context =
        (from > 0 ? "…" : "")
            + text.substring(from, to).replaceAll("\\s+", " ").strip()
            + (to < text.length() ? "…" : "");
    return new Finding(kind, m.group(), m.start(), m.end(), context, false);
  }
}
