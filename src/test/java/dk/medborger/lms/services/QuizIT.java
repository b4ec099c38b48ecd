package dk.medborger.lms.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Enrolments;
import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.identity.entity.Role;
import dk.medborger.lms.platform.CourseSeeding;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.CourseCompleted;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.quizzes.boundary.AttemptDeadlines;
import dk.medborger.lms.quizzes.boundary.QuestionBank;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring;
import dk.medborger.lms.quizzes.boundary.QuizPackages;
import dk.medborger.lms.quizzes.boundary.QuizRefused;
import dk.medborger.lms.quizzes.boundary.QuizTaking;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizViews;
import dk.medborger.lms.quizzes.control.AttemptRecords;
import dk.medborger.lms.quizzes.control.ModelAnswers;
import dk.medborger.lms.quizzes.control.QuestionContents;
import dk.medborger.lms.quizzes.entity.AttemptAnswer;
import dk.medborger.lms.quizzes.entity.AttemptState;
import dk.medborger.lms.quizzes.entity.QuizAttempt;
import dk.medborger.lms.quizzes.entity.Response;
import dk.medborger.lms.quizzes.entity.ReviewTiming;
import dk.medborger.lms.testing.AssignmentFixtures;
import dk.medborger.lms.testing.AtOnce;
import dk.medborger.lms.testing.Deployments;
import dk.medborger.lms.testing.MovableClock;
import dk.medborger.lms.testing.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Quizzes through their services on a real Payara Micro and MariaDB: the demo course's quizzes, one
 * open attempt whatever happens at once, answers saved one by one and graded at hand-in, the
 * server's deadline and its scheduled hand-in, the review rules, and that a quiz's grade moves the
 * learner's progress. A small course of its own (test resources, {@code quiz-test}) has one quiz of
 * every type, a timed quiz and one with an essay; the clock can be moved ({@link MovableClock}).
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class QuizIT {

  private static final String COURSE = "quiz-test";

  @Deployment
  static WebArchive deployment() {
    WebArchive war =
        Deployments.application(
            QuizIT.class, MovableClock.class, Completions.class, AssignmentFixtures.class);
    for (String file :
        List.of(
            "course.json",
            "quizzes.json",
            "lessons/m1-l1.html",
            "quizzes/all-types.gift",
            "quizzes/timed.gift",
            "quizzes/essay.gift",
            "quizzes/random.gift")) {
      war.addAsResource(
          "quiz-test-course/courses/" + COURSE + "/" + file, "courses/" + COURSE + "/" + file);
    }
    return war;
  }

  /** Every course completion, as an observer after commit sees it. */
  @ApplicationScoped
  public static class Completions {
    static final List<CourseCompleted> SEEN = new CopyOnWriteArrayList<>();

    void seen(@Observes(during = TransactionPhase.AFTER_SUCCESS) CourseCompleted done) {
      SEEN.add(done);
    }
  }

  @Inject CourseCatalog catalog;
  @Inject QuizPackages packages;
  @Inject QuestionBank bank;
  @Inject Enrolments enrolments;
  @Inject LearnerProgress progress;
  @Inject QuizTaking quizzes;
  @Inject AttemptDeadlines deadlines;
  @Inject QuizTeaching teacher;
  @Inject QuestionContents contents;
  @Inject Teaching teachingLinks;
  @Inject AssignmentFixtures fixtures;
  @Inject QuizAuthoring authoring;

  @PersistenceUnit EntityManagerFactory emf;

  private long course() {
    long id = catalog.importIfMissing(COURSE);
    packages.installIfMissing(COURSE, id);
    return id;
  }

  /** The test course's activities: lesson, "Alle typer", "På tid", "Refleksion". */
  private List<CourseOutline.Item> activities() {
    return catalog.outline(course()).activitiesInOrder();
  }

  private long quiz(String title) {
    return activities().stream()
        .filter(a -> a.title().equals(title))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private long enrolledLearner() {
    long learner = fixtures.newUser("Test Deltager", Role.LEARNER);
    enrolments.enrol(learner, course(), null);
    return learner;
  }

  @Test
  void theDemoCourseHasAQuizAtTheEndOfEveryModule() {
    long demo = catalog.findIdBySlug(CourseSeeding.DIGITAL_CITIZENSHIP).orElseThrow();
    for (CourseOutline.Module module : catalog.outline(demo).modules()) {
      // The module's reflective assignment, if any, comes after its quiz.
      List<CourseOutline.Item> items =
          module.activities().stream().filter(a -> a.kind() != ActivityKind.ASSIGNMENT).toList();
      assertEquals(ActivityKind.QUIZ, items.get(items.size() - 1).kind(), module.title());
    }
  }

  @Test
  void twentyStartsAtOnceGiveExactlyOneAttempt() throws Exception {
    long learner = enrolledLearner();
    long quiz = quiz("Alle typer");

    List<Long> ids = AtOnce.run(20, i -> quizzes.start(learner, quiz));

    assertEquals(1, ids.stream().distinct().count());
    assertEquals(1, attempts(learner, quiz).size());
  }

  @Test
  void passingTheQuizCompletesTheActivityAndMovesTheCourse() {
    long learner = enrolledLearner();
    long quiz = quiz("Alle typer");
    long attempt = quizzes.start(learner, quiz);

    answerEverything(learner, attempt, true);
    quizzes.submit(learner, attempt);

    CourseProgress after = progress.course(learner, course()).progress();
    assertEquals(ActivityState.COMPLETED, after.status(quiz).state());
    assertTrue(after.percent() > 0);
    QuizViews.Overview overview = quizzes.overview(learner, quiz);
    assertEquals(0, overview.gradePercent().compareTo(java.math.BigDecimal.valueOf(1000, 1)));
    assertTrue(overview.passed());
  }

  @Test
  void failingTheQuizLeavesItToTryAgainAndTheBestAttemptCounts() {
    long learner = enrolledLearner();
    long quiz = quiz("Alle typer");
    long first = quizzes.start(learner, quiz);
    quizzes.submit(learner, first);
    assertEquals(
        ActivityState.FAILED, progress.course(learner, course()).progress().status(quiz).state());

    long second = quizzes.start(learner, quiz);
    assertTrue(second != first);
    answerEverything(learner, second, true);
    quizzes.submit(learner, second);

    assertEquals(
        ActivityState.COMPLETED,
        progress.course(learner, course()).progress().status(quiz).state());
  }

  @Test
  void everyAcknowledgedAnswerIsGradedAndAnotherTabIsTold() {
    long learner = enrolledLearner();
    long quiz = quiz("Alle typer");
    long attempt = quizzes.start(learner, quiz);
    QuizViews.AttemptPage page = quizzes.attempt(learner, attempt);
    QuizViews.QuestionView first = page.questions().get(0);

    AttemptRecords.Saved tabA =
        quizzes.save(learner, attempt, page.token(), 1, Response.ofText(null), first.version());
    AttemptRecords.Saved tabB =
        quizzes.save(learner, attempt, page.token(), 1, Response.ofText(null), first.version());

    assertFalse(tabA.otherTabSaved());
    assertTrue(tabB.otherTabSaved(), "the second tab had not seen the first tab's save");
    answerEverything(learner, attempt, true);
    quizzes.submit(learner, attempt);
    for (AttemptAnswer answer : answersOf(attempt)) {
      assertNotNull(answer.getMark(), "slot " + answer.getSlot() + " was graded");
    }
  }

  @Test
  void anAnswerAfterTheDeadlineIsRefusedAndTheScheduledTaskHandsTheAttemptIn() {
    long learner = enrolledLearner();
    long quiz = quiz("På tid");
    long attempt = quizzes.start(learner, quiz);
    QuizViews.AttemptPage page = quizzes.attempt(learner, attempt);
    assertTrue(page.timed());
    Map<Integer, Response> right = rightAnswers(attempt);
    quizzes.save(
        learner, attempt, page.token(), 1, right.get(1), page.questions().get(0).version());

    MovableClock.advance(Duration.ofMinutes(2));
    QuizRefused late =
        assertThrows(
            QuizRefused.class,
            () ->
                quizzes.save(
                    learner,
                    attempt,
                    page.token(),
                    2,
                    right.get(2),
                    page.questions().get(1).version()));
    assertEquals(QuizRefused.Reason.TIME_UP, late.reason());
    deadlines.finaliseExpired();

    QuizAttempt done = attemptById(attempt);
    assertEquals(AttemptState.FINISHED, done.getState());
    assertEquals(QuizAttempt.FinishedBy.TIMEOUT, done.getFinishedBy());
    assertEquals(0, done.getScore().compareTo(java.math.BigDecimal.ONE), "the saved answer counts");
    assertNull(quizzes.attempt(learner, attempt), "the page no longer offers the attempt");
  }

  @Test
  void noAttemptsAreLeftWhenAllAllowedAreUsed() {
    long learner = enrolledLearner();
    long quiz = quiz("På tid");
    quizzes.submit(learner, quizzes.start(learner, quiz));
    quizzes.submit(learner, quizzes.start(learner, quiz));

    QuizRefused refused = assertThrows(QuizRefused.class, () -> quizzes.start(learner, quiz));
    assertEquals(QuizRefused.Reason.NO_ATTEMPTS_LEFT, refused.reason());
    assertEquals(
        QuizRefused.Reason.NO_ATTEMPTS_LEFT, quizzes.overview(learner, quiz).cannotStart());
  }

  @Test
  void anEssayWaitsForAGraderAndAQuizCompletedOnSubmitIsCompleted() {
    long learner = enrolledLearner();
    long quiz = quiz("Refleksion");
    long attempt = handInEssay(learner, quiz, "Jeg hjalp en borger med MitID.");

    assertEquals(AttemptState.AWAITING_GRADING, attemptById(attempt).getState());
    assertEquals(
        ActivityState.COMPLETED,
        progress.course(learner, course()).progress().status(quiz).state());
  }

  @Test
  void completingTheWholeCourseFiresTheCourseCompletedEventAfterCommit() {
    long learner = enrolledLearner();
    progress.complete(learner, activities().get(0).id());
    for (String title : List.of("Alle typer", "På tid")) {
      long attempt = quizzes.start(learner, quiz(title));
      answerEverything(learner, attempt, true);
      quizzes.submit(learner, attempt);
    }
    assertTrue(Completions.SEEN.stream().noneMatch(c -> c.userId() == learner));
    long essay = quizzes.start(learner, quiz("Refleksion"));
    quizzes.submit(learner, essay);

    assertTrue(Completions.SEEN.stream().anyMatch(c -> c.userId() == learner));
  }

  @Test
  void learnerCannotReadOrChangeAnotherLearnersAttempt() {
    long owner = enrolledLearner();
    long other = enrolledLearner();
    long quiz = quiz("Alle typer");
    long attempt = quizzes.start(owner, quiz);
    String token = quizzes.attempt(owner, attempt).token();

    assertThrows(NotFoundException.class, () -> quizzes.attempt(other, attempt));
    assertThrows(
        NotFoundException.class,
        () -> quizzes.save(other, attempt, token, 1, Response.ofText("x"), 0));
    assertThrows(NotFoundException.class, () -> quizzes.submit(other, attempt));
    assertThrows(NotFoundException.class, () -> quizzes.review(other, attempt));
    assertThrows(
        QuizRefused.class,
        () -> quizzes.save(owner, attempt, "forged", 1, Response.ofText(null), 0));
    assertTrue(attemptById(attempt).open());
  }

  @Test
  void aLearnerNotInTheCourseCannotStartItsQuiz() {
    long stranger = fixtures.newUser("Fremmed", Role.LEARNER);
    long quiz = quiz("Alle typer");
    assertThrows(NotFoundException.class, () -> quizzes.start(stranger, quiz));
    assertThrows(NotFoundException.class, () -> quizzes.overview(stranger, quiz));
  }

  @Test
  void theReviewShowsTheRightAnswersOnlyAfterSubmit() {
    long learner = enrolledLearner();
    long quiz = quiz("Alle typer");
    long attempt = quizzes.start(learner, quiz);
    assertThrows(NotFoundException.class, () -> quizzes.review(learner, attempt));
    quizzes.submit(learner, attempt);

    QuizViews.Review review = quizzes.review(learner, attempt);
    assertTrue(review.showCorrect());
    assertFalse(review.questions().get(0).options().isEmpty());
  }

  private long instructor(boolean teachesTheCourse) {
    long id = fixtures.newUser("Test Underviser", Role.INSTRUCTOR);
    if (teachesTheCourse) {
      teachingLinks.assign(course(), id);
    }
    return id;
  }

  @Test
  void anInstructorGradesAnEssayAndTheAttemptIsFinishedAndASecondGraderIsToldOfTheConflict() {
    long learner = enrolledLearner();
    long quiz = quiz("Refleksion");
    long attempt = handInEssay(learner, quiz, "Jeg lyttede.");
    long grader = instructor(true);
    QuizTeaching.EssayToGrade essay =
        teacher.awaiting(grader).stream()
            .filter(e -> e.attemptId() == attempt)
            .findFirst()
            .orElseThrow();

    teacher.grade(grader, essay.answerId(), java.math.BigDecimal.ONE, "Godt set.", essay.version());
    assertThrows(
        jakarta.persistence.OptimisticLockException.class,
        () ->
            teacher.grade(
                instructor(true),
                essay.answerId(),
                java.math.BigDecimal.ZERO,
                "Nej.",
                essay.version()));

    QuizAttempt graded = attemptById(attempt);
    assertEquals(AttemptState.FINISHED, graded.getState());
    assertEquals(0, graded.getScore().compareTo(java.math.BigDecimal.ONE), "the first grade holds");
    assertTrue(teacher.awaiting(grader).stream().noneMatch(e -> e.attemptId() == attempt));
    assertEquals("Godt set.", quizzes.review(learner, attempt).questions().get(0).graderComment());
  }

  @Test
  void anInstructorOfAnotherCourseIsForbiddenEverything() {
    long stranger = instructor(false);
    long quiz = quiz("Alle typer");
    long learner = enrolledLearner();
    long attempt = quizzes.start(learner, quiz);
    quizzes.submit(learner, attempt);
    long answer = answersOf(attempt).get(0).getId();

    assertThrows(ForbiddenException.class, () -> teacher.results(stranger, quiz));
    assertThrows(ForbiddenException.class, () -> teacher.essay(stranger, answer));
    assertThrows(
        ForbiddenException.class,
        () -> teacher.grade(stranger, answer, java.math.BigDecimal.ONE, null, 0));
    assertThrows(
        ForbiddenException.class, () -> teacher.override(stranger, quiz, learner, 1, null));
    assertThrows(
        ForbiddenException.class, () -> teacher.importGift(stranger, course(), "::A::B {T}", "X"));
    assertThrows(ForbiddenException.class, () -> teacher.exportGift(stranger, course()));
    assertThrows(ForbiddenException.class, () -> authoring.settings(stranger, quiz));
    QuizAuthoring.Settings same = authoring.settings(instructor(true), quiz).settings();
    assertThrows(ForbiddenException.class, () -> authoring.saveSettings(stranger, quiz, same));
    assertThrows(ForbiddenException.class, () -> authoring.questions(stranger, course()));
    long question = authoring.questions(instructor(true), course()).get(0).id();
    assertThrows(ForbiddenException.class, () -> authoring.question(stranger, question));
    assertThrows(
        ForbiddenException.class,
        () -> authoring.revise(stranger, question, "::A::B {T}", java.math.BigDecimal.ONE, 0));
    assertTrue(teacher.courses(stranger).isEmpty());
  }

  @Test
  void anExtraAttemptFromTheInstructorLetsTheLearnerTryAgain() {
    long learner = enrolledLearner();
    long quiz = quiz("På tid");
    quizzes.submit(learner, quizzes.start(learner, quiz));
    quizzes.submit(learner, quizzes.start(learner, quiz));
    assertThrows(QuizRefused.class, () -> quizzes.start(learner, quiz));

    teacher.override(instructor(true), quiz, learner, 1, 5);

    long third = quizzes.start(learner, quiz);
    QuizAttempt started = attemptById(third);
    assertEquals(3, started.getNumber());
    assertEquals(
        Duration.ofMinutes(5), Duration.between(started.getStartedAt(), started.getDeadlineAt()));
  }

  @Test
  void resultsShowTheAttemptsTheDistributionAndTheQuestionStatistics() {
    long quiz = quiz("Alle typer");
    for (int i = 0; i < 3; i++) {
      long learner = enrolledLearner();
      long attempt = quizzes.start(learner, quiz);
      answerEverything(learner, attempt, i > 0);
      quizzes.submit(learner, attempt);
    }
    long teacherId = instructor(true);

    QuizTeaching.Results results = teacher.results(teacherId, quiz);
    assertTrue(results.attempts().size() >= 3);
    assertTrue(java.util.Arrays.stream(results.distribution()).sum() >= 3);
    assertEquals(6, results.questions().size());
    assertNotNull(results.questions().get(0).facility());
    String csv =
        teacher.resultsCsv(
            teacherId,
            quiz,
            Map.of(
                "learner",
                "Deltager",
                "attempt",
                "Forsøg",
                "state",
                "Status",
                "submitted",
                "Afleveret",
                "score",
                "Point",
                "max",
                "Maks",
                "percent",
                "Procent"));
    assertTrue(csv.startsWith("\uFEFFDeltager;Forsøg;"), csv);
    assertTrue(csv.contains("Test Deltager;"), csv);
  }

  @Test
  void eachAttemptDrawsItsQuestionsAtRandomFromTheCategory() {
    long quiz = quiz("Tilfældige");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 6; i++) {
      long learner = enrolledLearner();
      long attempt = quizzes.start(learner, quiz);
      List<QuizViews.QuestionView> drawn = quizzes.attempt(learner, attempt).questions();
      assertEquals(2, drawn.size());
      assertFalse(drawn.get(0).text().equals(drawn.get(1).text()), "no question twice");
      drawn.forEach(q -> seen.add(q.text()));
    }
    assertTrue(seen.size() > 2, "different learners get different questions: " + seen);
  }

  @Test
  void theReviewHidesRightAnswersAndFeedbackTheSettingsDoNotAllowYet() {
    long learner = enrolledLearner();
    long quiz = quiz("På tid");
    long attempt = quizzes.start(learner, quiz);
    quizzes.submit(learner, attempt);

    QuizViews.Review review = quizzes.review(learner, attempt);
    assertTrue(review.showAnswers());
    assertFalse(review.showCorrect());
    assertFalse(review.showFeedback(), "feedback only after the quiz closes");
    for (QuizViews.QuestionReview q : review.questions()) {
      assertTrue(q.rightAnswers().isEmpty());
      assertTrue(q.feedback().isEmpty());
      assertNull(q.generalFeedback());
      q.options().forEach(o -> assertNull(o.right(), "no right answer marked"));
    }
  }

  @Test
  void newSettingsApplyToAttemptsStartedAfterwardsAndBadOnesSaveNothing() {
    long instructor = instructor(true);
    long quiz = quiz("Tilfældige");
    QuizAuthoring.Settings before = authoring.settings(instructor, quiz).settings();
    try {
      java.time.Instant opens = java.time.Instant.parse("2026-01-01T08:00:00Z");
      QuizAuthoring.Settings bad =
          new QuizAuthoring.Settings(
              before.passPercent(),
              0,
              before.gradingMethod(),
              601,
              opens,
              opens.minusSeconds(60),
              before.shuffleChoices(),
              before.onePerPage(),
              before.reviewAnswers(),
              before.reviewCorrect(),
              before.reviewFeedback());
      assertEquals(
          List.of(
              QuizAuthoring.Problem.ATTEMPTS,
              QuizAuthoring.Problem.TIME_LIMIT,
              QuizAuthoring.Problem.WINDOW),
          authoring.saveSettings(instructor, quiz, bad));
      assertEquals(before, authoring.settings(instructor, quiz).settings(), "nothing was saved");

      QuizAuthoring.Settings timed =
          new QuizAuthoring.Settings(
              before.passPercent(),
              before.attemptsAllowed(),
              before.gradingMethod(),
              7,
              null,
              null,
              false,
              true,
              ReviewTiming.AFTER_SUBMIT,
              ReviewTiming.NEVER,
              ReviewTiming.AFTER_SUBMIT);
      assertEquals(List.of(), authoring.saveSettings(instructor, quiz, timed));
      assertEquals(timed, authoring.settings(instructor, quiz).settings());
      long learner = enrolledLearner();
      QuizAttempt started = attemptById(quizzes.start(learner, quiz));
      assertEquals(
          Duration.ofMinutes(7), Duration.between(started.getStartedAt(), started.getDeadlineAt()));
    } finally {
      authoring.saveSettings(instructor, quiz, before);
    }
  }

  @Test
  void thePassMarkAndGradingMethodStayOnceAnAttemptIsGraded() {
    long instructor = instructor(true);
    long quiz = quiz("Tilfældige");
    long learner = enrolledLearner();
    quizzes.submit(learner, quizzes.start(learner, quiz));
    QuizAuthoring.QuizSettings now = authoring.settings(instructor, quiz);
    assertTrue(now.gradeLocked());
    QuizAuthoring.Settings s = now.settings();
    QuizAuthoring.Settings easier =
        new QuizAuthoring.Settings(
            java.math.BigDecimal.TEN,
            s.attemptsAllowed(),
            s.gradingMethod(),
            s.timeLimitMinutes(),
            s.opensAt(),
            s.closesAt(),
            s.shuffleChoices(),
            s.onePerPage(),
            s.reviewAnswers(),
            s.reviewCorrect(),
            s.reviewFeedback());

    assertEquals(
        List.of(QuizAuthoring.Problem.GRADE_LOCKED),
        authoring.saveSettings(instructor, quiz, easier));
    assertEquals(
        0,
        s.passPercent().compareTo(authoring.settings(instructor, quiz).settings().passPercent()));
  }

  @Test
  void aRevisedQuestionIsANewVersionForNewAttemptsWhileOldAttemptsKeepWhatTheyShowed() {
    long instructor = instructor(true);
    long quiz = quiz("Refleksion");
    QuizAuthoring.BankQuestion number =
        authoring.questions(instructor, course()).stream()
            .filter(q -> q.name().equals("Et tal"))
            .findFirst()
            .orElseThrow();
    long before = quizzes.start(enrolledLearner(), quiz);
    QuizAuthoring.EditableQuestion editing = authoring.question(instructor, number.id());
    assertTrue(editing.gift().contains("=8:0"), editing.gift());

    QuizAuthoring.Revised broken =
        authoring.revise(
            instructor,
            number.id(),
            "::Et tal::Hvor mange? {#otte}",
            java.math.BigDecimal.ONE,
            editing.seen());
    assertFalse(broken.ok());
    assertEquals(1, broken.errors().size());
    assertFalse(
        authoring
            .revise(
                instructor, number.id(), "A {T}\n\nB {F}", java.math.BigDecimal.ONE, editing.seen())
            .ok(),
        "two questions");
    assertEquals(editing.version(), authoring.question(instructor, number.id()).version());

    String text = "::Et tal::Hvor mange moduler har kurset i alt? {#8}";
    QuizAuthoring.Revised revised =
        authoring.revise(
            instructor, number.id(), text, java.math.BigDecimal.valueOf(2), editing.seen());
    assertTrue(revised.ok() && revised.changed());
    assertEquals(editing.version() + 1, revised.version());
    assertTrue(
        authoring
            .revise(instructor, number.id(), text, java.math.BigDecimal.ONE, editing.seen())
            .conflict(),
        "a second editor who saw the old version is told");

    long after = quizzes.start(enrolledLearner(), quiz);
    assertEquals(
        "Hvor mange moduler har kurset?",
        contents.of(answersOf(before).get(1).getQuestionVersionId()).text());
    assertEquals(
        "Hvor mange moduler har kurset i alt?",
        contents.of(answersOf(after).get(1).getQuestionVersionId()).text());
    assertEquals(
        0, answersOf(after).get(1).getMaxScore().compareTo(java.math.BigDecimal.valueOf(2)));
  }

  @Test
  void aMalformedGiftFileImportsNothingAndNamesTheLine() {
    long course = course();
    long before = questionCount();
    QuestionBank.Imported imported =
        bank.importGift(
            course, "::A::Godt spørgsmål {T}\n\n::B::Ingen ende {=ja ~nej\n", "Fejl", null);
    assertFalse(imported.ok());
    assertEquals(3, imported.errors().get(0).line());
    assertEquals(before, questionCount());
  }

  private long questionCount() {
    try (EntityManager em = emf.createEntityManager()) {
      return em.createQuery("SELECT COUNT(q) FROM Question q", Long.class).getSingleResult();
    }
  }

  /** Starts an attempt of the essay quiz, writes {@code text} as the essay and hands it in. */
  private long handInEssay(long learner, long quiz, String text) {
    long attempt = quizzes.start(learner, quiz);
    QuizViews.AttemptPage page = quizzes.attempt(learner, attempt);
    quizzes.save(
        learner,
        attempt,
        page.token(),
        1,
        Response.ofText(text),
        page.questions().get(0).version());
    quizzes.submit(learner, attempt);
    return attempt;
  }

  /** Saves the right (or a blank) answer to every question of the attempt. */
  private void answerEverything(long learner, long attempt, boolean right) {
    QuizViews.AttemptPage page = quizzes.attempt(learner, attempt);
    Map<Integer, Response> answers = rightAnswers(attempt);
    for (QuizViews.QuestionView q : page.questions()) {
      quizzes.save(
          learner,
          attempt,
          page.token(),
          q.slot(),
          right ? answers.get(q.slot()) : Response.ofText(null),
          q.version());
    }
  }

  private Map<Integer, Response> rightAnswers(long attempt) {
    Map<Integer, Response> answers = new HashMap<>();
    for (AttemptAnswer a : answersOf(attempt)) {
      answers.put(a.getSlot(), ModelAnswers.of(contents.of(a.getQuestionVersionId())));
    }
    return answers;
  }

  private List<AttemptAnswer> answersOf(long attempt) {
    try (EntityManager em = emf.createEntityManager()) {
      return new ArrayList<>(
          em.createNamedQuery(AttemptAnswer.OF_ATTEMPT, AttemptAnswer.class)
              .setParameter("attemptId", attempt)
              .getResultList());
    }
  }

  private QuizAttempt attemptById(long id) {
    try (EntityManager em = emf.createEntityManager()) {
      return em.find(QuizAttempt.class, id);
    }
  }

  private List<QuizAttempt> attempts(long learner, long quiz) {
    try (EntityManager em = emf.createEntityManager()) {
      return em.createNamedQuery(QuizAttempt.OF_LEARNER, QuizAttempt.class)
          .setParameter("quizId", quiz)
          .setParameter("userId", learner)
          .getResultList();
    }
  }
}
