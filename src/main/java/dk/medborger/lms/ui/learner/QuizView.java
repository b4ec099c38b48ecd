package dk.medborger.lms.ui.learner;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizRefused;
import dk.medborger.lms.quizzes.boundary.QuizTaking;
import dk.medborger.lms.quizzes.boundary.QuizViews.Overview;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A quiz's page: what it asks of the learner, their attempts and grade, and the button that starts
 * or resumes the one open attempt. The start form keeps Faces' view state (a CSRF token); its
 * postback names the quiz in a hidden field, as the lesson page does.
 */
@Named
@RequestScoped
public class QuizView {

  @Inject SignedIn signedIn;

  @Inject QuizTaking quizzes;

  private Overview page;
  private boolean loaded;

  public Overview getPage() {
    if (!loaded) {
      loaded = true;
      boolean postback = FacesContext.getCurrentInstance().isPostback();
      page =
          Pages.findOrNotFound(
              postback ? "quiz" : "id", id -> quizzes.overview(signedIn.require().userId(), id));
    }
    return page;
  }

  /** Starts (or resumes) the attempt and opens it; a refusal is shown on the quiz's page. */
  public String start() {
    Overview current = getPage();
    if (current == null) {
      return null;
    }
    try {
      long attempt = quizzes.start(signedIn.require().userId(), current.quiz().id());
      return "/learner/attempt.xhtml?faces-redirect=true&id=" + attempt;
    } catch (QuizRefused refused) {
      Pages.message(FacesMessage.SEVERITY_WARN, refused.messageKey());
      loaded = false;
      return null;
    }
  }
}
