package dk.medborger.lms.assignments.boundary;

import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.BLIND_GRADES_SAVED;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.BLIND_WORK_HANDED_IN;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.CHOICE_MISSING;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.COMPLETION_LOCKED;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.CUTOFF_BEFORE_DUE;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.CUTOFF_NEEDS_DUE;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.FILE_TYPES;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.GRADE_LOCKED;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.INSTRUCTIONS_TOO_LONG;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.MAX_FILES;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.MAX_FILE_SIZE;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.MAX_POINTS;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.NO_SUBMISSION_TYPE;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.PASS_POINTS;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.PENALTY_PERCENT;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.REFUSE_NEEDS_CUTOFF;
import static dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem.TITLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Problem;
import dk.medborger.lms.assignments.boundary.AssignmentAuthoring.Settings;
import dk.medborger.lms.assignments.control.AssignmentRecords.Usage;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks of an assignment's settings, each limit on both sides, and what may no longer change
 * once work is handed in or graded.
 */
class AssignmentSettingsProblemsTest {

  private static final Instant DUE = Instant.parse("2026-12-24T11:00:00Z");

  /** Settings that pass every check, shaped by the arguments. */
  private static Settings settings(
      LatePolicy policy,
      Integer percent,
      Instant due,
      Instant cutoff,
      boolean text,
      boolean files,
      Integer count,
      Integer megabytes,
      List<String> types,
      boolean blind,
      CompletionCriterion completion,
      GradingScheme grading,
      String max,
      String pass) {
    return new Settings(
        "Refleksion",
        "<p>Skriv.</p>",
        due,
        cutoff,
        policy,
        percent,
        text,
        files,
        count,
        megabytes,
        types,
        blind,
        completion,
        grading,
        max == null ? null : new BigDecimal(max),
        pass == null ? null : new BigDecimal(pass));
  }

  private static Settings good() {
    return late(LatePolicy.REFUSE_AFTER_CUTOFF, null, DUE, DUE.plusSeconds(3600));
  }

  private static Settings points(String max, String pass) {
    return settings(
        LatePolicy.ACCEPT_MARK_LATE,
        null,
        DUE,
        null,
        true,
        true,
        3,
        20,
        Assignment.DEFAULT_TYPES,
        false,
        CompletionCriterion.ON_GRADED_PASS,
        GradingScheme.DIRECT,
        max,
        pass);
  }

  private static Settings late(LatePolicy policy, Integer percent, Instant due, Instant cutoff) {
    return settings(
        policy,
        percent,
        due,
        cutoff,
        true,
        true,
        3,
        20,
        Assignment.DEFAULT_TYPES,
        false,
        CompletionCriterion.ON_GRADED_PASS,
        GradingScheme.PASS_FAIL_RUBRIC,
        null,
        null);
  }

  private static Settings files(
      boolean text, boolean files, Integer count, Integer megabytes, List<String> types) {
    return settings(
        LatePolicy.ACCEPT_MARK_LATE,
        null,
        DUE,
        null,
        text,
        files,
        count,
        megabytes,
        types,
        false,
        CompletionCriterion.ON_GRADED_PASS,
        GradingScheme.PASS_FAIL_RUBRIC,
        null,
        null);
  }

  private static Settings with(boolean blind, CompletionCriterion completion) {
    return settings(
        LatePolicy.ACCEPT_MARK_LATE,
        null,
        DUE,
        null,
        true,
        true,
        3,
        20,
        Assignment.DEFAULT_TYPES,
        blind,
        completion,
        GradingScheme.DIRECT,
        "10",
        "7");
  }

  private static List<Problem> problems(Settings s) {
    return AssignmentAuthoring.problems(s);
  }

  @Test
  void settingsWithinTheirLimitsHaveNoProblems() {
    assertEquals(List.of(), problems(good()));
    assertEquals(List.of(), problems(points("0.001", "0")));
    assertEquals(List.of(), problems(points("1000", "1000")));
    assertEquals(List.of(), problems(late(LatePolicy.ACCEPT_WITH_PENALTY, 1, DUE, null)));
    assertEquals(List.of(), problems(late(LatePolicy.ACCEPT_WITH_PENALTY, 100, null, null)));
    assertEquals(List.of(), problems(late(LatePolicy.ACCEPT_MARK_LATE, null, DUE, DUE)));
    assertEquals(List.of(), problems(files(true, false, 1, 1, List.of())));
    assertEquals(List.of(), problems(files(false, true, 20, 100, List.of("application/pdf"))));
  }

  @Test
  void eachLimitIsCheckedAndEveryProblemIsListed() {
    Settings s = good();
    assertEquals(
        List.of(TITLE, INSTRUCTIONS_TOO_LONG),
        problems(
            new Settings(
                " ",
                "x".repeat(20_001),
                s.dueAt(),
                s.cutoffAt(),
                s.latePolicy(),
                null,
                true,
                true,
                3,
                20,
                s.allowedTypes(),
                false,
                s.completion(),
                s.grading(),
                null,
                null)));
    assertEquals(
        List.of(CUTOFF_NEEDS_DUE), problems(late(LatePolicy.ACCEPT_MARK_LATE, null, null, DUE)));
    assertEquals(
        List.of(CUTOFF_BEFORE_DUE),
        problems(late(LatePolicy.ACCEPT_MARK_LATE, null, DUE, DUE.minusSeconds(60))));
    assertEquals(
        List.of(REFUSE_NEEDS_CUTOFF),
        problems(late(LatePolicy.REFUSE_AFTER_CUTOFF, null, DUE, null)));
    for (Integer percent : new Integer[] {0, 101, null}) {
      assertEquals(
          List.of(PENALTY_PERCENT),
          problems(late(LatePolicy.ACCEPT_WITH_PENALTY, percent, DUE, null)),
          String.valueOf(percent));
    }
    assertEquals(List.of(CHOICE_MISSING), problems(late(null, null, DUE, null)));
    assertEquals(
        List.of(NO_SUBMISSION_TYPE),
        problems(files(false, false, 3, 20, Assignment.DEFAULT_TYPES)));
    assertEquals(List.of(MAX_FILES), problems(files(true, true, 0, 20, Assignment.DEFAULT_TYPES)));
    assertEquals(List.of(MAX_FILES), problems(files(true, true, 21, 20, Assignment.DEFAULT_TYPES)));
    assertEquals(
        List.of(MAX_FILE_SIZE), problems(files(true, true, 3, 0, Assignment.DEFAULT_TYPES)));
    assertEquals(
        List.of(MAX_FILE_SIZE), problems(files(true, true, 3, 101, Assignment.DEFAULT_TYPES)));
    assertEquals(List.of(FILE_TYPES), problems(files(true, true, 3, 20, List.of())));
    assertEquals(
        List.of(FILE_TYPES),
        problems(files(true, true, 3, 20, List.of("application/x-msdownload"))));
    assertEquals(List.of(MAX_POINTS, PASS_POINTS), problems(points(null, null)));
    assertEquals(List.of(MAX_POINTS), problems(points("0", "0")));
    assertEquals(List.of(MAX_POINTS), problems(points("1000.5", "1")));
    assertEquals(List.of(MAX_POINTS), problems(points("1.0005", "1")));
    assertEquals(List.of(PASS_POINTS), problems(points("10", "10.5")));
    assertEquals(List.of(PASS_POINTS), problems(points("10", "-1")));
  }

  @Test
  void whatGradesAndProgressFollowFromIsLockedOnceWorkIsHandedInOrGraded() {
    Usage unused = new Usage(0, 0, false);
    Usage handedIn = new Usage(2, 0, false);
    Usage graded = new Usage(2, 1, true);
    Settings now = points("10", "7");
    assertEquals(List.of(), AssignmentAuthoring.locked(now, good(), unused));
    assertEquals(List.of(), AssignmentAuthoring.locked(now, good(), handedIn));
    assertEquals(List.of(GRADE_LOCKED), AssignmentAuthoring.locked(now, good(), graded));
    assertEquals(List.of(GRADE_LOCKED), AssignmentAuthoring.locked(now, points("10", "6"), graded));
    assertEquals(
        List.of(), AssignmentAuthoring.locked(now, points("10.0", "7.00"), graded), "10 is 10.0");

    Settings penalty = late(LatePolicy.ACCEPT_WITH_PENALTY, 20, DUE, null);
    Settings harsher = late(LatePolicy.ACCEPT_WITH_PENALTY, 30, DUE, null);
    Settings marked = late(LatePolicy.ACCEPT_MARK_LATE, null, DUE, null);
    Settings refused = late(LatePolicy.REFUSE_AFTER_CUTOFF, null, DUE, DUE);
    assertEquals(List.of(GRADE_LOCKED), AssignmentAuthoring.locked(penalty, harsher, graded));
    assertEquals(List.of(GRADE_LOCKED), AssignmentAuthoring.locked(penalty, marked, graded));
    assertEquals(
        List.of(), AssignmentAuthoring.locked(marked, refused, graded), "no penalty either way");

    Settings passed = with(false, CompletionCriterion.ON_GRADED_PASS);
    Settings submitted = with(false, CompletionCriterion.ON_SUBMIT);
    assertEquals(List.of(), AssignmentAuthoring.locked(passed, submitted, unused));
    assertEquals(
        List.of(COMPLETION_LOCKED), AssignmentAuthoring.locked(passed, submitted, handedIn));

    Settings blind = with(true, CompletionCriterion.ON_GRADED_PASS);
    assertEquals(List.of(), AssignmentAuthoring.locked(passed, blind, unused));
    assertEquals(
        List.of(BLIND_WORK_HANDED_IN), AssignmentAuthoring.locked(passed, blind, handedIn));
    assertEquals(List.of(BLIND_GRADES_SAVED), AssignmentAuthoring.locked(blind, passed, graded));
    assertEquals(List.of(), AssignmentAuthoring.locked(blind, passed, handedIn), "none saved");
  }
}
