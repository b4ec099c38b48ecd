package dk.medborger.lms.courses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.courses.entity.Course;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The seeded course is real content: enough modules and lessons of substantive Danish text. */
class DigitalCitizenshipCourseTest {

  private final Course course =
      CourseImport.build(CourseImport.read("digitalt-medborgerskab"), Instant.EPOCH);

  @Test
  void hasAtLeastSixModules() {
    assertTrue(course.getModules().size() >= 6);
  }

  @Test
  void isTheDigitalCitizenshipCourseTakenInOrder() {
    assertEquals("digitalt-medborgerskab", course.getSlug());
    assertTrue(course.getTitle().startsWith("Digitalt medborgerskab"));
    assertTrue(course.isSequential());
  }
}
