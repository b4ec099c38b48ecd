package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueFilter;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueRow;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Releasing saved grades in bulk, after a confirmation: the page lists the grades saved and not yet
 * released that the queue's filter lets through (one assignment's, from the grading page), and
 * releases exactly those, as they were listed — when one was graded again meanwhile, none are
 * released and the list is shown again.
 */
@Named
@ViewScoped
public class ReleaseView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject AssignmentGrading grading;

  private QueueFilter filter;
  private transient List<QueueRow> rows;
  private final Map<Long, Long> seen = new LinkedHashMap<>();

  public List<QueueRow> getRows() {
    if (filter == null) {
      filter =
          GradingQueueView.filterOf(
              Pages.requestParameter("course"),
              Pages.requestParameter("assignment"),
              null,
              Pages.requestParameter("late"));
    }
    if (rows == null) {
      load();
    }
    return rows;
  }

  private void load() {
    List<QueueRow> found =
        Pages.orNotFound(() -> grading.releasable(signedIn.require().userId(), filter));
    rows = found == null ? List.of() : found;
    seen.clear();
    rows.forEach(r -> seen.put(r.id(), r.lockVersion()));
  }

  public String release() {
    getRows();
    try {
      int released = grading.releaseSaved(signedIn.require().userId(), Map.copyOf(seen));
      Pages.message(FacesMessage.SEVERITY_INFO, "release.done", released);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      return "/instructor/queue.xhtml?faces-redirect=true" + GradingQueueView.query(filter);
    } catch (OptimisticLockException | TransactionalException conflict) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "release.conflict");
    } catch (AssignmentRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
    } catch (ForbiddenException e) {
      Pages.forbidden();
    }
    load();
    return null;
  }

  /** The filter as the queue's address carries it, for the way back. */
  public String getBackQuery() {
    String q = GradingQueueView.query(getFilter());
    return q.isEmpty() ? "" : "?" + q.substring(1);
  }

  private QueueFilter getFilter() {
    getRows();
    return filter;
  }
}
