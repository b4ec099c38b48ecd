package dk.medborger.lms.ui.common;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.ActivityKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The one place that knows which page opens an activity of each kind, and its icon and label: the
 * course page, the lesson's previous / next and the dashboard's "continue" all link through it.
 *
 * <pre>
 * &lt;a href="#{activityPages.href(page.next)}"&gt;…&lt;/a&gt;
 * ActivityPages.path(ActivityKind.QUIZ)   // "/learner/quiz.xhtml"
 * </pre>
 */
@Named
@ApplicationScoped
public class ActivityPages {

  /** The page of a kind, from the application's root, without the {@code ?id=}. */
  public static String path(ActivityKind kind) {
    return switch (kind) {
      case LESSON -> "/learner/lesson.xhtml";
      case QUIZ -> "/learner/quiz.xhtml";
      case ASSIGNMENT -> "/learner/assignment.xhtml";
    };
  }

  /** The PrimeIcons class of a kind. */
  public static String icon(ActivityKind kind) {
    return switch (kind) {
      case LESSON -> "pi pi-book";
      case QUIZ -> "pi pi-question-circle";
      case ASSIGNMENT -> "pi pi-file-edit";
    };
  }

  /** The bundle key of a kind's name ("Lektion", "Quiz", "Opgave"). */
  public static String labelKey(ActivityKind kind) {
    return "activityKind." + kind.name();
  }

  /** The address that opens {@code activity}, with the context path; empty for null. */
  public String href(CourseOutline.Item activity) {
    if (activity == null) {
      return "";
    }
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + path(activity.kind())
        + "?id="
        + activity.id();
  }

  public String icon(CourseOutline.Item activity) {
    return icon(activity.kind());
  }

  public String labelKey(CourseOutline.Item activity) {
    return labelKey(activity.kind());
  }
}
