package dk.medborger.lms.ui.common;

import dk.medborger.lms.platform.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Times and numbers as the page's language writes them, in Danish time: {@code
 * #{dates.dateTime(attempt.submittedAt)}} ("1. december 2026 kl. 14.05"), {@code
 * #{dates.number(review.percent)}} ("87,5").
 */
@Named
@ApplicationScoped
public class Dates {

  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(locale())
        .withZone(Clocks.DANISH_TIME)
        .format(instant);
  }

  /** The day of an instant, in Danish time ("1. december 2026"). */
  public String date(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale())
        .withZone(Clocks.DANISH_TIME)
        .format(instant);
  }

  /** The day of an instant, short, for tables ("02.12.2026"). */
  public String shortDate(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
        .withLocale(locale())
        .withZone(Clocks.DANISH_TIME)
        .format(instant);
  }

  /** A calendar day ("24. december 2026"). */
  public String day(java.time.LocalDate day) {
    if (day == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(day);
  }

  /** A number with the language's decimal mark, at most one decimal. */
  public String number(BigDecimal value) {
    if (value == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

  private static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces == null || faces.getViewRoot() == null
        ? Locale.forLanguageTag("da")
        : faces.getViewRoot().getLocale();
  }
}
