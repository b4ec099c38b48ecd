package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.TaughtCourse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The instructor's start page: the courses they teach, their quizzes, and what waits in the grading
 * queue.
 */
@Named
@RequestScoped
public class TeachingView {

  @Inject SignedIn signedIn;

  @Inject QuizTeaching teaching;

  @Inject AssignmentGrading assignments;

  private List<TaughtCourse> courses;
  private Long awaiting;
  private Long queue;

  public List<TaughtCourse> getCourses() {
    if (courses == null) {
      courses = teaching.courses(signedIn.require().userId());
    }
    return courses;
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
