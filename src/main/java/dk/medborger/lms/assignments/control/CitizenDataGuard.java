package dk.medborger.lms.assignments.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds citizens' personal data that staff must not put into a course system: Danish CPR numbers
 * ({@code ddmmyy-xxxx} with or without the dash, only real dates, the century read from the seventh
 * digit as the CPR register does), Danish phone numbers and e-mail addresses. Pure Java: the text
 * is checked where it is and sent nowhere.
 *
 * <pre>
 * List&lt;Finding&gt; found = CitizenDataGuard.check("Borgeren (120356-1234) ringede");
 * String clean = CitizenDataGuard.redact(text, found.get(0).match(), "[fjernet]");
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

  /** A finding: what it is, the text found, where, and the words around it. */
  public record Finding(Kind kind, String match, int start, int end, String context) {}

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
            + text.substring(from, to).replaceAll("\\s+", " ")
            + (to < text.length() ? "…" : "");
    return new Finding(kind, m.group(), m.start(), m.end(), context);
  }
}
