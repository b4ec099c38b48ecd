package dk.medborger.lms.ui.learner;

import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress.LessonPage;
import dk.medborger.lms.ui.common.ActivityPages;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * A lesson page: the content, previous / next, and completing the lesson.
 *
 * <p>Request-scoped in a stateless view ({@code statelessView} in lesson.xhtml, ADR 7): the page
 * keeps nothing in the session. The lesson is opened when the view first asks for it, while its
 * tree is built: on a GET from {@code ?id=}, on a postback ("mark as completed", "next") from the
 * lesson id its form posts. There is no view action: it would cost a second Faces context and its
 * stack walk per request (ADR 7). Faces renders nothing once the 404 is sent.
 */
@Named
@RequestScoped
public class LessonView {

  @Inject SignedIn signedIn;

  @Inject LearnerProgress progress;

  /** The marker of a click the session's end interrupted, in the way back after a login. */
  static final String PENDING = "pending";

  static final String PENDING_COMPLETE = "complete";

  private LessonPage page;
  private boolean loaded;

  /**
   * Opening records the lesson as started and as the place to resume. Like a reload, a postback
   * writes nothing unless the last visit was more than a minute ago. A lesson that does not exist,
   * or that the learner may not see, is "not found", on a postback too.
   */
  private void load() {
    loaded = true;
    // A GET names the lesson in ?id=, the lesson form in its hidden field "lesson" (not "id": a
    // form control named "id" would hide the form's own id from faces.js).
    boolean postback = FacesContext.getCurrentInstance().isPostback();
    page =
        Pages.findOrNotFound(
            postback ? "lesson" : "id", id -> progress.openLesson(signedIn.require().userId(), id));
  }

  /** "Mark as completed". */
  public void complete() {
    LessonPage current = getPage();
    if (current == null) {
      return; // answered with 404 when it was loaded
    }
    page = progress.complete(signedIn.require().userId(), current.lesson().id());
    Pages.message(
        FacesMessage.SEVERITY_INFO,
        page.progress().complete() ? "lesson.courseCompleted" : "lesson.completed");
  }

  /**
   * "Undo": takes back "mark as completed" where the course lets the learner (a lesson they mark
   * themselves); a course that was complete is incomplete again, and the message says so.
   */
  public void undo() {
    LessonPage current = getPage();
    if (current == null) {
      return; // answered with 404 when it was loaded
    }
    boolean courseWasComplete = current.progress().complete();
    page = progress.undoCompletion(signedIn.require().userId(), current.lesson().id());
    Pages.message(
        FacesMessage.SEVERITY_INFO,
        courseWasComplete && !page.progress().complete() ? "lesson.undoneCourse" : "lesson.undone");
  }

  /**
   * "Mark as completed now", the button of the notice after a login that a lost click led to
   * ({@link #isPending}): completes the lesson and shows the lesson again by a GET, whose notice
   * then says that it is completed.
   */
  public void completeNow() throws IOException {
    LessonPage current = getPage();
    if (current == null) {
      return; // answered with 404 when it was loaded
    }
    page = progress.complete(signedIn.require().userId(), current.lesson().id());
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + wayBack(page, PENDING_COMPLETE));
  }

  /**
   * Whether the learner came back to this lesson after a login that a click of "mark as completed"
   * led to ({@code ?pending=complete}, ADR 27): the page then says whether the lesson is completed,
   * and offers to complete it if not. Only a marker: nothing is done on its account.
   */
  public boolean isPending() {
    LessonPage current = getPage();
    return current != null
        && !current.locked()
        && current.completionMode() == CompletionCriterion.MANUAL
        && PENDING_COMPLETE.equals(Pages.requestParameter(PENDING));
  }

  /**
   * Where a click of the lesson form comes back to if it finds the session ended: this lesson, with
   * the marker {@code pending=complete} while "mark as completed" is what the form offers.
   */
  public String getWayBack() {
    LessonPage current = getPage();
    return current == null
        ? null
        : wayBack(
            current,
            current.completionMode() == CompletionCriterion.MANUAL && !current.completed()
                ? PENDING_COMPLETE
                : null);
  }

  private static String wayBack(LessonPage page, String pending) {
    return "/learner/lesson.xhtml?id="
        + page.lesson().id()
        + (pending == null ? "" : "&" + PENDING + "=" + pending);
  }

  /**
   * "Next": in a course that completes lessons on reaching the end, moving on completes it. It
   * leads only where the learner may go: to the course page when the next activity is locked.
   */
  public void next() throws IOException {
    LessonPage current = getPage();
    if (current == null) {
      return; // answered with 404 when it was loaded
    }
    if (current.completionMode() == CompletionCriterion.ON_REACHING_END) {
      page = progress.complete(signedIn.require().userId(), current.lesson().id());
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + (!page.nextOpens()
                ? "/learner/course.xhtml?id=" + page.outline().id()
                : ActivityPages.path(page.next().kind()) + "?id=" + page.next().id()));
  }

  public LessonPage getPage() {
    if (!loaded) {
      load();
    }
    return page;
  }
}
