package dk.medborger.lms.testing;

import dk.medborger.lms.assignments.boundary.AssignmentPackages;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.CourseSeeding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the service tests make inside the deployment: users of a role (that cannot log in; the tests
 * call the services with the id), learners enrolled in and instructors of the demo course, and new
 * optional assignments in its first module (so that the module completes as before for the other
 * test classes that share the database).
 */
@ApplicationScoped
public class AssignmentFixtures {

  private static final AtomicInteger USERS = new AtomicInteger();

  @Inject CourseCatalog catalog;
  @Inject Enrolments enrolments;
  @Inject Teaching teaching;
  @Inject UserAccounts accounts;
  @Inject AssignmentPackages packages;

  public long course() {
    return catalog.findIdBySlug(CourseSeeding.DIGITAL_CITIZENSHIP).orElseThrow();
  }

  public long newUser(String name, Role role) {
    return accounts.create(
        "assign."
            + role.name().toLowerCase()
            + "."
            + USERS.incrementAndGet()
            + "."
            + System.nanoTime(),
        "PBKDF2WithHmacSHA512:1:AAAA:AAAA",
        name,
        null,
        role == Role.INSTRUCTOR ? JobRole.CONSULTANT : JobRole.LIBRARIAN,
        EnumSet.of(role));
  }

  /** A new learner, enrolled in the demo course. */
  public long learner(String name) {
    long learner = newUser(name, Role.LEARNER);
    enrolments.enrol(learner, course(), null);
    return learner;
  }

  /** A new instructor of the demo course. */
  public long instructor() {
    long instructor = newUser("Test Underviser", Role.INSTRUCTOR);
    teaching.assign(course(), instructor);
    return instructor;
  }

  /**
   * A new optional assignment in module 1 of the demo course, shaped by {@code setUp}, with {@code
   * criteria} as its rubric.
   */
  public long assignment(
      CompletionCriterion criterion,
      Consumer<Assignment> setUp,
      List<AssignmentPackages.Criterion> criteria) {
    Assignment a =
        new Assignment("Testopgave " + System.nanoTime(), 10, criterion, "<p>Skriv.</p>");
    a.setRequired(false);
    setUp.accept(a);
    return packages.add(course(), 1, a, criteria);
  }

  /** {@link #assignment(CompletionCriterion, Consumer, List)} with two pass/fail criteria. */
  public long assignment(CompletionCriterion criterion, Consumer<Assignment> setUp) {
    return assignment(
        criterion,
        setUp,
        List.of(
            new AssignmentPackages.Criterion("Kriterium A", "A", List.of()),
            new AssignmentPackages.Criterion("Kriterium B", "B", List.of())));
  }
}
