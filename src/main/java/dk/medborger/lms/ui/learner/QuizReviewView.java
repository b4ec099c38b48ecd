package dk.medborger.lms.ui.learner;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizTaking;
import dk.medborger.lms.quizzes.boundary.QuizViews.Review;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The review of a handed-in attempt, showing only what the quiz's settings allow now. */
@Named
@RequestScoped
public class QuizReviewView {

  @Inject SignedIn signedIn;

  @Inject QuizTaking quizzes;

  private Review page;
  private boolean loaded;

  public Review getPage() {
    if (!loaded) {
      loaded = true;
      page = Pages.findOrNotFound("id", id -> quizzes.review(signedIn.require().userId(), id));
    }
    return page;
  }
}
