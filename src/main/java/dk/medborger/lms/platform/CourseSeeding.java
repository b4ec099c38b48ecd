package dk.medborger.lms.platform;

import dk.medborger.lms.assignments.boundary.AssignmentPackages;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.quizzes.boundary.QuizPackages;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Installs the courses this product exists for — <em>Digitalt medborgerskab</em> and the shorter
 * <em>Lær mere om it</em> course for those who teach citizens — from their packages on the class
 * path when the database does not have them yet (in every mode, not only demo), and the quizzes and
 * assignments of a package into its course when the course has none of that kind yet.
 */
@ApplicationScoped
public class CourseSeeding {

  public static final String DIGITAL_CITIZENSHIP = "digitalt-medborgerskab";
  public static final String TEACHING_IT = "laer-mere-om-it";

  @Inject CourseCatalog catalog;

  @Inject QuizPackages quizzes;

  @Inject AssignmentPackages assignments;

  void seed(
      @Observes @Priority(StartupOrder.SEED_COURSES) @Initialized(ApplicationScoped.class)
          Object event) {
    long course = catalog.importIfMissing(DIGITAL_CITIZENSHIP);
    quizzes.installIfMissing(DIGITAL_CITIZENSHIP, course);
    assignments.installIfMissing(DIGITAL_CITIZENSHIP, course);
    catalog.importIfMissing(TEACHING_IT);
  }
}
