package dk.medborger.lms.ui.common;

import dk.medborger.lms.platform.NotFoundException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import java.util.function.LongFunction;

/** What views do alike: answer "not found", show a message from the bundle. */
public final class Pages {

  private Pages() {}

  /** Ends the request with the 404 page. */
  public static void notFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(404, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /**
   * What the request parameter's id names, found by {@code find}; when the id is malformed or
   * {@code find} throws {@link NotFoundException}, ends the request with the 404 page and returns
   * null.
   */
  public static <T> T findOrNotFound(String parameter, LongFunction<T> find) {
    Long id = id(requestParameter(parameter));
    T found = null;
    if (id != null) {
      try {
        found = find.apply(id);
      } catch (NotFoundException e) {
        found = null;
      }
    }
    if (found == null) {
      notFound();
    }
    return found;
  }

  public static String requestParameter(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  /** Parses an id from a request parameter; anything but a positive number is null. */
  public static Long id(String parameter) {
    if (parameter == null || !parameter.matches("\\d{1,18}")) {
      return null;
    }
    long id = Long.parseLong(parameter);
    return id > 0 ? id : null;
  }

  public static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return ResourceBundle.getBundle("messages", faces.getViewRoot().getLocale()).getString(key);
  }

  public static void message(FacesMessage.Severity severity, String key) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text(key), null));
  }
}
