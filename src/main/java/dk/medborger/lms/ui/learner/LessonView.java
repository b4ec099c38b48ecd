package dk.medborger.lms.ui.learner;

import dk.medborger.lms.courses.entity.CompletionMode;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress.LessonPage;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/** A lesson page: the content, previous / next, and completing the lesson. */
@Named
@ViewScoped
public class LessonView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject LearnerProgress progress;

  private transient LessonPage page;
  private Long activityId;

  /**
   * {@code f:viewAction}: opens the lesson {@code ?id=} (recorded as started and as the place to
   * resume). The id is read here rather than through {@code f:viewParam}, whose conversion and
   * validation cost more than the rest of the request's lifecycle before rendering.
   */
  public void open() {
    activityId = Pages.id(Pages.requestParameter("id"));
    if (activityId == null) {
      Pages.notFound();
      return;
    }
    try {
      page = progress.openLesson(signedIn.require().userId(), activityId);
    } catch (NotFoundException e) {
      Pages.notFound();
    }
  }

  /** "Mark as completed". */
  public void complete() {
    page = progress.complete(signedIn.require().userId(), activityId);
    Pages.message(
        FacesMessage.SEVERITY_INFO,
        page.progress().complete() ? "lesson.courseCompleted" : "lesson.completed");
  }

  /** "Next": in a course that completes lessons on reaching the end, moving on completes it. */
  public void next() throws IOException {
    if (page == null || page.completionMode() == CompletionMode.ON_REACHING_END) {
      page = progress.complete(signedIn.require().userId(), activityId);
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + (page.nextId() == null
                ? "/learner/course.xhtml?id=" + page.outline().id()
                : "/learner/lesson.xhtml?id=" + page.nextId()));
  }

  public LessonPage getPage() {
    return page;
  }
}
