package dk.medborger.lms.ui.learner;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.quizzes.boundary.QuizTaking;
import dk.medborger.lms.quizzes.boundary.QuizViews.AttemptPage;
import dk.medborger.lms.quizzes.boundary.QuizViews.QuestionView;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An open attempt (the attempt page, {@code ?id=}, and its summary before hand-in). Answers are
 * saved by the page's script through {@code /api/quiz-attempts} as they are given; this view only
 * shows the attempt as the server has it, and hands it in from the summary's form (with Faces' view
 * state). An attempt that is no longer open goes to its review, or to the quiz.
 */
@Named
@RequestScoped
public class AttemptView {

  @Inject SignedIn signedIn;

  @Inject QuizTaking quizzes;

  private AttemptPage page;
  private boolean loaded;

  public AttemptPage getPage() {
    if (!loaded) {
      loaded = true;
      boolean postback = FacesContext.getCurrentInstance().isPostback();
      Long id = Pages.id(Pages.requestParameter(postback ? "attempt" : "id"));
      if (id == null) {
        Pages.notFound();
        return null;
      }
      long userId = signedIn.require().userId();
      try {
        page = quizzes.attempt(userId, id);
        if (page == null) {
          toReview(userId, id);
        }
      } catch (NotFoundException e) {
        Pages.notFound();
      }
    }
    return page;
  }

  /** The questions this page shows: all, or the one {@code ?q=} names when one per page. */
  public List<QuestionView> getShown() {
    AttemptPage current = getPage();
    if (current == null) {
      return List.of();
    }
    if (!current.onePerPage()) {
      return current.questions();
    }
    int q = getQuestionNumber();
    return List.of(current.questions().get(q - 1));
  }

  /** The question shown on a one-per-page attempt, from 1. */
  public int getQuestionNumber() {
    Long q = Pages.id(Pages.requestParameter("q"));
    int count = getPage() == null ? 1 : getPage().questions().size();
    return q == null ? 1 : (int) Math.min(Math.max(1, q), count);
  }

  /** Hands the attempt in and shows its review. */
  public void submit() {
    AttemptPage current = getPage();
    if (current == null) {
      return;
    }
    long userId = signedIn.require().userId();
    quizzes.submit(userId, current.attemptId());
    toReview(userId, current.attemptId());
  }

  private void toReview(long userId, long attemptId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    String target =
        quizzes.reviewable(userId, attemptId)
            ? "/learner/quiz-review.xhtml?id=" + attemptId
            : "/learner/quiz.xhtml?id=" + quizzes.quizOf(userId, attemptId);
    try {
      external.redirect(external.getRequestContextPath() + target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
