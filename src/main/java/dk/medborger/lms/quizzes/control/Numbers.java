package dk.medborger.lms.quizzes.control;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads a number as a Danish or English learner types it: a decimal comma or point, an optional
 * sign, and thousands grouped by the other separator.
 *
 * <pre>
 * Numbers.parse(" 3,5 ");      // 3.5
 * Numbers.parse("1.234,5");    // 1234.5
 * Numbers.parse("1.234");      // 1.234 (one separator alone is the decimal one)
 * Numbers.parse("1.234.567");  // 1234567 (a separator used twice groups thousands)
 * Numbers.parse("tre");        // empty
 * </pre>
 *
 * <p>Exponents, {@code NaN} and {@code Infinity} are not numbers here: {@link Double#parseDouble}
 * would accept them, a learner does not mean them.
 */
public final class Numbers {

  private Numbers() {}

  /**
   * The number in {@code text}, or empty when it is not one (null, blank, letters, bad grouping).
   */
  public static OptionalDouble parse(String text) {
    if (text == null) {
      return OptionalDouble.empty();
    }
    String s = ShortAnswers.stripSpace(text);
    if (s.isEmpty()) {
      return OptionalDouble.empty();
    }
    boolean negative = false;
    char first = s.charAt(0);
    if (first == '+' || first == '-' || first == '\u2212') {
      negative = first != '+';
      s = s.substring(1);
    }
    if (s.isEmpty() || !s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == ',')) {
      return OptionalDouble.empty();
    }
    int lastPoint = s.lastIndexOf('.');
    int lastComma = s.lastIndexOf(',');
    char decimal = decimalSeparator(s, lastPoint, lastComma);
    String integer = s;
    String fraction = "";
    if (decimal != 0) {
      int at = s.lastIndexOf(decimal);
      integer = s.substring(0, at);
      fraction = s.substring(at + 1);
    }
    char grouping =
        lastPoint >= 0 && decimal != '.' ? '.' : lastComma >= 0 && decimal != ',' ? ',' : 0;
    if (grouping != 0) {
      if (!wellGrouped(integer, grouping)) {
        return OptionalDouble.empty();
      }
      integer = integer.replace(String.valueOf(grouping), "");
    }
    if (integer.indexOf('.') >= 0 || integer.indexOf(',') >= 0) {
      return OptionalDouble.empty();
    }
    if (integer.isEmpty() && fraction.isEmpty()) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble((integer.isEmpty() ? "0" : integer) + "." + fraction + "0");
    if (!Double.isFinite(value)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(negative ? -value : value);
  }

  /**
   * With both separators the last one is the decimal one; with one kind only, it is decimal when it
   * appears once and grouping when it appears more often; 0 means none.
   */
  private static char decimalSeparator(String s, int lastPoint, int lastComma) {
    if (lastPoint >= 0 && lastComma >= 0) {
      return lastPoint > lastComma ? '.' : ',';
    }
    if (lastPoint >= 0) {
      return s.indexOf('.') == lastPoint ? '.' : 0;
    }
    if (lastComma >= 0) {
      return s.indexOf(',') == lastComma ? ',' : 0;
    }
    return 0;
  }

  /** 1 to 3 digits, then groups of exactly 3: "1.234.567", not "12.34" or ".123". */
  private static boolean wellGrouped(String integer, char grouping) {
    String[] groups = integer.split(Pattern.quote(String.valueOf(grouping)), -1);
    if (groups[0].isEmpty() || groups[0].length() > 3) {
      return false;
    }
    for (int i = 1; i < groups.length; i++) {
      if (groups[i].length() != 3) {
        return false;
      }
    }
    return true;
  }
}
