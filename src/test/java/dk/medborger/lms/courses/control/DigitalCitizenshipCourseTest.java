package dk.medborger.lms.courses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.courses.entity.Course;
import dk.medborger.lms.courses.entity.CourseModule;
import dk.medborger.lms.courses.entity.Lesson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The seeded course is real content: enough modules and lessons of substantive Danish text. */
class DigitalCitizenshipCourseTest {

  private final Course course =
      CourseImport.build(CourseImport.read("digitalt-medborgerskab"), Instant.EPOCH);

  @Test
  void hasAtLeastSixModulesOfTwoToFourLessons() {
    assertTrue(course.getModules().size() >= 6);
    for (CourseModule module : course.getModules()) {
      int lessons = module.getActivities().size();
      assertTrue(lessons >= 2 && lessons <= 4, module.getTitle() + " has " + lessons);
    }
  }

  @Test
  void everyLessonHasAtLeast150WordsOfText() {
    for (CourseModule module : course.getModules()) {
      module
          .getActivities()
          .forEach(
              a -> {
                String text = ((Lesson) a).getContentHtml().replaceAll("<[^>]+>", " ");
                int words = text.trim().split("\\s+").length;
                assertTrue(words >= 150, a.getTitle() + " has only " + words + " words");
              });
    }
  }

  @Test
  void isTheDigitalCitizenshipCourseTakenInOrder() {
    assertEquals("digitalt-medborgerskab", course.getSlug());
    assertTrue(course.getTitle().startsWith("Digitalt medborgerskab"));
    assertTrue(course.isSequential());
  }
}
