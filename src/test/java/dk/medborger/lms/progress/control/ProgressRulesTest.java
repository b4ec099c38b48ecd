package dk.medborger.lms.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.CourseProgress.ModuleState;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.progress.entity.OutcomeKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressRulesTest {

  /** Module 1: activities 11, 12; module 2: 21, 22 (22 optional); module 3: 31. */
  private static CourseOutline course(boolean sequential) {
    return new CourseOutline(
        1,
        "Kursus",
        "",
        sequential,
        List.of(
            module(1, item(11, 1, true), item(12, 1, true)),
            module(2, item(21, 2, true), item(22, 2, false)),
            module(3, item(31, 3, true))));
  }

  private static CourseOutline.Module module(long id, CourseOutline.Item... items) {
    return new CourseOutline.Module(id, "Modul " + id, "", List.of(items));
  }

  private static CourseOutline.Item item(long id, long module, boolean required) {
    return new CourseOutline.Item(
        id, module, "Lektion " + id, ActivityKind.LESSON, required, CompletionCriterion.MANUAL, 10);
  }

  private static Map<Long, ActivityState> completed(long... ids) {
    Map<Long, ActivityState> states = new HashMap<>();
    for (long id : ids) {
      states.put(id, ActivityState.COMPLETED);
    }
    return states;
  }

  @Test
  void nothingDoneIsZeroPercentAndStartsAtTheFirstActivity() {
    CourseProgress p = ProgressRules.evaluate(course(true), Map.of(), null);
    assertEquals(0, p.percent());
    assertFalse(p.started());
    assertFalse(p.complete());
    assertEquals(11L, p.resumeActivityId());
    assertEquals(ModuleState.NOT_STARTED, p.modules().get(0).state());
  }

  @Test
  void percentCountsOnlyRequiredActivities() {
    CourseProgress p = ProgressRules.evaluate(course(false), completed(11, 22), null);
    assertEquals(25, p.percent(), "1 of 4 required activities");
  }

  @Test
  void moduleIsCompleteWhenItsRequiredActivitiesAreEvenIfOptionalOnesAreNot() {
    CourseProgress p = ProgressRules.evaluate(course(false), completed(11, 12, 21), null);
    assertEquals(ModuleState.COMPLETED, p.modules().get(0).state());
    assertEquals(ModuleState.COMPLETED, p.modules().get(1).state());
    assertEquals(ModuleState.NOT_STARTED, p.modules().get(2).state());
  }

  @Test
  void sequentialCourseLocksModulesUntilTheEarlierOnesAreComplete() {
    Map<Long, ActivityState> states = completed(11);
    CourseProgress p = ProgressRules.evaluate(course(true), states, null);
    assertEquals(ModuleState.IN_PROGRESS, p.modules().get(0).state());
    assertTrue(p.modules().get(1).locked());
    assertTrue(p.modules().get(2).locked());
    assertSame(course(true).modules().get(0).getClass(), p.modules().get(1).blockedBy().getClass());
    assertEquals(1L, p.modules().get(1).blockedBy().id(), "locked because module 1 is not done");
    assertFalse(p.status(21).open());
  }

  @Test
  void nonSequentialCourseLocksNothing() {
    CourseProgress p = ProgressRules.evaluate(course(false), Map.of(), null);
    assertTrue(p.modules().stream().noneMatch(m -> m.locked()));
    assertNull(p.modules().get(2).blockedBy());
  }

  @Test
  void courseIsCompleteWhenAllModulesAre() {
    CourseProgress p = ProgressRules.evaluate(course(true), completed(11, 12, 21, 31), 31L);
    assertTrue(p.complete());
    assertEquals(100, p.percent());
  }

  @Test
  void percentIsRoundedDownSoHundredMeansDone() {
    CourseOutline three =
        new CourseOutline(
            1,
            "K",
            "",
            false,
            List.of(module(1, item(1, 1, true), item(2, 1, true), item(3, 1, true))));
    assertEquals(66, ProgressRules.evaluate(three, completed(1, 2), null).percent());
  }

  @Test
  void learnerResumesAtTheLastOpenedActivityWhileItIsNotCompleted() {
    Map<Long, ActivityState> states = completed(11);
    states.put(12L, ActivityState.IN_PROGRESS);
    assertEquals(12L, ProgressRules.evaluate(course(true), states, 12L).resumeActivityId());
  }

  @Test
  void afterCompletingTheLastOpenedActivityContinueLeadsToTheNextOpenOne() {
    CourseProgress p = ProgressRules.evaluate(course(true), completed(11, 12), 12L);
    assertEquals(21L, p.resumeActivityId());
  }

  @Test
  void aLastOpenedActivityInALockedModuleIsNotWhereTheLearnerResumes() {
    CourseProgress p = ProgressRules.evaluate(course(true), Map.of(), 31L);
    assertEquals(11L, p.resumeActivityId());
  }

  @Test
  void anEmptyCourseIsNeverComplete() {
    CourseOutline empty = new CourseOutline(1, "K", "", true, List.of());
    CourseProgress p = ProgressRules.evaluate(empty, Map.of(), null);
    assertFalse(p.complete());
    assertNull(p.resumeActivityId());
  }

  @Test
  void aQuizThatMustBePassedStaysOpenWhenFailedAndCompletesWhenPassed() {
    assertEquals(
        ActivityState.FAILED,
        ProgressRules.stateAfter(
            ActivityState.IN_PROGRESS, CompletionCriterion.ON_PASS, OutcomeKind.FAILED));
    assertEquals(
        ActivityState.COMPLETED,
        ProgressRules.stateAfter(
            ActivityState.FAILED, CompletionCriterion.ON_PASS, OutcomeKind.PASSED));
  }

  @Test
  void anActivityCompletedOnSubmitCompletesWhateverTheGrade() {
    assertEquals(
        ActivityState.COMPLETED,
        ProgressRules.stateAfter(
            ActivityState.IN_PROGRESS, CompletionCriterion.ON_SUBMIT, OutcomeKind.FAILED));
    assertEquals(
        ActivityState.COMPLETED,
        ProgressRules.stateAfter(
            ActivityState.IN_PROGRESS,
            CompletionCriterion.ON_SUBMIT,
            OutcomeKind.AWAITING_GRADING));
  }

  @Test
  void anAssignmentGradedAsPassedCompletesAndARevisionReopensIt() {
    assertEquals(
        ActivityState.SUBMITTED,
        ProgressRules.stateAfter(
            ActivityState.IN_PROGRESS, CompletionCriterion.ON_GRADED_PASS, OutcomeKind.SUBMITTED));
    assertEquals(
        ActivityState.COMPLETED,
        ProgressRules.stateAfter(
            ActivityState.SUBMITTED, CompletionCriterion.ON_GRADED_PASS, OutcomeKind.PASSED));
    assertEquals(
        ActivityState.IN_PROGRESS,
        ProgressRules.stateAfter(
            ActivityState.COMPLETED, CompletionCriterion.ON_GRADED_PASS, OutcomeKind.REOPENED));
  }

  @Test
  void aCompletedActivityStaysCompletedWhenStartedOrHandedInAgain() {
    assertEquals(
        ActivityState.COMPLETED,
        ProgressRules.stateAfter(
            ActivityState.COMPLETED, CompletionCriterion.ON_PASS, OutcomeKind.STARTED));
    assertEquals(
        ActivityState.COMPLETED,
        ProgressRules.stateAfter(
            ActivityState.COMPLETED, CompletionCriterion.ON_PASS, OutcomeKind.AWAITING_GRADING));
  }

  @Test
  void aRegradeToFailedTakesACompletionBack() {
    assertEquals(
        ActivityState.FAILED,
        ProgressRules.stateAfter(
            ActivityState.COMPLETED, CompletionCriterion.ON_PASS, OutcomeKind.FAILED));
  }

  @Test
  void aQuizCannotBeMarkedCompletedAndALessonCannotBeGraded() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ProgressRules.stateAfter(
                ActivityState.IN_PROGRESS, CompletionCriterion.ON_PASS, OutcomeKind.COMPLETED));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ProgressRules.stateAfter(
                ActivityState.IN_PROGRESS, CompletionCriterion.MANUAL, OutcomeKind.PASSED));
  }

  @Test
  void aFailedActivityCountsAsStartedButNotCompleted() {
    Map<Long, ActivityState> states = completed(11);
    states.put(12L, ActivityState.FAILED);
    CourseProgress p = ProgressRules.evaluate(course(true), states, 12L);
    assertEquals(ModuleState.IN_PROGRESS, p.modules().get(0).state());
    assertEquals(ModuleState.LOCKED, p.modules().get(1).state());
    assertEquals(12L, p.resumeActivityId());
  }

  @Test
  void onlyALessonTheLearnerMarkedThemselvesMayBeUndoneAndOnlyOnceItIsCompleted() {
    assertTrue(ProgressRules.learnerMayUndo(CompletionCriterion.MANUAL, ActivityState.COMPLETED));
    assertFalse(
        ProgressRules.learnerMayUndo(CompletionCriterion.MANUAL, ActivityState.IN_PROGRESS));
    for (CompletionCriterion other :
        List.of(
            CompletionCriterion.ON_REACHING_END,
            CompletionCriterion.ON_PASS,
            CompletionCriterion.ON_SUBMIT,
            CompletionCriterion.ON_GRADED_PASS)) {
      assertFalse(ProgressRules.learnerMayUndo(other, ActivityState.COMPLETED), other.name());
    }
    assertEquals(
        ActivityState.IN_PROGRESS,
        ProgressRules.stateAfter(
            ActivityState.COMPLETED, CompletionCriterion.MANUAL, OutcomeKind.REOPENED));
  }
}
