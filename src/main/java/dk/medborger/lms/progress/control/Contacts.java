package dk.medborger.lms.progress.control;

import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.identity.boundary.Organisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Whom a learner can ask about a course they are behind in: their unit's manager first, then the
 * course's instructors (the order of the overdue notice).
 */
@ApplicationScoped
public class Contacts {

  @Inject Organisation organisation;

  @Inject Teaching teaching;

  public List<String> whomToAsk(long userId, long courseId) {
    List<String> names = new ArrayList<>(organisation.managersOf(userId));
    teaching.instructorNames(courseId).stream().filter(n -> !names.contains(n)).forEach(names::add);
    return List.copyOf(names);
  }
}
