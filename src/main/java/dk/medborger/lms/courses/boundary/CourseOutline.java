package dk.medborger.lms.courses.boundary;

import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionMode;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a course, without lesson content: what the course page, the progress rules and the
 * navigation between activities need. Read with a few projection queries, never entity by entity.
 */
public record CourseOutline(
    long id,
    String title,
    String summary,
    boolean sequential,
    CompletionMode completionMode,
    List<Module> modules) {

  /** A module and its activities in order. */
  public record Module(long id, String title, String summary, List<Item> activities) {}

  /** An activity as the outline shows it. */
  public record Item(
      long id, long moduleId, String title, ActivityKind kind, boolean required, Integer minutes) {}

  /** All activities in course order. */
  public List<Item> activitiesInOrder() {
    return modules.stream().flatMap(m -> m.activities().stream()).toList();
  }

  public Optional<Item> activity(long activityId) {
    return activitiesInOrder().stream().filter(a -> a.id() == activityId).findFirst();
  }
}
