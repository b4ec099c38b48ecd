package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring.EditableQuestion;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring.Revised;
import dk.medborger.lms.ui.common.Pages;
import dk.medborger.lms.ui.instructor.QuestionBankView.ErrorLine;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One question of a course's bank, revised as GIFT text: saving makes a new version, which attempts
 * started afterwards get; attempts already made keep the version they showed. Errors are listed by
 * line, and a revision by someone else in the meantime is caught.
 */
@Named
@ViewScoped
public class QuestionEditView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject QuizAuthoring authoring;

  private Long questionId;
  private transient EditableQuestion question;
  private String gift;
  private String points;
  private long seen;
  private List<ErrorLine> errors = List.of();

  public EditableQuestion getQuestion() {
    if (question == null) {
      boolean first = questionId == null;
      if (first) {
        questionId = Pages.id(Pages.requestParameter("id"));
      }
      question =
          questionId == null
              ? Pages.orNotFound(() -> null)
              : Pages.orNotFound(() -> authoring.question(signedIn.require().userId(), questionId));
      if (question != null && first) {
        gift = question.gift();
        points = question.points().stripTrailingZeros().toPlainString().replace('.', ',');
        seen = question.seen();
      }
    }
    return question;
  }

  /** Saves the text as a new version, or lists what is wrong with it. */
  public String save() {
    if (getQuestion() == null || question.gift() == null) {
      return null;
    }
    BigDecimal worth = QuizSettingsView.percent(points);
    if (worth == null || worth.signum() <= 0 || worth.compareTo(QuizAuthoring.MAX_POINTS) > 0) {
      Pages.fieldError("questionForm:points", "questionEdit.pointsRange");
      return null;
    }
    Revised revised = authoring.revise(signedIn.require().userId(), questionId, gift, worth, seen);
    if (revised.conflict()) {
      question = null;
      EditableQuestion now = getQuestion();
      gift = now.gift();
      seen = now.seen();
      Pages.message(FacesMessage.SEVERITY_ERROR, "questionEdit.conflict");
      return null;
    }
    if (!revised.ok()) {
      errors =
          revised.errors().stream()
              .map(
                  e ->
                      new ErrorLine(
                          e.line(),
                          new java.text.MessageFormat(Pages.text("gift.error." + e.code()))
                              .format(new Object[] {e.detail() == null ? "" : e.detail()})))
              .toList();
      if (errors.isEmpty()) {
        Pages.fieldError("questionForm:gift", "questionEdit.notOne");
      } else {
        Pages.message(FacesMessage.SEVERITY_ERROR, "questionEdit.failed");
      }
      return null;
    }
    Pages.message(
        FacesMessage.SEVERITY_INFO,
        revised.changed() ? "questionEdit.saved" : "questionEdit.unchanged",
        String.valueOf(revised.version()));
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/instructor/question.xhtml?faces-redirect=true&id=" + questionId;
  }

  public List<ErrorLine> getErrors() {
    return errors;
  }

  public String getGift() {
    return gift;
  }

  public void setGift(String gift) {
    this.gift = gift;
  }

  public String getPoints() {
    return points;
  }

  public void setPoints(String points) {
    this.points = points;
  }
}
