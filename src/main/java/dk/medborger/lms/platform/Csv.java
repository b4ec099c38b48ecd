package dk.medborger.lms.platform;

/**
 * Cells of CSV files for spreadsheets (Danish Excel: {@code ;} between cells, UTF-8 with BOM):
 * {@code Csv.cell(name)}. One place for quoting and for defusing formulas.
 */
public final class Csv {

  /** The byte order mark Excel needs to read UTF-8. */
  public static final char BOM = '\uFEFF';

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
