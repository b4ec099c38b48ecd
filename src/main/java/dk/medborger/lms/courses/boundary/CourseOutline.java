package dk.medborger.lms.courses.boundary;

import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a course, without lesson content: what the course page, the progress rules and the
 * navigation between activities need. Read with a few projection queries, never entity by entity.
 */
public record CourseOutline(
    long id, String title, String summary, boolean sequential, List<Module> modules) {

  /** A module and its activities in order. */
  public record Module(long id, String title, String summary, List<Item> activities) {

    /** The module's estimated minutes, from its activities' estimates. */
    public int minutes() {
      return activities.stream().mapToInt(a -> a.minutes() == null ? 0 : a.minutes()).sum();
    }
  }

  /** An activity as the outline shows it, with the kind that decides which page opens it. */
  public record Item(
      long id,
      long moduleId,
      String title,
      ActivityKind kind,
      boolean required,
      CompletionCriterion criterion,
      Integer minutes) {}

  /** The course's estimated minutes. */
  public int minutes() {
    return modules.stream().mapToInt(Module::minutes).sum();
  }

  /** All activities in course order. */
  public List<Item> activitiesInOrder() {
    return modules.stream().flatMap(m -> m.activities().stream()).toList();
  }

  public Optional<Item> activity(long activityId) {
    return activitiesInOrder().stream().filter(a -> a.id() == activityId).findFirst();
  }

  /** The activities before and after {@code activityId} in course order (null at either end). */
  public Neighbours neighbours(long activityId) {
    List<Item> all = activitiesInOrder();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id() == activityId) {
        return new Neighbours(
            i > 0 ? all.get(i - 1) : null, i < all.size() - 1 ? all.get(i + 1) : null);
      }
    }
    throw new IllegalArgumentException("Activity " + activityId + " is not in course " + id);
  }

  /** The activities on either side of one. */
  public record Neighbours(Item previous, Item next) {}
}
