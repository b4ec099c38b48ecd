package dk.medborger.lms.courses.control;

import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.courses.entity.Course;
import dk.medborger.lms.courses.entity.CourseModule;
import dk.medborger.lms.courses.entity.Lesson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds a {@link Course} (not yet persisted) from a course package on the class path: {@code
 * courses/<slug>/course.json} and its lesson files. Lesson HTML is sanitised on the way in.
 */
public final class CourseImport {

  private CourseImport() {}

  public static CoursePackage read(String slug) {
    try (InputStream in = open("courses/" + slug + "/course.json");
        Jsonb jsonb = JsonbBuilder.create()) {
      return jsonb.fromJson(in, CoursePackage.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Course package " + slug + " cannot be read", e);
    }
  }

  public static Course build(CoursePackage pkg, Instant now) {
    Course course = new Course(pkg.slug, pkg.title, pkg.summary, pkg.sequential, now);
    CompletionCriterion lessonDefault =
        pkg.completionMode == null
            ? CompletionCriterion.MANUAL
            : CompletionCriterion.valueOf(pkg.completionMode);
    for (CoursePackage.ModuleEntry m : pkg.modules) {
      CourseModule module = course.addModule(m.title, m.summary);
      for (CoursePackage.ActivityEntry a : m.activities) {
        if (!"LESSON".equals(a.type)) {
          throw new IllegalArgumentException("Unsupported activity type " + a.type);
        }
        Lesson lesson =
            module.add(
                new Lesson(
                    a.title,
                    a.minutes,
                    a.completion == null
                        ? lessonDefault
                        : CompletionCriterion.valueOf(a.completion),
                    LessonContentPolicy.sanitise(text("courses/" + pkg.slug + "/" + a.content))));
        if (a.required != null) {
          lesson.setRequired(a.required);
        }
      }
    }
    return course;
  }

  static String text(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = CourseImport.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("Missing resource " + resource);
    }
    return in;
  }
}
