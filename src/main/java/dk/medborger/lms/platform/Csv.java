package dk.medborger.lms.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Cells of CSV files for spreadsheets (Danish Excel: {@code ;} between cells, UTF-8 with BOM):
 * {@code Csv.cell(name)}, {@code Csv.dateTime(at)}, {@code Csv.number(points)}. One place for
 * quoting, for defusing formulas and for the Danish way of writing dates and decimals.
 */
public final class Csv {

  /** The byte order mark Excel needs to read UTF-8. */
  public static final char BOM = '\uFEFF';

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(Clocks.DANISH_TIME);

  /** A moment as Danish Excel reads it, in Danish time: {@code 02-12-2026 14:05}; null is empty. */
  public static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  /** A decimal with a decimal comma, {@code 6,5}; null is empty. */
  public static String number(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private Csv() {}

  /**
   * A text cell: quoted when it holds a separator, a quote or a line break, and a leading {@code =
   * + - @}, tab or carriage return defused with an apostrophe, so a spreadsheet never runs it as a
   * formula (CSV injection).
   */
  public static String cell(String text) {
    if (text == null) {
      return "";
    }
    String safe = text.matches("(?s)^[=+\\-@\\t\\r].*") ? "'" + text : text;
    return safe.matches("(?s).*[;\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
