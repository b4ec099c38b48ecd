package dk.medborger.lms.ui.learner;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FeedbackFileRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GuardFinding;
import dk.medborger.lms.assignments.boundary.AssignmentViews.LearnerPage;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * An assignment's page: the instructions and dates, the draft in a rich text editor (saved as typed
 * by the page's script, sanitised on the server), the files, the citizen data guard's findings with
 * one-click redaction, handing in with the statement, and the grade and feedback once released.
 * Postbacks name the assignment in a hidden field, as the quiz page does; the findings are shown
 * again on the postback that follows them (the hidden {@code checked} field), so that their buttons
 * can be pressed.
 */
@Named
@RequestScoped
public class AssignmentView {

  @Inject SignedIn signedIn;

  @Inject AssignmentWork work;

  private static final List<String> FORMATS = List.of("bold", "italic", "list", "header", "link");

  private LearnerPage page;
  private boolean loaded;
  private String text;
  private boolean textSet;
  private boolean ownWork;
  private String reason;
  private List<GuardFinding> findings;
  private List<FeedbackFileRow> feedbackFiles;

  public LearnerPage getPage() {
    if (!loaded) {
      loaded = true;
      boolean postback = FacesContext.getCurrentInstance().isPostback();
      page = Pages.findOrNotFound(postback ? "assignment" : "id", id -> work.page(learner(), id));
    }
    return page;
  }

  /** The findings to show: after a check, and on the postback that follows one. */
  public List<GuardFinding> getFindings() {
    if (findings == null) {
      findings =
          "true".equals(Pages.requestParameter("checked")) && getPage() != null
              ? work.check(learner(), page.assignment().id())
              : List.of();
    }
    return findings;
  }

  /** The grader's feedback files the learner may see: released or returned rounds only. */
  public List<FeedbackFileRow> getFeedbackFiles() {
    if (feedbackFiles == null) {
      feedbackFiles =
          getPage() == null ? List.of() : work.feedbackFiles(learner(), page.assignment().id());
    }
    return feedbackFiles;
  }

  /** The message of the file form's last answer ({@code ?upload=}), or null. */
  public String getUploadMessage() {
    String outcome = Pages.requestParameter("upload");
    if (outcome == null || !outcome.matches("[A-Z_]{2,30}")) {
      return null;
    }
    if (outcome.equals("OK") || outcome.equals("REMOVED")) {
      return "assignment.files." + outcome;
    }
    try {
      return "assignment.refused." + AssignmentRefused.Reason.valueOf(outcome).name();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean isUploadRefused() {
    String key = getUploadMessage();
    return key != null && key.startsWith("assignment.refused.");
  }

  /**
   * Hands the work in: saves the text as posted, runs the guard, and when it finds something the
   * learner has not given a reason for, shows the findings instead.
   */
  public String submit() {
    LearnerPage current = getPage();
    if (current == null) {
      return null;
    }
    long id = current.assignment().id();
    try {
      saveText(id);
      findings = work.check(learner(), id);
      if (!findings.isEmpty() && (reason == null || reason.isBlank())) {
        Pages.message(FacesMessage.SEVERITY_WARN, "assignment.guard.found");
        return null;
      }
      work.submit(learner(), id, ownWork, reason);
    } catch (AssignmentRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
      loaded = false;
      return null;
    }
    Pages.message(FacesMessage.SEVERITY_INFO, "assignment.submitted");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/learner/assignment.xhtml?faces-redirect=true&id=" + id;
  }

  /** Saves the draft's text (the button for pages without the script, which saves as typed). */
  public String saveDraft() {
    LearnerPage current = getPage();
    if (current == null) {
      return null;
    }
    try {
      saveText(current.assignment().id());
    } catch (AssignmentRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
      return null;
    }
    Pages.message(FacesMessage.SEVERITY_INFO, "assignment.draft.savedMessage");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/learner/assignment.xhtml?faces-redirect=true&id=" + current.assignment().id();
  }

  /** Replaces every occurrence of a finding in the text with the marker, and checks again. */
  public String redact(String match) {
    LearnerPage current = getPage();
    if (current == null) {
      return null;
    }
    long id = current.assignment().id();
    try {
      saveText(id);
      work.redact(learner(), id, match, Pages.text("assignment.guard.marker"));
    } catch (AssignmentRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
      return null;
    }
    loaded = false;
    textSet = false;
    findings = work.check(learner(), id);
    Pages.message(
        FacesMessage.SEVERITY_INFO,
        findings.isEmpty() ? "assignment.guard.allRedacted" : "assignment.guard.redacted");
    return null;
  }

  private void saveText(long id) {
    if (textSet && page.settings().acceptsText() && page.status().editable()) {
      work.saveDraft(learner(), id, text);
    }
  }

  private long learner() {
    return signedIn.require().userId();
  }

  /** The draft's rich text (sanitised HTML) for the editor. */
  public String getText() {
    if (!textSet) {
      return getPage() == null ? null : page.draftHtml();
    }
    return text;
  }

  /** What the editor lets the learner write: the formats the server keeps (ADR 32). */
  public List<String> getFormats() {
    return FORMATS;
  }

  public void setText(String text) {
    this.text = text;
    this.textSet = true;
  }

  public boolean isOwnWork() {
    return ownWork;
  }

  public void setOwnWork(boolean ownWork) {
    this.ownWork = ownWork;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
