package dk.medborger.lms.ui.common;

import dk.medborger.lms.platform.Clocks;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An instant as a browser's {@code <input type="datetime-local">} gives and shows it ({@code
 * 2026-12-24T14:30}), in Danish time; empty is null.
 *
 * <pre>
 * &lt;h:inputText value="#{view.opensAt}" converter="danishTime"&gt;
 *   &lt;f:passThroughAttribute name="type" value="datetime-local"/&gt;
 * &lt;/h:inputText&gt;
 * </pre>
 */
@FacesConverter("danishTime")
public class DanishTimeConverter implements Converter<Instant> {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @Override
  public Instant getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      String minutes = value.strip().length() > 16 ? value.strip().substring(0, 16) : value.strip();
      return LocalDateTime.parse(minutes, FORMAT).atZone(Clocks.DANISH_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConverterException(
          new FacesMessage(FacesMessage.SEVERITY_ERROR, Pages.text("form.dateTimeFormat"), null),
          e);
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Instant value) {
    return value == null
        ? ""
        : FORMAT.format(value.atZone(Clocks.DANISH_TIME).truncatedTo(ChronoUnit.MINUTES));
  }
}
