package dk.medborger.lms.quizzes.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares a typed short answer with an accepted one the way a teacher expects: case, surrounding
 * spaces and runs of spaces do not matter, and {@code *} in the accepted answer stands for any
 * characters (none too); {@code \*} is a literal star.
 *
 * <pre>
 * ShortAnswers.matches("ÆBLE", "  æble ");          // true
 * ShortAnswers.matches("H.C. Andersen", "h.c.  andersen"); // true; "hXcX andersen" is not
 * ShortAnswers.matches("*sen", "Andersen");         // true
 * </pre>
 *
 * <p>Case is folded with {@link Locale#ROOT} so the server's default locale (a Turkish one, say)
 * cannot change a grade; both sides are put in Unicode NFC first, so an "å" typed as "a" plus a
 * combining ring equals a precomposed one.
 */
public final class ShortAnswers {

  private static final Pattern SPACE =
      Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern EDGE_SPACE =
      Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$", Pattern.UNICODE_CHARACTER_CLASS);

  private ShortAnswers() {}

  /** The form two answers are compared in: NFC, trimmed, single spaces, case folded. */
  public static String normalise(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    String spaced = SPACE.matcher(nfc).replaceAll(" ").strip();
    // Upper then lower folds more than lower alone: "ß" and "SS", the long "ſ" and "s" meet.
    return spaced.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code answer} is what the accepted {@code pattern} allows; null answers never are. */
  public static boolean matches(String pattern, String answer) {
    if (pattern == null || answer == null) {
      return false;
    }
    return wildcard(normalise(pattern)).matcher(normalise(answer)).matches();
  }

  /** Trims every kind of space, the no-break space too, which {@link String#strip} keeps. */
  static String stripSpace(String text) {
    return EDGE_SPACE.matcher(text).replaceAll("");
  }

  private static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        literal.append('*');
        i++;
      } else if (c == '*') {
        regex.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
