package dk.medborger.lms.ui.common;

import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/** What views do alike: answer "not found" or "forbidden", show a message from the bundle. */
public final class Pages {

  private Pages() {}

  /** Ends the request with the 404 page. */
  public static void notFound() {
    end(404);
  }

  /** Ends the request with the 403 page. */
  public static void forbidden() {
    end(403);
  }

  /**
   * Ends the request with the error page of {@code status}. While Faces builds the view of a post
   * again, before it knows whether the post's view state is good, the answer waits for the end of
   * that phase ({@link DeferredErrors}): sent at once, it would commit the response, and a view
   * state expired or forged would then end in a 500 instead of the expired page.
   */
  private static void end(int status) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.getCurrentPhaseId() == PhaseId.RESTORE_VIEW && faces.isPostback()) {
      faces.getAttributes().putIfAbsent(DeferredErrors.STATUS, status);
      return;
    }
    send(faces, status);
  }

  static void send(FacesContext faces, int status) {
    try {
      faces.getExternalContext().responseSendError(status, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /**
   * What the request parameter's id names, found by {@code find}; when the id is malformed or
   * {@code find} throws {@link NotFoundException}, ends the request with the 404 page and returns
   * null; when {@code find} throws {@link ForbiddenException}, with the 403 page.
   */
  public static <T> T findOrNotFound(String parameter, LongFunction<T> find) {
    Long id = id(requestParameter(parameter));
    if (id == null) {
      notFound();
      return null;
    }
    return orNotFound(() -> find.apply(id));
  }

  /**
   * What {@code load} gives; when it throws {@link NotFoundException} or gives null, ends the
   * request with the 404 page and returns null; when it throws {@link ForbiddenException}, with the
   * 403 page.
   */
  public static <T> T orNotFound(Supplier<T> load) {
    T found;
    try {
      found = load.get();
    } catch (NotFoundException e) {
      found = null;
    } catch (ForbiddenException e) {
      forbidden();
      return null;
    }
    if (found == null) {
      notFound();
    }
    return found;
  }

  /**
   * The id a view-scoped page is about: {@code kept} once it has one, else the request parameter's.
   * Null when there is none, and then the 404 page is sent (after the view is restored, if this is
   * a post: {@link #notFound}).
   */
  public static Long keptId(Long kept, String parameter) {
    if (kept != null) {
      return kept;
    }
    Long id = id(requestParameter(parameter));
    if (id == null) {
      notFound();
    }
    return id;
  }

  public static String requestParameter(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
  }

  /**
   * A parameter of the request's address only, never of its body: the file forms name what they
   * post to there, so that a body too large is refused unread.
   */
  public static String queryParameter(
      jakarta.servlet.http.HttpServletRequest request, String name) {
    if (request.getQueryString() == null) {
      return null;
    }
    for (String pair : request.getQueryString().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** Parses an id from a request parameter; anything but a positive number is null. */
  public static Long id(String parameter) {
    if (parameter == null || !parameter.matches("\\d{1,18}")) {
      return null;
    }
    long id = Long.parseLong(parameter);
    return id > 0 ? id : null;
  }

  /** A number as typed, with a decimal comma or point and spaces; null when it is no number. */
  public static java.math.BigDecimal decimal(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return new java.math.BigDecimal(typed.strip().replace(" ", "").replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A number as the form shows it back: a decimal comma, no trailing zeros; "" for none. */
  public static String typed(java.math.BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  public static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return ResourceBundle.getBundle("messages", faces.getViewRoot().getLocale()).getString(key);
  }

  public static void message(FacesMessage.Severity severity, String key) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text(key), null));
  }

  /** A message whose text has {@code {0}}, {@code {1}} … filled in. */
  public static void message(FacesMessage.Severity severity, String key, Object... arguments) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                severity,
                new java.text.MessageFormat(
                        text(key), FacesContext.getCurrentInstance().getViewRoot().getLocale())
                    .format(arguments),
                null));
  }

  /** An error message shown at one field ({@code clientId}, e.g. {@code "settingsForm:pass"}). */
  public static void fieldError(String clientId, String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key), null));
    if (faces.getViewRoot().findComponent(clientId)
        instanceof jakarta.faces.component.EditableValueHolder field) {
      field.setValid(false);
    }
    faces.validationFailed();
  }
}
