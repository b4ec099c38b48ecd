package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.TaughtCourse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The instructor's start page: the courses they teach, their quizzes, what waits for grading. */
@Named
@RequestScoped
public class TeachingView {

  @Inject SignedIn signedIn;

  @Inject QuizTeaching teaching;

  private List<TaughtCourse> courses;
  private Long awaiting;

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
}
