package dk.medborger.lms.assignments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.boundary.RubricAuthoring.Criterion;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.Level;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.Problem;
import dk.medborger.lms.assignments.boundary.RubricAuthoring.Problem.Kind;
import dk.medborger.lms.assignments.entity.GradingScheme;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A rubric's checks (criteria, titles, levels' points within the assignment's), and the rule of ADR
 * 24: once graded, wording and order may change, what the grades rest on may not.
 */
class RubricRulesTest {

  private static final BigDecimal TEN = BigDecimal.TEN;

  private static Level level(Long id, String title, String points) {
    return new Level(id, title, points == null ? null : new BigDecimal(points));
  }

  private static Criterion criterion(Long id, String title, Level... levels) {
    return new Criterion(id, title, "Beskrivelse", List.of(levels));
  }

  private static List<Problem> points(Criterion... criteria) {
    return RubricAuthoring.problems(GradingScheme.POINTS_RUBRIC, TEN, List.of(criteria));
  }

  @Test
  void aCompetenceRubricNeedsAtLeastOneCriterionWithATitle() {
    assertEquals(
        List.of(Problem.of(Kind.NO_CRITERIA)),
        RubricAuthoring.problems(GradingScheme.PASS_FAIL_RUBRIC, null, List.of()));
    assertEquals(
        List.of(),
        RubricAuthoring.problems(GradingScheme.DIRECT, TEN, List.of()),
        "a direct grade's criteria only guide");
    assertEquals(
        List.of(
            new Problem(Kind.CRITERION_TITLE, 0, -1),
            new Problem(Kind.CRITERION_TITLE, 1, -1),
            new Problem(Kind.DESCRIPTION_TOO_LONG, 2, -1)),
        RubricAuthoring.problems(
            GradingScheme.PASS_FAIL_RUBRIC,
            null,
            List.of(
                criterion(null, "  "),
                criterion(null, "x".repeat(301)),
                new Criterion(null, "Titel", "x".repeat(2001), List.of()))));
    assertEquals(
        List.of(Problem.of(Kind.TOO_MANY_CRITERIA)),
        RubricAuthoring.problems(
            GradingScheme.PASS_FAIL_RUBRIC,
            null,
            IntStream.range(0, 21).mapToObj(i -> criterion(null, "K" + i)).toList()));
    assertEquals(
        List.of(),
        RubricAuthoring.problems(
            GradingScheme.PASS_FAIL_RUBRIC,
            null,
            List.of(criterion(null, "Med niveauer, der ikke bruges", level(null, "", null)))),
        "a competence rubric's criteria have no levels to check");
  }

  @Test
  void aPointsRubricsLevelsArePointsFromZeroAndTheHighestAddUpToNoMoreThanTheAssignments() {
    assertEquals(
        List.of(),
        points(
            criterion(null, "A", level(null, "Ikke", "0"), level(null, "Helt", "5")),
            criterion(null, "B", level(null, "Delvist", "2.5"), level(null, "Helt", "5"))));
    assertEquals(List.of(new Problem(Kind.NO_LEVELS, 0, -1)), points(criterion(null, "A")));
    assertEquals(
        List.of(new Problem(Kind.TOO_MANY_LEVELS, 0, -1)),
        points(
            criterion(
                null, "A", Collections.nCopies(11, level(null, "N", "0")).toArray(Level[]::new))));
    assertEquals(
        List.of(
            new Problem(Kind.LEVEL_TITLE, 0, 0),
            new Problem(Kind.LEVEL_POINTS, 0, 1),
            new Problem(Kind.LEVEL_POINTS, 0, 2),
            new Problem(Kind.LEVEL_POINTS, 0, 3),
            new Problem(Kind.LEVEL_POINTS, 0, 4)),
        points(
            criterion(
                null,
                "A",
                level(null, " ", "1"),
                level(null, "Intet tal", null),
                level(null, "Negativ", "-1"),
                level(null, "Over opgavens", "10.5"),
                level(null, "Fire decimaler", "0.0001"))));
    assertEquals(
        List.of(Problem.of(Kind.ABOVE_MAX_POINTS)),
        points(
            criterion(null, "A", level(null, "Helt", "6")),
            criterion(null, "B", level(null, "Helt", "6"))));
  }

  @Test
  void onceGradedWordingAndOrderMayChangeButNotWhatTheGradesRestOn() {
    List<Criterion> now =
        List.of(
            criterion(1L, "Situationen", level(11L, "Ikke", "0"), level(12L, "Helt", "2")),
            criterion(2L, "Indsatsen", level(21L, "Ikke", "0"), level(22L, "Helt", "3")));
    assertFalse(
        RubricAuthoring.structureChanged(
            true,
            now,
            List.of(
                criterion(
                    2L, "Din egen indsats", level(22L, "Fuldt ud", "3"), level(21L, "Ikke", "0")),
                criterion(
                    1L,
                    "Situationen er beskrevet",
                    level(11L, "Ikke", "0"),
                    level(12L, "Helt", "2.000")))),
        "reworded and reordered; 2 is 2.000");
    assertTrue(
        RubricAuthoring.structureChanged(
            true, now, List.of(now.get(0), now.get(1), criterion(null, "Ny"))),
        "a criterion added");
    assertTrue(RubricAuthoring.structureChanged(true, now, List.of(now.get(0))), "one removed");
    assertTrue(
        RubricAuthoring.structureChanged(
            true,
            now,
            List.of(
                now.get(0),
                criterion(
                    2L,
                    "Indsatsen",
                    level(21L, "Ikke", "0"),
                    level(22L, "Helt", "3"),
                    level(null, "Mere end helt", "3")))),
        "a level added");
    assertTrue(
        RubricAuthoring.structureChanged(
            true, now, List.of(now.get(0), criterion(2L, "Indsatsen", level(22L, "Helt", "3")))),
        "a level removed");
    assertTrue(
        RubricAuthoring.structureChanged(
            true,
            now,
            List.of(
                now.get(0),
                criterion(2L, "Indsatsen", level(21L, "Ikke", "0"), level(22L, "Helt", "2.5")))),
        "a level's points changed");
    assertFalse(
        RubricAuthoring.structureChanged(
            false, now, List.of(now.get(0), criterion(2L, "Indsatsen"))),
        "a competence rubric's judgements do not rest on levels");
  }
}
