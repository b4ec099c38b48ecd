package dk.medborger.lms.progress.boundary;

import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.progress.entity.ActivityState;
import java.util.List;

/**
 * A learner's progress through a course, as the progress rules compute it: percent, completion,
 * each module's state and lock, and where "continue" leads. What pages and other components read;
 * the rules themselves stay inside {@code progress}.
 */
public record CourseProgress(
    int percent,
    boolean complete,
    boolean started,
    List<ModuleProgress> modules,
    Long resumeActivityId) {

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

    /** Estimated minutes of the required activities not completed yet. */
    public int minutesLeft() {
      return activities.stream()
          .filter(a -> a.activity().required() && !a.completed())
          .mapToInt(a -> a.activity().minutes() == null ? 0 : a.activity().minutes())
          .sum();
    }

    /** The module's number in the course, from 1, and the activity's number in the module. */
    public int positionOf(long activityId) {
      for (int i = 0; i < activities.size(); i++) {
        if (activities.get(i).activity().id() == activityId) {
          return i + 1;
        }
      }
      throw new IllegalArgumentException("Activity " + activityId + " is not in " + module.title());
    }
  }

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

  /** Estimated minutes of the required activities not completed yet. */
  public int minutesLeft() {
    return modules.stream().mapToInt(ModuleProgress::minutesLeft).sum();
  }

  /** Required activities not completed yet. */
  public long activitiesLeft() {
    return modules.stream()
        .flatMap(m -> m.activities().stream())
        .filter(a -> a.activity().required() && !a.completed())
        .count();
  }

  /** The module's number in the course, from 1. */
  public int numberOf(ModuleProgress module) {
    return modules.indexOf(module) + 1;
  }

  /** Whether the learner may open the activity now (its module is not locked). */
  public boolean opens(CourseOutline.Item activity) {
    return activity != null && !moduleOf(activity.id()).locked();
  }

  /** The activity "continue" opens, or null when nothing is open. */
  public CourseOutline.Item resumeActivity() {
    return resumeActivityId == null ? null : status(resumeActivityId).activity();
  }
}
