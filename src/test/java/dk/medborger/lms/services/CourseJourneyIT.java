package dk.medborger.lms.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.Enrolment;
import dk.medborger.lms.courses.entity.EnrolmentStatus;
import dk.medborger.lms.identity.boundary.UserAccounts;
import dk.medborger.lms.identity.entity.JobRole;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.CourseSeeding;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.CourseProgress.ModuleState;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress.LessonPage;
import dk.medborger.lms.quizzes.boundary.QuestionBank;
import dk.medborger.lms.quizzes.boundary.QuizTaking;
import dk.medborger.lms.reporting.boundary.Certificates;
import dk.medborger.lms.testing.AtOnce;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.Quizzes;
import dk.medborger.lms.testing.TestDatabase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The learner's way through the seeded course, through the services on a real Payara Micro and
 * MariaDB: enrolment, opening and completing lessons, sequential unlock, course completion, and
 * that nobody reaches a course they do not take.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class CourseJourneyIT {

  private static final AtomicInteger USERS = new AtomicInteger();

  @Deployment
  static WebArchive deployment() {
    return Deployments.application(CourseJourneyIT.class);
  }

  @Inject CourseCatalog catalog;
  @Inject Enrolments enrolments;
  @Inject LearnerProgress progress;
  @Inject UserAccounts accounts;
  @Inject QuizTaking quizzes;

  @Inject AssignmentWork assignments;
  @Inject QuestionBank bank;
  @Inject Certificates certificates;

  @PersistenceContext EntityManager em;

  @PersistenceUnit EntityManagerFactory emf;

  private long newLearner() {
    return accounts.create(
        "it.learner." + USERS.incrementAndGet() + "." + System.nanoTime(),
        "PBKDF2WithHmacSHA512:1:AAAA:AAAA",
        "Test Lærer",
        null,
        JobRole.LIBRARIAN,
        EnumSet.of(Role.LEARNER));
  }

  private long course() {
    return catalog.findIdBySlug(CourseSeeding.DIGITAL_CITIZENSHIP).orElseThrow();
  }

  private List<Long> lessons() {
    return catalog.outline(course()).activitiesInOrder().stream()
        .filter(a -> a.kind() == ActivityKind.LESSON)
        .map(CourseOutline.Item::id)
        .toList();
  }

  /**
   * Completes an activity as a learner does: a lesson by "mark as completed", a quiz by passing; an
   * assignment (optional in the demo course) is handed in.
   */
  private void finish(long learner, CourseOutline.Item activity) {
    if (activity.kind() == ActivityKind.QUIZ) {
      Quizzes.pass(quizzes, bank, learner, activity.id());
    } else if (activity.kind() == ActivityKind.ASSIGNMENT) {
      assignments.saveDraft(learner, activity.id(), "Min refleksion.");
      assignments.submit(learner, activity.id(), true, null);
    } else {
      progress.complete(learner, activity.id());
    }
  }

  @Test
  void theSeededCourseIsThereWithItsModulesInOrder() {
    CourseOutline outline = catalog.outline(course());
    assertTrue(outline.modules().size() >= 6);
    assertTrue(outline.sequential());
    assertTrue(
        catalog
            .lessonContent(catalog.outlineOfActivity(lessons().get(0)), lessons().get(0))
            .contains("<p>"));
  }

  @Test
  void openingALessonRecordsItAsStartedAndAsThePlaceToResume() {
    long learner = newLearner();
    enrolments.enrol(learner, course(), LocalDate.now().plusDays(30));
    long second = lessons().get(1);

    LessonPage page = progress.openLesson(learner, second);

    assertFalse(page.locked());
    assertFalse(page.completed());
    assertEquals(lessons().get(0), page.previous().id());
    assertEquals(lessons().get(2), page.next().id());
    assertEquals(second, progress.course(learner, course()).progress().resumeActivityId());
    assertEquals(EnrolmentStatus.IN_PROGRESS, enrolments.require(learner, course()).getStatus());
  }

  @Test
  void completingAllLessonsOfAModuleCompletesItAndUnlocksTheNext() {
    long learner = newLearner();
    enrolments.enrol(learner, course(), null);
    CourseOutline outline = catalog.outline(course());
    long firstOfModuleTwo = outline.modules().get(1).activities().get(0).id();

    assertTrue(progress.openLesson(learner, firstOfModuleTwo).locked(), "module 2 starts locked");
    assertTrue(progress.complete(learner, firstOfModuleTwo).locked(), "and cannot be completed");

    for (CourseOutline.Item item : outline.modules().get(0).activities()) {
      finish(learner, item);
    }
    var view = progress.course(learner, course());
    assertEquals(ModuleState.COMPLETED, view.progress().modules().get(0).state());
    assertEquals(ModuleState.NOT_STARTED, view.progress().modules().get(1).state());
    assertFalse(progress.openLesson(learner, firstOfModuleTwo).locked());
  }

  @Test
  void completingEveryActivityCompletesTheCourseAndStoresTheDate() {
    long learner = newLearner();
    enrolments.enrol(learner, course(), null);
    for (CourseOutline.Item activity : catalog.outline(course()).activitiesInOrder()) {
      finish(learner, activity);
    }
    assertTrue(progress.course(learner, course()).progress().complete());
    em.clear();
    var enrolment = enrolments.require(learner, course());
    assertEquals(EnrolmentStatus.COMPLETED, enrolment.getStatus());
    assertEquals(100, enrolment.getProgressPercent());
    assertNotNull(enrolment.getCompletedAt());
  }

  @Test
  void completingTwiceKeepsTheFirstCompletion() {
    long learner = newLearner();
    enrolments.enrol(learner, course(), null);
    long first = lessons().get(0);
    int percent = progress.complete(learner, first).progress().percent();
    assertEquals(percent, progress.complete(learner, first).progress().percent());
  }

  @Test
  void undoingALessonOfACompletedCourseMakesItIncompleteKeepsTheHistoryAndTheCertificate() {
    long learner = newLearner();
    enrolments.enrol(learner, course(), null);
    for (CourseOutline.Item activity : catalog.outline(course()).activitiesInOrder()) {
      finish(learner, activity);
    }
    long first = lessons().get(0);
    var certificate = certificates.ofLearner(learner, course()).orElseThrow();

    LessonPage undone = progress.undoCompletion(learner, first);
    assertFalse(undone.completed());
    assertFalse(undone.progress().complete());
    assertTrue(undone.progress().percent() < 100);
    em.clear();
    Enrolment enrolment = enrolments.require(learner, course());
    assertEquals(EnrolmentStatus.IN_PROGRESS, enrolment.getStatus());
    assertEquals(null, enrolment.getCompletedAt());
    assertEquals(List.of("COMPLETED:COMPLETED", "REOPENED:IN_PROGRESS"), history(learner, first));

    // A second click finds nothing to undo and writes nothing.
    progress.undoCompletion(learner, first);
    assertEquals(2, history(learner, first).size());

    // The certificate of the first completion stands; completing again issues no second one.
    assertFalse(certificates.ofLearner(learner, course()).orElseThrow().revoked());
    assertTrue(progress.complete(learner, first).progress().complete());
    var after = certificates.ofLearner(learner, course()).orElseThrow();
    assertEquals(certificate.code(), after.code());
    assertEquals(certificate.completedAt(), after.completedAt());
  }

  @Test
  void aLessonCompletedOnReachingItsEndCannotBeUndone() {
    long learner = newLearner();
    long other =
        catalog.findIdBySlug("laer-mere-om-it").orElseThrow(); // lessons complete at their end
    enrolments.enrol(learner, other, null);
    long lesson =
        catalog.outline(other).activitiesInOrder().stream()
            .filter(a -> a.kind() == ActivityKind.LESSON)
            .findFirst()
            .orElseThrow()
            .id();
    assertFalse(progress.complete(learner, lesson).undoable());
    assertTrue(progress.undoCompletion(learner, lesson).completed());
    assertEquals(List.of("COMPLETED:COMPLETED"), history(learner, lesson));
  }

  /** The activity's recorded outcomes, oldest first, as "outcome:state after". */
  private List<String> history(long learner, long activity) {
    return em
        .createNativeQuery(
            "SELECT CONCAT(o.outcome, ':', o.status_after) FROM activity_outcome o"
                + " JOIN activity_progress p ON p.id = o.progress_id"
                + " JOIN enrolment e ON e.id = p.enrolment_id"
                + " WHERE e.user_id = ? AND p.activity_id = ? ORDER BY o.id")
        .setParameter(1, learner)
        .setParameter(2, activity)
        .getResultList()
        .stream()
        .map(String::valueOf)
        .toList();
  }

  @Test
  void learnerCannotOpenACourseOrLessonTheyAreNotEnrolledIn() {
    long stranger = newLearner();
    assertThrows(NotFoundException.class, () -> progress.course(stranger, course()));
    assertThrows(NotFoundException.class, () -> progress.openLesson(stranger, lessons().get(0)));
    assertThrows(NotFoundException.class, () -> progress.complete(stranger, lessons().get(0)));
    assertThrows(NotFoundException.class, () -> progress.openLesson(stranger, Long.MAX_VALUE));
    assertTrue(progress.dashboard(stranger).isEmpty());
  }

  @Test
  void dashboardShowsOverdueOnlyForUnfinishedCoursesPastTheirDueDate() {
    long learner = newLearner();
    enrolments.enrol(learner, course(), LocalDate.now().minusDays(3));
    var entry = progress.dashboard(learner).get(0);
    assertTrue(entry.overdue());
    assertEquals(0, entry.percent());
    assertEquals(lessons().get(0), entry.resume().id());
  }

  @Test
  void dashboardShowsEachCourseWithItsOwnProgressAndPlaceToResume() {
    long learner = newLearner();
    long other = catalog.findIdBySlug(CourseSeeding.TEACHING_IT).orElseThrow();
    enrolments.enrol(learner, course(), LocalDate.now().plusDays(10));
    enrolments.enrol(learner, other, LocalDate.now().plusDays(20));
    progress.complete(learner, lessons().get(0));

    var entries = progress.dashboard(learner);

    assertEquals(List.of(course(), other), entries.stream().map(e -> e.courseId()).toList());
    assertTrue(entries.get(0).percent() > 0);
    assertEquals(lessons().get(1), entries.get(0).resume().id());
    assertEquals(0, entries.get(1).percent());
    assertEquals(
        catalog.outline(other).activitiesInOrder().get(0).id(), entries.get(1).resume().id());
  }

  @Test
  void learnersStartingTheCourseTogetherDoNotBlockOrFailEachOther() throws Exception {
    // Newly enrolled learners have the highest enrolment ids and no progress rows yet: a cohort
    // that opens its first lesson in the same second (writes of different learners must not lock
    // each other's index gaps).
    List<Long> cohort = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long learner = newLearner();
      enrolments.enrol(learner, course(), null);
      cohort.add(learner);
    }
    long first = lessons().get(0);

    AtOnce.run(cohort.size(), i -> progress.openLesson(cohort.get(i), first));
    AtOnce.run(cohort.size(), i -> progress.complete(cohort.get(i), first));

    for (long learner : cohort) {
      assertEquals(1L, progressRows(learner));
    }
  }

  @Test
  void openingTheSameLessonInSeveralTabsAtOnceRecordsOneStartAndFailsNone() throws Exception {
    long learner = newLearner();
    enrolments.enrol(learner, course(), null);
    long first = lessons().get(0);

    AtOnce.run(6, i -> progress.openLesson(learner, first));

    assertEquals(1L, progressRows(learner));
    assertEquals(first, progress.course(learner, course()).progress().resumeActivityId());
  }

  @Test
  void completingTheLastLessonsAtOnceStillCompletesTheCourse() throws Exception {
    long learner = newLearner();
    enrolments.enrol(learner, course(), null);
    CourseOutline outline = catalog.outline(course());
    List<CourseOutline.Item> last =
        outline.modules().get(outline.modules().size() - 1).activities().stream()
            .filter(a -> a.kind() == ActivityKind.LESSON)
            .toList();
    // Everything but the last module's lessons: its quiz is handed in first.
    List<CourseOutline.Item> rest =
        outline.activitiesInOrder().stream().filter(a -> !last.contains(a)).toList();
    for (CourseOutline.Item activity : rest) {
      finish(learner, activity);
    }

    // The button and the end-of-lesson script, or two tabs: each write must see the other's.
    AtOnce.run(last.size() * 2, i -> progress.complete(learner, last.get(i % last.size()).id()));

    try (EntityManager fresh = emf.createEntityManager()) {
      Enrolment enrolment =
          fresh
              .createNamedQuery(Enrolment.FIND_BY_USER_AND_COURSE, Enrolment.class)
              .setParameter("userId", learner)
              .setParameter("courseId", course())
              .getSingleResult();
      assertEquals(EnrolmentStatus.COMPLETED, enrolment.getStatus());
      assertEquals(100, enrolment.getProgressPercent());
    }
    assertEquals(outline.activitiesInOrder().size(), progressRows(learner));
  }

  /**
   * Counted through an entity manager of its own, so that nothing is read from this test's
   * persistence context.
   */
  private long progressRows(long learner) {
    try (EntityManager fresh = emf.createEntityManager()) {
      return fresh
          .createQuery(
              "SELECT COUNT(p) FROM ActivityProgress p WHERE p.enrolment.user.id = :userId",
              Long.class)
          .setParameter("userId", learner)
          .getSingleResult();
    }
  }
}
