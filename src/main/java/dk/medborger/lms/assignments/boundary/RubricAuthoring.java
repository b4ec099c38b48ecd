package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.control.AssignmentRecords;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.RubricCriterion;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An assignment's rubric as its instructors write it (ADR 24): criteria in order, each "Bestået" or
 * "Ikke bestået" in a competence rubric, or with levels worth points in a points rubric. Saved all
 * at once after it is checked (at least one criterion, no empty titles, levels' points within the
 * assignment's points). Once anyone has graded with it, its wording and order may still change, but
 * not its structure — criteria and levels added or removed, points changed — since the grades given
 * rest on it; the server refuses that, whatever the page sends.
 *
 * <pre>
 * RubricPage page = rubrics.rubric(instructorId, assignmentId);
 * List&lt;Problem&gt; problems = rubrics.save(instructorId, assignmentId, page.version(), criteria);
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RubricAuthoring {

  public static final int MAX_CRITERIA = 20;
  public static final int MAX_LEVELS = 10;
  public static final int MAX_TITLE = 300;
  public static final int MAX_DESCRIPTION = 2000;

  @PersistenceContext EntityManager em;

  @Inject AssignmentGrading grading;

  @Inject AssignmentRecords records;

  @Inject Clock clock;

  /** A level of a points rubric's criterion: a new one has no id. */
  public record Level(Long id, String title, BigDecimal points) implements Serializable {}

  /** A criterion as written, in its place: a new one has no id; levels only in a points rubric. */
  public record Criterion(Long id, String title, String description, List<Level> levels)
      implements Serializable {}

  /**
   * The rubric of an assignment the instructor teaches.
   *
   * @param structureLocked someone has graded with it: wording and order only
   */
  public record RubricPage(
      CourseOutline.Item assignment,
      CourseOutline outline,
      GradingScheme grading,
      BigDecimal maxPoints,
      long version,
      boolean structureLocked,
      List<Criterion> criteria) {

    public boolean points() {
      return grading == GradingScheme.POINTS_RUBRIC;
    }
  }

  /**
   * Why a rubric was not saved, and where: the criterion's and level's places from 0 (-1: the
   * rubric as a whole); the UI's bundle key is {@code rubric.problem.<kind>}.
   */
  public record Problem(Kind kind, int criterion, int level) {

    /** What is wrong. */
    public enum Kind {
      NO_CRITERIA,
      TOO_MANY_CRITERIA,
      CRITERION_TITLE,
      DESCRIPTION_TOO_LONG,
      NO_LEVELS,
      TOO_MANY_LEVELS,
      LEVEL_TITLE,
      LEVEL_POINTS,
      /** The criteria's highest levels add up to more than the assignment's points. */
      ABOVE_MAX_POINTS,
      /** Someone has graded with the rubric: criteria or levels added, removed or re-pointed. */
      STRUCTURE_LOCKED
    }

    public static Problem of(Kind kind) {
      return new Problem(kind, -1, -1);
    }
  }

  /** The rubric of an assignment the instructor teaches; 403 / 404. */
  public RubricPage rubric(long instructorId, long assignmentId) {
    CourseOutline outline = grading.taught(instructorId, assignmentId);
    Assignment a = assignment(assignmentId);
    return new RubricPage(
        outline.activity(assignmentId).orElseThrow(),
        outline,
        a.getGrading(),
        a.getMaxPoints(),
        a.getVersion(),
        records.usage(assignmentId).graded(),
        criteriaOf(a));
  }

  /**
   * Saves the rubric as written, all of it, as the instructor's page showed it at {@code
   * seenVersion}; nothing when there is any problem (then every problem is listed). Refused with
   * {@link jakarta.persistence.OptimisticLockException} when the assignment or its rubric was saved
   * since, and 404 for a criterion or level of another rubric.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public List<Problem> save(
      long instructorId, long assignmentId, long seenVersion, List<Criterion> criteria) {
    grading.taught(instructorId, assignmentId);
    Assignment a = records.lock(assignmentId, seenVersion);
    List<Criterion> current = criteriaOf(a);
    requireOwn(current, criteria);
    List<Problem> problems = problems(a.getGrading(), a.getMaxPoints(), criteria);
    if (records.usage(assignmentId).graded()
        && structureChanged(a.getGrading() == GradingScheme.POINTS_RUBRIC, current, criteria)) {
      problems.add(Problem.of(Problem.Kind.STRUCTURE_LOCKED));
    }
    if (problems.isEmpty()) {
      records.replaceRubric(a, criteria, clock.instant());
    }
    return problems;
  }

  /** The rubric as the page edits it, in order. */
  static List<Criterion> criteriaOf(Assignment a) {
    List<Criterion> list = new ArrayList<>();
    for (RubricCriterion c : a.getCriteria()) {
      list.add(
          new Criterion(
              c.getId(),
              c.getTitle(),
              c.getDescription(),
              c.getLevels().stream()
                  .map(l -> new Level(l.getId(), l.getTitle(), l.getPoints()))
                  .toList()));
    }
    return List.copyOf(list);
  }

  /**
   * The problems of a rubric on its own: at least one criterion for a rubric scheme (a direct
   * grade's criteria only guide), titles, and in a points rubric levels worth 0 to the assignment's
   * points whose highest add up to no more than them.
   */
  static List<Problem> problems(
      GradingScheme scheme, BigDecimal maxPoints, List<Criterion> criteria) {
    List<Problem> problems = new ArrayList<>();
    if (criteria.isEmpty() && scheme != GradingScheme.DIRECT) {
      problems.add(Problem.of(Problem.Kind.NO_CRITERIA));
    }
    if (criteria.size() > MAX_CRITERIA) {
      problems.add(Problem.of(Problem.Kind.TOO_MANY_CRITERIA));
    }
    boolean points = scheme == GradingScheme.POINTS_RUBRIC;
    BigDecimal highest = BigDecimal.ZERO;
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      if (blankOrLonger(c.title(), MAX_TITLE)) {
        problems.add(new Problem(Problem.Kind.CRITERION_TITLE, i, -1));
      }
      if (c.description() != null && c.description().strip().length() > MAX_DESCRIPTION) {
        problems.add(new Problem(Problem.Kind.DESCRIPTION_TOO_LONG, i, -1));
      }
      if (!points) {
        continue;
      }
      if (c.levels().isEmpty()) {
        problems.add(new Problem(Problem.Kind.NO_LEVELS, i, -1));
      } else if (c.levels().size() > MAX_LEVELS) {
        problems.add(new Problem(Problem.Kind.TOO_MANY_LEVELS, i, -1));
      }
      BigDecimal best = null;
      for (int j = 0; j < c.levels().size(); j++) {
        Level l = c.levels().get(j);
        if (blankOrLonger(l.title(), MAX_TITLE)) {
          problems.add(new Problem(Problem.Kind.LEVEL_TITLE, i, j));
        }
        if (l.points() == null
            || l.points().signum() < 0
            || l.points().stripTrailingZeros().scale() > 3
            || (maxPoints != null && l.points().compareTo(maxPoints) > 0)) {
          problems.add(new Problem(Problem.Kind.LEVEL_POINTS, i, j));
        } else if (best == null || l.points().compareTo(best) > 0) {
          best = l.points();
        }
      }
      if (best != null) {
        highest = highest.add(best);
      }
    }
    if (points && maxPoints != null && highest.compareTo(maxPoints) > 0) {
      problems.add(Problem.of(Problem.Kind.ABOVE_MAX_POINTS));
    }
    return problems;
  }

  /**
   * Whether {@code next} changes what grades given with {@code now} mean: a criterion added or
   * removed, and in a points rubric a level added or removed or its points changed. Wording and
   * order do not: judgements are kept by the criterion's and level's ids, and neither a verdict nor
   * a sum depends on the order.
   */
  static boolean structureChanged(boolean points, List<Criterion> now, List<Criterion> next) {
    Map<Long, Criterion> before = byId(now, Criterion::id);
    if (next.stream().anyMatch(c -> c.id() == null)
        || !before.keySet().equals(byId(next, Criterion::id).keySet())) {
      return true;
    }
    if (!points) {
      return false;
    }
    for (Criterion c : next) {
      Map<Long, Level> levels = byId(before.get(c.id()).levels(), Level::id);
      if (c.levels().stream().anyMatch(l -> l.id() == null)
          || !levels.keySet().equals(byId(c.levels(), Level::id).keySet())) {
        return true;
      }
      for (Level l : c.levels()) {
        BigDecimal was = levels.get(l.id()).points();
        if (l.points() == null || was.compareTo(l.points()) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Refuses (404) a criterion or level that is not of this rubric: a page sends only its own. */
  private static void requireOwn(List<Criterion> current, List<Criterion> next) {
    Map<Long, Criterion> own = byId(current, Criterion::id);
    for (Criterion c : next) {
      if (c.id() == null) {
        if (c.levels().stream().anyMatch(l -> l.id() != null)) {
          throw new NotFoundException("level of another criterion");
        }
        continue;
      }
      Criterion mine = own.get(c.id());
      if (mine == null) {
        throw new NotFoundException("criterion " + c.id());
      }
      Map<Long, Level> levels = byId(mine.levels(), Level::id);
      for (Level l : c.levels()) {
        if (l.id() != null && !levels.containsKey(l.id())) {
          throw new NotFoundException("level " + l.id());
        }
      }
    }
    List<Long> criteria = next.stream().map(Criterion::id).filter(Objects::nonNull).toList();
    List<Long> levels =
        next.stream()
            .flatMap(c -> c.levels().stream())
            .map(Level::id)
            .filter(Objects::nonNull)
            .toList();
    if (criteria.stream().distinct().count() != criteria.size()
        || levels.stream().distinct().count() != levels.size()) {
      throw new NotFoundException("a criterion or level twice");
    }
  }

  private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
    return items.stream()
        .filter(i -> id.apply(i) != null)
        .collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
  }

  private static boolean blankOrLonger(String text, int max) {
    return text == null || text.isBlank() || text.strip().length() > max;
  }

  private Assignment assignment(long assignmentId) {
    Assignment a = em.find(Assignment.class, assignmentId);
    if (a == null) {
      throw new NotFoundException("assignment " + assignmentId);
    }
    return a;
  }
}
