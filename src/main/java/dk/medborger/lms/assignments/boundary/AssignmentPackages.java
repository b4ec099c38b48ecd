package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.control.InstructionsPolicy;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.assignments.entity.RubricCriterion;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Installs the assignments a course package ships ({@code courses/<slug>/assignments.json}) into a
 * course that has none yet, each at the end of its module, with its rubric. Due dates in a package
 * are days from the installation ({@code dueInDays}), as a package cannot know the calendar.
 */
@ApplicationScoped
public class AssignmentPackages {

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  @Inject Clock clock;

  /** The package's assignment list, as JSON-B reads it. */
  public static class Package {
    public String comment;
    public List<Entry> assignments;
  }

  /** One assignment of the package. */
  public static class Entry {
    public int module;
    public String title;
    public Integer minutes;
    public String instructions;
    public String completion;
    public Boolean required;
    public Integer dueInDays;
    public Integer cutoffAfterDays;
    public String latePolicy;
    public Integer latePenaltyPercent;
    public Boolean text;
    public Boolean files;
    public Integer maxFiles;
    public String grading;
    public BigDecimal maxPoints;
    public BigDecimal passPoints;
    public Boolean blind;
    public List<CriterionEntry> criteria;
  }

  /** A rubric criterion; levels only for a points rubric. */
  public static class CriterionEntry {
    public String title;
    public String description;
    public List<LevelEntry> levels;
  }

  /** A level of a points rubric's criterion. */
  public static class LevelEntry {
    public String title;
    public BigDecimal points;
  }

  /** A rubric criterion to add, with its levels (none for a pass/fail rubric). */
  public record Criterion(String title, String description, List<Level> levels) {}

  /** A level of a points rubric. */
  public record Level(String title, BigDecimal points) {}

  /** Appends an assignment at the end of a module of a course, with its rubric; returns its id. */
  @Transactional
  public long add(long courseId, int moduleNumber, Assignment a, List<Criterion> criteria) {
    long id = catalog.append(courseId, moduleNumber, a);
    for (Criterion c : criteria) {
      RubricCriterion criterion = a.addCriterion(c.title(), c.description());
      for (Level l : c.levels()) {
        criterion.addLevel(l.title(), l.points());
      }
    }
    em.flush();
    return id;
  }

  /** Installs the package's assignments unless the course has some; returns how many it made. */
  @Transactional
  public int installIfMissing(String slug, long courseId) {
    InputStream in =
        AssignmentPackages.class
            .getClassLoader()
            .getResourceAsStream("courses/" + slug + "/assignments.json");
    if (in == null || catalog.hasActivities(courseId, ActivityKind.ASSIGNMENT)) {
      return 0;
    }
    Package pkg;
    try (in;
        Jsonb jsonb = JsonbBuilder.create()) {
      pkg = jsonb.fromJson(in, Package.class);
    } catch (Exception e) {
      throw new IllegalStateException("Assignment package of " + slug + " cannot be read", e);
    }
    for (Entry entry : pkg.assignments) {
      Assignment a =
          new Assignment(
              entry.title,
              entry.minutes,
              entry.completion == null
                  ? CompletionCriterion.ON_GRADED_PASS
                  : CompletionCriterion.valueOf(entry.completion),
              InstructionsPolicy.sanitise(entry.instructions));
      if (entry.dueInDays != null) {
        var due = clock.instant().plus(Duration.ofDays(entry.dueInDays));
        a.setDates(
            due,
            entry.cutoffAfterDays == null
                ? null
                : due.plus(Duration.ofDays(entry.cutoffAfterDays)));
      }
      if (entry.latePolicy != null) {
        a.setLatePolicy(LatePolicy.valueOf(entry.latePolicy), entry.latePenaltyPercent);
      }
      a.setSubmissionTypes(!Boolean.FALSE.equals(entry.text), !Boolean.FALSE.equals(entry.files));
      if (entry.maxFiles != null) {
        a.setFileLimits(entry.maxFiles, a.getMaxFileBytes(), a.getAllowedTypes());
      }
      if (entry.grading != null) {
        a.setGrading(GradingScheme.valueOf(entry.grading), entry.maxPoints, entry.passPoints);
      }
      a.setBlindGrading(Boolean.TRUE.equals(entry.blind));
      if (entry.required != null) {
        a.setRequired(entry.required);
      }
      List<Criterion> criteria = new java.util.ArrayList<>();
      if (entry.criteria != null) {
        for (CriterionEntry c : entry.criteria) {
          criteria.add(
              new Criterion(
                  c.title,
                  c.description,
                  c.levels == null
                      ? List.of()
                      : c.levels.stream().map(l -> new Level(l.title, l.points)).toList()));
        }
      }
      add(courseId, entry.module, a, criteria);
    }
    return pkg.assignments.size();
  }
}
