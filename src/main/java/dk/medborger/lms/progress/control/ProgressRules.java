package dk.medborger.lms.progress.control;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.CourseProgress.ActivityStatus;
import dk.medborger.lms.progress.boundary.CourseProgress.ModuleProgress;
import dk.medborger.lms.progress.boundary.CourseProgress.ModuleState;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.progress.entity.OutcomeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The completion rules, one place for every kind of activity: which state an outcome leads to under
 * the activity's completion criterion ({@link #stateAfter}); a module is complete when its required
 * activities are; the course when all its modules are; in a sequential course a module is locked
 * until every module before it is complete. Pure: the same outline and states give the same answer.
 *
 * <pre>
 * CourseProgress p = ProgressRules.evaluate(outline, Map.of(lessonId, ActivityState.COMPLETED), null);
 * p.percent(); p.complete(); p.resumeActivityId();
 * </pre>
 */
public final class ProgressRules {

  private ProgressRules() {}

  /**
   * @param states the learner's state per activity id; missing means not started
   * @param lastOpenedActivityId the activity the learner last opened, or null
   */
  public static CourseProgress evaluate(
      CourseOutline outline, Map<Long, ActivityState> states, Long lastOpenedActivityId) {
    List<ModuleProgress> modules = new ArrayList<>();
    CourseOutline.Module firstIncomplete = null;
    int totalRequired = 0;
    int totalCompleted = 0;
    boolean started = false;
    for (CourseOutline.Module module : outline.modules()) {
      boolean locked = outline.sequential() && firstIncomplete != null;
      int required = 0;
      int completed = 0;
      boolean moduleStarted = false;
      List<ActivityStatus> activities = new ArrayList<>();
      for (CourseOutline.Item item : module.activities()) {
        ActivityState state = states.getOrDefault(item.id(), ActivityState.NOT_STARTED);
        moduleStarted |= state.started();
        if (item.required()) {
          required++;
          if (state == ActivityState.COMPLETED) {
            completed++;
          }
        }
        activities.add(new ActivityStatus(item, state, !locked));
      }
      boolean moduleComplete = completed == required;
      ModuleState state =
          locked
              ? ModuleState.LOCKED
              : moduleComplete && (required > 0 || moduleStarted)
                  ? ModuleState.COMPLETED
                  : moduleStarted ? ModuleState.IN_PROGRESS : ModuleState.NOT_STARTED;
      modules.add(
          new ModuleProgress(
              module, state, completed, required, locked ? firstIncomplete : null, activities));
      if (!moduleComplete && firstIncomplete == null) {
        firstIncomplete = module;
      }
      totalRequired += required;
      totalCompleted += completed;
      started |= moduleStarted;
    }
    boolean complete = totalRequired > 0 && totalCompleted == totalRequired;
    int percent = totalRequired == 0 ? 0 : (int) Math.floor(100.0 * totalCompleted / totalRequired);
    return new CourseProgress(
        percent, complete, started, modules, resume(modules, lastOpenedActivityId));
  }

  /**
   * Where "continue" leads: the activity last opened; when that one is already completed, the next
   * open activity after it that is not; the first open, not completed activity when nothing was
   * opened yet; the first activity of a finished course.
   */
  private static Long resume(List<ModuleProgress> modules, Long lastOpened) {
    List<ActivityStatus> open =
        modules.stream()
            .flatMap(m -> m.activities().stream())
            .filter(ActivityStatus::open)
            .toList();
    if (open.isEmpty()) {
      return null;
    }
    int start = 0;
    if (lastOpened != null) {
      for (int i = 0; i < open.size(); i++) {
        if (open.get(i).activity().id() == lastOpened) {
          if (!open.get(i).completed()) {
            return lastOpened;
          }
          start = i + 1;
          break;
        }
      }
    }
    for (int i = 0; i < open.size(); i++) {
      ActivityStatus candidate = open.get((start + i) % open.size());
      if (!candidate.completed()) {
        return candidate.activity().id();
      }
    }
    return lastOpened != null && open.stream().anyMatch(a -> a.activity().id() == lastOpened)
        ? lastOpened
        : open.get(0).activity().id();
  }

  /**
   * The state an activity is in after {@code outcome}, under its completion criterion. A completed
   * activity leaves that state only by being graded as failed or reopened, never by a later
   * submission or a new attempt; an outcome the criterion does not know (a quiz "marked completed")
   * is refused.
   *
   * <pre>
   * stateAfter(IN_PROGRESS, ON_PASS, FAILED)   == FAILED
   * stateAfter(IN_PROGRESS, ON_SUBMIT, FAILED) == COMPLETED   // handing in is enough
   * </pre>
   */
  public static ActivityState stateAfter(
      ActivityState current, CompletionCriterion criterion, OutcomeKind outcome) {
    boolean completed = current == ActivityState.COMPLETED;
    return switch (outcome) {
      case STARTED -> current.started() ? current : ActivityState.IN_PROGRESS;
      case COMPLETED -> {
        if (!criterion.byLearner()) {
          throw new IllegalArgumentException(criterion + " is not completed by the learner");
        }
        yield ActivityState.COMPLETED;
      }
      case SUBMITTED, AWAITING_GRADING -> {
        requireOutcome(criterion);
        yield completed || criterion == CompletionCriterion.ON_SUBMIT
            ? ActivityState.COMPLETED
            : outcome == OutcomeKind.SUBMITTED
                ? ActivityState.SUBMITTED
                : ActivityState.AWAITING_GRADING;
      }
      case PASSED -> {
        requireOutcome(criterion);
        yield ActivityState.COMPLETED;
      }
      case FAILED -> {
        requireOutcome(criterion);
        yield criterion == CompletionCriterion.ON_SUBMIT
            ? ActivityState.COMPLETED
            : ActivityState.FAILED;
      }
      case REOPENED -> ActivityState.IN_PROGRESS;
    };
  }

  /**
   * Whether the learner may take back the completion of an activity: only one they completed by
   * their own "mark as completed" ({@code MANUAL}). A lesson completed by reaching its end would be
   * completed again at once; a graded or handed-in activity is undone by its grader, not here.
   *
   * <pre>
   * learnerMayUndo(MANUAL, COMPLETED)          == true
   * learnerMayUndo(ON_REACHING_END, COMPLETED) == false
   * </pre>
   */
  public static boolean learnerMayUndo(CompletionCriterion criterion, ActivityState state) {
    return criterion == CompletionCriterion.MANUAL && state == ActivityState.COMPLETED;
  }

  private static void requireOutcome(CompletionCriterion criterion) {
    if (criterion.byLearner()) {
      throw new IllegalArgumentException(criterion + " is completed by the learner, not graded");
    }
  }
}
