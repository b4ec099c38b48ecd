package dk.medborger.lms.ui.common;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Sends the 404 or 403 a page asked for while Faces restored a post's view ({@link Pages#end}),
 * once the view is restored; when restoring failed (an expired or forged view state), the failure's
 * own answer, the expired page, is left to stand.
 */
public class DeferredErrors implements PhaseListener {

  private static final long serialVersionUID = 1L;

  /** The status waiting in the FacesContext's attributes. */
  static final String STATUS = DeferredErrors.class.getName() + ".status";

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void beforePhase(PhaseEvent event) {}

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    Object status = faces.getAttributes().remove(STATUS);
    boolean failed =
        faces.getExceptionHandler().getUnhandledExceptionQueuedEvents().iterator().hasNext();
    if (status instanceof Integer code && !failed && !faces.getResponseComplete()) {
      Pages.send(faces, code);
    }
  }
}
