package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentViews.AssignmentOption;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.TaughtCourse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instructor's start page: the courses they teach, their quizzes and assignments, and what
 * waits in the grading queue.
 */
@Named
@RequestScoped
public class TeachingView {

  @Inject SignedIn signedIn;

  @Inject QuizTeaching teaching;

  @Inject AssignmentGrading assignments;

  private List<TaughtCourse> courses;
  private Map<Long, List<AssignmentOption>> assignmentsByCourse;
  private Long awaiting;
  private Long queue;

  public List<TaughtCourse> getCourses() {
    if (courses == null) {
      courses = teaching.courses(signedIn.require().userId());
    }
    return courses;
  }

  /** The assignments of a course the instructor teaches, in the course's order. */
  public List<AssignmentOption> assignmentsOf(long courseId) {
    if (assignmentsByCourse == null) {
      assignmentsByCourse =
          assignments.assignments(signedIn.require().userId()).stream()
              .collect(Collectors.groupingBy(AssignmentOption::courseId));
    }
    return assignmentsByCourse.getOrDefault(courseId, List.of());
  }

  public long getAwaiting() {
    if (awaiting == null) {
      awaiting = teaching.awaitingGrading(signedIn.require().userId());
    }
    return awaiting;
  }

  /** Everything waiting in the grading queue: submissions and quiz essays. */
  public long getQueue() {
    if (queue == null) {
      queue = assignments.waiting(signedIn.require().userId()) + getAwaiting();
    }
    return queue;
  }
}
