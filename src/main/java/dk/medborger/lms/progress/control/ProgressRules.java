package dk.medborger.lms.progress.control;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.progress.entity.ActivityState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The completion rules, one place for every kind of activity: a module is complete when its
 * required activities are; the course when all its modules are; in a sequential course a module is
 * locked until every module before it is complete. Pure: the same outline and states give the same
 * answer.
 *
 * <pre>
 * CourseProgress p = ProgressRules.evaluate(outline, Map.of(lessonId, ActivityState.COMPLETED), null);
 * p.percent(); p.complete(); p.resumeActivityId();
 * </pre>
 */
public final class ProgressRules {

  private ProgressRules() {}

  /** The learner's state of a module. */
  public enum ModuleState {
    LOCKED,
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED
  }

  /** One activity with the learner's state and whether it may be opened now. */
  public record ActivityStatus(CourseOutline.Item activity, ActivityState state, boolean open) {
    public boolean completed() {
      return state == ActivityState.COMPLETED;
    }
  }

  /**
   * One module with the learner's state; {@code blockedBy} is the earlier module to finish first
   * when the module is locked.
   */
  public record ModuleProgress(
      CourseOutline.Module module,
      ModuleState state,
      int completedRequired,
      int required,
      CourseOutline.Module blockedBy,
      List<ActivityStatus> activities) {
    public boolean locked() {
      return state == ModuleState.LOCKED;
    }
  }

  /** The learner's progress through a course. */
  public record CourseProgress(
      int percent,
      boolean complete,
      boolean started,
      List<ModuleProgress> modules,
      Long resumeActivityId) {

    public ActivityStatus status(long activityId) {
      return modules.stream()
          .flatMap(m -> m.activities().stream())
          .filter(a -> a.activity().id() == activityId)
          .findFirst()
          .orElseThrow();
    }

    public ModuleProgress moduleOf(long activityId) {
      return modules.stream()
          .filter(m -> m.activities().stream().anyMatch(a -> a.activity().id() == activityId))
          .findFirst()
          .orElseThrow();
    }
  }

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
        moduleStarted |= state != ActivityState.NOT_STARTED;
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
}
