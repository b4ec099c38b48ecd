package dk.medborger.lms.ui.learner;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.NotFoundException;
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

  /**
   * {@code f:viewAction}: the course {@code ?id=}; one the learner does not take is "not found".
   * The id is read here rather than through {@code f:viewParam} (ADR 7).
   */
  public void load() {
    Long courseId = Pages.id(Pages.requestParameter("id"));
    if (courseId == null) {
      Pages.notFound();
      return;
    }
    try {
      page = progress.course(signedIn.require().userId(), courseId);
    } catch (NotFoundException e) {
      Pages.notFound();
    }
  }

  public CoursePage getPage() {
    return page;
  }
}
