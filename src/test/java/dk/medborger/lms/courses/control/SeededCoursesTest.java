package dk.medborger.lms.courses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.courses.entity.Course;
import dk.medborger.lms.courses.entity.CourseModule;
import dk.medborger.lms.courses.entity.Lesson;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seeded courses are real content: modules of two to four lessons of substantive text. */
class SeededCoursesTest {

  @ParameterizedTest
  @ValueSource(strings = {"digitalt-medborgerskab", "laer-mere-om-it"})
  void everyModuleHasTwoToFourLessonsOfAtLeast150Words(String slug) {
    Course course = CourseImport.build(CourseImport.read(slug), Instant.EPOCH);
    assertEquals(slug, course.getSlug());
    for (CourseModule module : course.getModules()) {
      int lessons = module.getActivities().size();
      assertTrue(lessons >= 2 && lessons <= 4, module.getTitle() + " has " + lessons);
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
}
