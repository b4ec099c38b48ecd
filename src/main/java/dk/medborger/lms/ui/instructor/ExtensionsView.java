package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentExtensions;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Chosen;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Page;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem;
import dk.medborger.lms.assignments.boundary.AssignmentExtensions.Ref;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An assignment's extensions for its instructors (ADR 23): the current ones, and one participant's
 * new due date given, changed or removed with a reason. Reached from the assignment ({@code
 * ?assignment=}, a learner chosen by name: {@code &learner=}) or from a submission's grading page
 * ({@code ?submission=}), which under blind grading names the participant by the pseudonym only.
 */
@Named
@ViewScoped
public class ExtensionsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where each problem is shown. */
  private static final Map<Problem, String> FIELD =
      Map.of(
          Problem.DUE_MISSING, "due",
          Problem.DUE_NOT_IN_FUTURE, "due",
          Problem.DUE_NOT_AFTER_ASSIGNMENT, "due",
          Problem.NO_DUE_DATE, "due",
          Problem.NOT_ENROLLED, "due",
          Problem.REASON_TOO_LONG, "reason");

  @Inject SignedIn signedIn;

  @Inject AssignmentExtensions extensions;

  private boolean started;
  private Long assignmentId;
  private Ref ref;
  private boolean fromSubmission;
  private transient Page page;
  private transient Chosen chosen;

  private Instant dueAt;
  private String reason;
  private Long seenVersion;

  /** The assignment's extensions; 404 or 403 as the instructor may see them. */
  public Page getPage() {
    if (!started) {
      started = true;
      Long submission = Pages.id(Pages.requestParameter("submission"));
      if (submission != null) {
        fromSubmission = true;
        ref = Pages.orNotFound(() -> extensions.ofSubmission(me(), submission));
        if (ref == null) {
          return null;
        }
        assignmentId = ref.assignmentId();
      } else {
        assignmentId = Pages.id(Pages.requestParameter("assignment"));
        if (assignmentId == null) {
          Pages.notFound();
          return null;
        }
        String learner = Pages.requestParameter("learner");
        if (learner != null && !learner.isEmpty()) {
          Long id = Pages.id(learner);
          if (id == null) {
            Pages.notFound();
            return null;
          }
          ref = Ref.learner(assignmentId, id);
        }
      }
      page = Pages.orNotFound(() -> extensions.page(me(), assignmentId));
      if (page != null && ref != null) {
        chosen = Pages.orNotFound(() -> extensions.chosen(me(), ref));
        if (chosen == null) {
          page = null; // the 404 or 403 page is sent
          assignmentId = null;
        } else {
          fill();
        }
      }
    } else if (page == null && assignmentId != null) {
      page = Pages.orNotFound(() -> extensions.page(me(), assignmentId));
    }
    return page;
  }

  /** The participant being given an extension, or null while none is chosen. */
  public Chosen getChosen() {
    if (getPage() != null && chosen == null && ref != null) {
      chosen = Pages.orNotFound(() -> extensions.chosen(me(), ref));
      if (chosen == null) {
        page = null;
        assignmentId = null;
      }
    }
    return chosen;
  }

  private void fill() {
    dueAt = chosen.extended() ? chosen.dueAt() : null;
    reason = chosen.reason();
    seenVersion = chosen.version();
  }

  /** Gives or changes the extension, or shows every problem at its field. */
  public String save() {
    if (getChosen() == null) {
      return null;
    }
    try {
      List<Problem> problems = extensions.grant(me(), ref, dueAt, reason, seenVersion);
      if (!problems.isEmpty()) {
        for (Problem problem : problems) {
          Pages.fieldError("extensionForm:" + FIELD.get(problem), "extension.problem." + problem);
        }
        Pages.message(FacesMessage.SEVERITY_ERROR, "form.notSaved");
        return null;
      }
      return done(chosen.extended() ? "extension.changed" : "extension.granted");
    } catch (OptimisticLockException | TransactionalException conflict) {
      return conflict();
    } catch (ForbiddenException e) {
      Pages.forbidden();
    } catch (NotFoundException e) {
      Pages.notFound();
    }
    return null;
  }

  /** Takes the extension away. */
  public String remove() {
    if (getChosen() == null) {
      return null;
    }
    try {
      extensions.remove(me(), ref, seenVersion);
      return done("extension.removed");
    } catch (OptimisticLockException | TransactionalException conflict) {
      return conflict();
    } catch (ForbiddenException e) {
      Pages.forbidden();
    } catch (NotFoundException e) {
      Pages.notFound();
    }
    return null;
  }

  /** Shows the extension that holds now, with what another instructor did meanwhile. */
  private String conflict() {
    chosen = Pages.orNotFound(() -> extensions.chosen(me(), ref));
    page = null;
    if (chosen != null) {
      fill();
    }
    Pages.message(FacesMessage.SEVERITY_ERROR, "extension.conflict");
    return null;
  }

  private String done(String message) {
    Pages.message(FacesMessage.SEVERITY_INFO, message);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/instructor/extensions.xhtml?faces-redirect=true&" + address();
  }

  /** The page's own query: by submission when reached from one, else the assignment's. */
  public String address() {
    if (fromSubmission) {
      return "submission=" + ref.submissionId();
    }
    return ref == null || ref.learnerId() == null
        ? "assignment=" + assignmentId
        : "assignment=" + assignmentId + "&learner=" + ref.learnerId();
  }

  public boolean isFromSubmission() {
    return fromSubmission;
  }

  private long me() {
    return signedIn.require().userId();
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public void setDueAt(Instant dueAt) {
    this.dueAt = dueAt;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public int getMaxReason() {
    return AssignmentExtensions.MAX_REASON;
  }
}
