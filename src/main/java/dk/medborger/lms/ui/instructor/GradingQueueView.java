package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentViews.AssignmentOption;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueCounts;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueFilter;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueRow;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.WaitingEssay;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The instructor's one grading queue across every course they teach: assignment submissions and
 * quiz essays waiting, oldest first, filtered by course, assignment, status and lateness (a GET
 * form, so a filtered queue has an address), fifty a page: each page reads only its own rows (ADR
 * 29). Quiz essays are listed while no filter only an assignment has is set, in their place by
 * time.
 */
@Named
@RequestScoped
public class GradingQueueView {

  @Inject SignedIn signedIn;

  @Inject AssignmentGrading grading;

  @Inject QuizTeaching quizzes;

  /** Rows a page. */
  static final int PAGE_SIZE = 50;

  private List<QueueRow> rows;
  private long total;
  private long releasable;
  private List<AssignmentOption> assignments;
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

  /**
   * The queue's current page: assignment submissions and quiz essays merged, oldest first. Four
   * statements however long the queue: the essays waiting, the counts (one scan, also placing each
   * essay among the submissions by its time), the page's submissions, and the courses taught.
   */
  public List<QueueRow> getRows() {
    if (rows == null) {
      long instructor = signedIn.require().userId();
      QueueFilter f = getFilter();
      List<QueueRow> essays = new ArrayList<>();
      if (f.assignmentId() == null && f.status() == null && !Boolean.TRUE.equals(f.late())) {
        for (WaitingEssay e : quizzes.waitingEssays(instructor)) {
          if (f.courseId() == null || f.courseId() == e.courseId()) {
            essays.add(QueueRow.quizEssay(e));
          }
        }
      }
      essays.sort(BY_TIME);
      List<Instant> times =
          essays.stream().map(QueueRow::submittedAt).filter(Objects::nonNull).toList();
      QueueCounts counts = grading.counts(instructor, f, times);
      // An essay's place among all: the essays before it, and the submissions up to its time.
      int offset = (getPage() - 1) * PAGE_SIZE;
      int essaysBefore = 0;
      int timed = 0;
      List<QueueRow> essaysHere = new ArrayList<>();
      for (int j = 0; j < essays.size(); j++) {
        QueueRow e = essays.get(j);
        long place =
            j + (e.submittedAt() == null ? Long.MAX_VALUE / 2 : counts.until().get(timed++));
        if (place < offset) {
          essaysBefore++;
        } else if (place < offset + PAGE_SIZE) {
          essaysHere.add(e);
        }
      }
      int wanted = PAGE_SIZE - essaysHere.size();
      List<QueueRow> all =
          new ArrayList<>(
              wanted == 0
                  ? List.of()
                  : grading.rows(instructor, f, Math.max(0, offset - essaysBefore), wanted));
      all.addAll(essaysHere);
      all.sort(BY_TIME);
      rows = List.copyOf(all);
      total = counts.total() + essays.size();
      releasable = counts.releasable();
    }
    return rows;
  }

  private static final Comparator<QueueRow> BY_TIME =
      Comparator.comparing(QueueRow::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()));

  /** How many the filter lets through, on every page. */
  public long getTotal() {
    getRows();
    return total;
  }

  /** The page shown, from 1 ({@code ?page=}); anything malformed is the first. */
  public int getPage() {
    Long page = Pages.id(Pages.requestParameter("page"));
    return page == null || page > 100_000 ? 1 : page.intValue();
  }

  public int getPages() {
    return (int) Math.max(1, (getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  /** The address of page {@code n} of this filtered queue. */
  public String pageQuery(int n) {
    return "?page=" + n + getFilterQuery();
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
    if (assignments == null) {
      assignments = grading.assignments(signedIn.require().userId());
    }
    return assignments;
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

  /** How many grades are saved and not released under the filter: what bulk release releases. */
  public long getReleasable() {
    getRows();
    return releasable;
  }

  /** The bulk release page's address for this queue's filter. */
  public String getReleaseQuery() {
    String q = getFilterQuery();
    return q.isEmpty() ? "" : "?" + q.substring(1);
  }
}
