package dk.medborger.lms.ui.learner;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress.CoursePage;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A course page: modules, activities, ticks, locks and the learner's progress. */
@Named
@RequestScoped
public class CourseView {

  @Inject SignedIn signedIn;

  @Inject LearnerProgress progress;

  private CoursePage page;
  private boolean loaded;

  /**
   * The course {@code ?id=}, read when the view is built and first asks for it; one the learner
   * does not take is "not found", and Faces renders nothing once the 404 is sent. No view action:
   * see ADR 7.
   */
  public CoursePage getPage() {
    if (!loaded) {
      loaded = true;
      page = Pages.findOrNotFound("id", id -> progress.course(signedIn.require().userId(), id));
    }
    return page;
  }
}
