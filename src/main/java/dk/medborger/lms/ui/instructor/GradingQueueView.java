package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentViews.AssignmentOption;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueFilter;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueRow;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.EssayToGrade;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instructor's one grading queue across every course they teach: assignment submissions and
 * quiz essays waiting, oldest first, filtered by course, assignment, status and lateness (a GET
 * form, so a filtered queue has an address). Quiz essays are listed while no filter only an
 * assignment has is set.
 */
@Named
@RequestScoped
public class GradingQueueView {

  @Inject SignedIn signedIn;

  @Inject AssignmentGrading grading;

  @Inject QuizTeaching quizzes;

  @Inject CourseCatalog catalog;

  private List<QueueRow> rows;
  private QueueFilter filter;

  public QueueFilter getFilter() {
    if (filter == null) {
      filter =
          filterOf(
              Pages.requestParameter("course"),
              Pages.requestParameter("assignment"),
              Pages.requestParameter("status"),
              Pages.requestParameter("late"));
    }
    return filter;
  }

  /** The filter the parameters name; anything malformed is "any". */
  static QueueFilter filterOf(String course, String assignment, String status, String late) {
    SubmissionStatus s = null;
    if (status != null && status.matches("[A-Z_]{3,30}")) {
      try {
        s = SubmissionStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        s = null;
      }
    }
    Boolean isLate = "yes".equals(late) ? Boolean.TRUE : "no".equals(late) ? Boolean.FALSE : null;
    return new QueueFilter(Pages.id(course), Pages.id(assignment), s, isLate);
  }

  public List<QueueRow> getRows() {
    if (rows == null) {
      long instructor = signedIn.require().userId();
      QueueFilter f = getFilter();
      List<QueueRow> all = new ArrayList<>(grading.queue(instructor, f));
      if (f.assignmentId() == null && f.status() == null && !Boolean.TRUE.equals(f.late())) {
        for (EssayToGrade e : quizzes.awaiting(instructor)) {
          long courseId = catalog.outlineOfActivity(e.quizId()).id();
          if (f.courseId() == null || f.courseId() == courseId) {
            all.add(
                QueueRow.quizEssay(
                    e.answerId(),
                    courseId,
                    e.courseTitle(),
                    e.quizId(),
                    e.quizTitle(),
                    e.learner(),
                    e.submittedAt()));
          }
        }
      }
      all.sort(
          Comparator.comparing(
              QueueRow::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())));
      rows = List.copyOf(all);
    }
    return rows;
  }

  /** The courses of the instructor's assignments, for the filter. */
  public Map<Long, String> getCourses() {
    Map<Long, String> courses = new LinkedHashMap<>();
    for (AssignmentOption a : getAssignments()) {
      courses.put(a.courseId(), a.courseTitle());
    }
    return courses;
  }

  public List<AssignmentOption> getAssignments() {
    return grading.assignments(signedIn.require().userId());
  }

  public SubmissionStatus[] getStatuses() {
    return SubmissionStatus.values();
  }

  /** The query string that carries the filter to the grading page (for its next / previous). */
  public String getFilterQuery() {
    return query(getFilter());
  }

  /** A filter as query parameters, each after an {@code &} (empty for no filter). */
  static String query(QueueFilter f) {
    StringBuilder q = new StringBuilder();
    if (f.courseId() != null) {
      q.append("&course=").append(f.courseId());
    }
    if (f.assignmentId() != null) {
      q.append("&assignment=").append(f.assignmentId());
    }
    if (f.status() != null) {
      q.append("&status=").append(f.status());
    }
    if (f.late() != null) {
      q.append("&late=").append(f.late() ? "yes" : "no");
    }
    return q.toString();
  }

  /** How many of the rows have a grade saved and not released: what bulk release would release. */
  public long getReleasable() {
    return getRows().stream().filter(QueueRow::releasable).count();
  }

  /** The bulk release page's address for this queue's filter. */
  public String getReleaseQuery() {
    String q = getFilterQuery();
    return q.isEmpty() ? "" : "?" + q.substring(1);
  }
}
