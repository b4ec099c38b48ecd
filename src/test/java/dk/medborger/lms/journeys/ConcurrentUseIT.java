package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dk.medborger.lms.testing.AtOnce;
import dk.medborger.lms.testing.PageLinks;
import dk.medborger.lms.testing.RunningApplication;
import dk.medborger.lms.testing.WebClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many learners at once, and one learner twice at once, against the runnable jar: nobody signed in
 * is refused a page they may see (Payara 6 gave spurious 403s here, shared/STACK.md), and a double
 * click writes one completion without an error. Bounded in requests; it measures nothing.
 */
@ExtendWith(RunningApplication.class)
class ConcurrentUseIT {

  /** Demo learners in progress whose data no other test reads. */
  private static final List<String> LEARNERS =
      List.of(
          "peter.nielsen",
          "sofie.larsen",
          "ahmad.rahimi",
          "birgitte.kristensen",
          "camilla.thomsen",
          "henrik.andersen",
          "karsten.moeller",
          "mads.poulsen");

  private static final int SESSIONS_PER_LEARNER = 2;
  private static final int ROUNDS = 10;

  @Test
  void signedInLearnersAreNeverRefusedAPageTheyMaySeeWhileManyWorkAtOnce() throws Exception {
    List<String> refused = new ArrayList<>();
    AtOnce.run(
            LEARNERS.size() * SESSIONS_PER_LEARNER, i -> browse(LEARNERS.get(i % LEARNERS.size())))
        .forEach(refused::addAll);
    assertEquals(List.of(), refused, "answers other than 200");
  }

  /** One session of one learner: log in, then dashboard, course and lesson, round after round. */
  private static List<String> browse(String learner) throws Exception {
    List<String> refused = new ArrayList<>();
    WebClient client = new WebClient();
    assertEquals(302, client.login(learner, "medborger").statusCode(), learner);
    for (int round = 0; round < ROUNDS; round++) {
      var dashboard = client.get("/learner/dashboard.xhtml");
      List<String> pages = new ArrayList<>();
      PageLinks.courses(dashboard.body())
          .forEach(id -> pages.add("/learner/course.xhtml?id=" + id));
      PageLinks.lessons(dashboard.body())
          .forEach(id -> pages.add("/learner/lesson.xhtml?id=" + id));
      if (dashboard.statusCode() != 200 || pages.isEmpty()) {
        refused.add(learner + " dashboard " + dashboard.statusCode());
      }
      for (String page : pages) {
        int status = client.get(page).statusCode();
        if (status != 200) {
          refused.add(learner + " " + page + " " + status);
        }
      }
    }
    return refused;
  }

  @Test
  void aDoubleClickOnMarkAsCompletedCompletesTheLessonOnceWithoutAnError() throws Exception {
    WebClient learner = new WebClient();
    learner.login("peter.nielsen", "medborger");
    String lesson = manualLessonNotYetCompleted(learner);

    List<Integer> statuses =
        AtOnce.run(6, i -> learner.pressLessonButton(lesson, "lessonForm:complete").statusCode());

    assertEquals(Collections.nCopies(statuses.size(), 200), statuses);
    String page = learner.get("/learner/lesson.xhtml?id=" + lesson).body();
    assertTrue(page.contains("id=\"lessonForm:completedBadge\""), "the lesson is completed");
  }

  /** The learner's place to resume in a course with a "mark as completed" button. */
  private static String manualLessonNotYetCompleted(WebClient learner) throws Exception {
    for (String lesson : PageLinks.lessons(learner.get("/learner/dashboard.xhtml").body())) {
      String page = learner.get("/learner/lesson.xhtml?id=" + lesson).body();
      if (page.contains("id=\"lessonForm:complete\"")) {
        return lesson;
      }
    }
    return fail("peter.nielsen has no lesson to mark as completed");
  }
}
