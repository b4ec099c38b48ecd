package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.control.AssignmentRecords;
import dk.medborger.lms.assignments.control.AssignmentRecords.Usage;
import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.assignments.control.InstructionsPolicy;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An instructor's changes to the assignments of the courses they teach (403 for any other, 404 for
 * none): its settings, checked all at once and saved all or nothing (ADR 23). What a learner's
 * grade or progress already follows from cannot change once it does: the grading scheme, its points
 * and the late penalty once anyone has graded, the completion criterion once work is handed in, and
 * blind grading as {@link BlindGrading#switchRefused} says. Two instructors saving at once: the
 * second is refused with {@link jakarta.persistence.OptimisticLockException}.
 *
 * <pre>
 * List&lt;Problem&gt; problems = authoring.saveSettings(instructorId, id, seenVersion, settings);
 * if (problems.isEmpty()) { … saved … }
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssignmentAuthoring {

  public static final int MAX_TITLE = 200;

  /** The longest instructions taken, as typed (some 3,000 words of HTML). */
  public static final int MAX_INSTRUCTIONS = 20_000;

  /** The most files one submission may have, and the largest file in MB (ADR 26). */
  public static final int MAX_FILES = 20;

  public static final int MAX_MEGABYTES = 100;

  public static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1000);

  private static final long MEGABYTE = 1024L * 1024;

  @PersistenceContext EntityManager em;

  @Inject AssignmentGrading grading;

  @Inject AssignmentRecords records;

  /**
   * An assignment's settings as the instructor edits them.
   *
   * @param instructions HTML; sanitised on the server before it is kept
   * @param cutoffAt null: none
   * @param latePenaltyPercent only with {@link LatePolicy#ACCEPT_WITH_PENALTY}
   * @param maxPoints only for points: out of how many
   * @param passPoints only for points: passed from how many, after any late penalty
   */
  public record Settings(
      String title,
      String instructions,
      Instant dueAt,
      Instant cutoffAt,
      LatePolicy latePolicy,
      Integer latePenaltyPercent,
      boolean acceptsText,
      boolean acceptsFiles,
      Integer maxFiles,
      Integer maxFileMegabytes,
      List<String> allowedTypes,
      boolean blindGrading,
      CompletionCriterion completion,
      GradingScheme grading,
      BigDecimal maxPoints,
      BigDecimal passPoints) {}

  /**
   * An assignment with its settings, the version they were read at, and what may not change now.
   *
   * @param gradeLocked someone has graded: the scheme, its points and the late penalty stay
   * @param completionLocked work is handed in: the completion criterion stays
   * @param blindSwitch why blind grading cannot be switched now; null when it can
   * @param instructions the instructions as kept (sanitised HTML), as learners see them
   */
  public record AssignmentSettings(
      CourseOutline.Item assignment,
      CourseOutline outline,
      Settings settings,
      long version,
      boolean gradeLocked,
      boolean completionLocked,
      BlindGrading.SwitchRefused blindSwitch,
      String instructions,
      int extensions) {}

  /**
   * Why settings were not saved; the UI's bundle key is {@code assignmentSettings.problem.<name>}.
   */
  public enum Problem {
    TITLE,
    INSTRUCTIONS_TOO_LONG,
    /** A late policy, grading scheme or completion criterion is not one of the choices. */
    CHOICE_MISSING,
    CUTOFF_NEEDS_DUE,
    CUTOFF_BEFORE_DUE,
    REFUSE_NEEDS_CUTOFF,
    PENALTY_PERCENT,
    NO_SUBMISSION_TYPE,
    MAX_FILES,
    MAX_FILE_SIZE,
    FILE_TYPES,
    MAX_POINTS,
    PASS_POINTS,
    GRADE_LOCKED,
    COMPLETION_LOCKED,
    BLIND_GRADES_SAVED,
    BLIND_WORK_HANDED_IN
  }

  /** The settings of an assignment the instructor teaches. */
  public AssignmentSettings settings(long instructorId, long assignmentId) {
    CourseOutline outline = grading.taught(instructorId, assignmentId);
    Assignment a = assignment(assignmentId);
    Usage usage = records.usage(assignmentId);
    long extensions =
        em.createQuery(
                "SELECT COUNT(x) FROM AssignmentExtension x WHERE x.assignmentId = :a", Long.class)
            .setParameter("a", assignmentId)
            .getSingleResult();
    return new AssignmentSettings(
        outline.activity(assignmentId).orElseThrow(),
        outline,
        settingsOf(a),
        a.getVersion(),
        usage.graded(),
        usage.handedIn() > 0,
        BlindGrading.switchRefused(
            a.isBlindGrading(), !a.isBlindGrading(), usage.handedIn(), usage.savedNotReleased()),
        a.getInstructions(),
        (int) extensions);
  }

  /**
   * Saves an assignment's settings as the instructor's page showed them at {@code seenVersion}, or
   * nothing when there is any problem (then every problem is listed). Refused with {@link
   * jakarta.persistence.OptimisticLockException} when another instructor saved since. New dates,
   * limits and types apply from now on: work already handed in keeps its late mark.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public List<Problem> saveSettings(
      long instructorId, long assignmentId, long seenVersion, Settings settings) {
    grading.taught(instructorId, assignmentId);
    Assignment a = records.lock(assignmentId, seenVersion);
    List<Problem> problems = problems(settings);
    problems.addAll(locked(settingsOf(a), settings, records.usage(assignmentId)));
    if (!problems.isEmpty()) {
      return problems;
    }
    boolean points = settings.grading() != GradingScheme.PASS_FAIL_RUBRIC;
    // Known types in their usual order; none chosen (files not taken) keeps the last choice.
    List<String> types =
        Assignment.DEFAULT_TYPES.stream().filter(settings.allowedTypes()::contains).toList();
    records.change(
        a,
        new AssignmentRecords.Change(
            settings.title().strip(),
            InstructionsPolicy.sanitise(settings.instructions()),
            settings.dueAt(),
            settings.cutoffAt(),
            settings.latePolicy(),
            settings.latePolicy() == LatePolicy.ACCEPT_WITH_PENALTY
                ? settings.latePenaltyPercent()
                : null,
            settings.acceptsText(),
            settings.acceptsFiles(),
            settings.maxFiles(),
            settings.maxFileMegabytes() * MEGABYTE,
            types.isEmpty() ? a.getAllowedTypes() : types,
            settings.blindGrading(),
            settings.completion(),
            settings.grading(),
            points ? settings.maxPoints() : null,
            points ? settings.passPoints() : null));
    return List.of();
  }

  static Settings settingsOf(Assignment a) {
    return new Settings(
        a.getTitle(),
        a.getInstructions(),
        a.getDueAt(),
        a.getCutoffAt(),
        a.getLatePolicy(),
        a.getLatePenaltyPercent(),
        a.isAcceptsText(),
        a.isAcceptsFiles(),
        a.getMaxFiles(),
        (int) Math.max(1, a.getMaxFileBytes() / MEGABYTE),
        a.getAllowedTypes(),
        a.isBlindGrading(),
        a.getCompletionCriterion(),
        a.getGrading(),
        a.getMaxPoints(),
        a.getPassPoints());
  }

  /** The problems of settings on their own, not what may no longer change. */
  static List<Problem> problems(Settings s) {
    List<Problem> problems = new ArrayList<>();
    if (s.title() == null || s.title().isBlank() || s.title().strip().length() > MAX_TITLE) {
      problems.add(Problem.TITLE);
    }
    if (s.instructions() != null && s.instructions().length() > MAX_INSTRUCTIONS) {
      problems.add(Problem.INSTRUCTIONS_TOO_LONG);
    }
    if (s.latePolicy() == null
        || s.grading() == null
        || s.completion() == null
        || !CompletionCriterion.allowedFor(ActivityKind.ASSIGNMENT).contains(s.completion())) {
      problems.add(Problem.CHOICE_MISSING);
    }
    if (s.cutoffAt() != null && s.dueAt() == null) {
      problems.add(Problem.CUTOFF_NEEDS_DUE);
    } else if (s.cutoffAt() != null && s.cutoffAt().isBefore(s.dueAt())) {
      problems.add(Problem.CUTOFF_BEFORE_DUE);
    }
    if (s.latePolicy() == LatePolicy.REFUSE_AFTER_CUTOFF && s.cutoffAt() == null) {
      problems.add(Problem.REFUSE_NEEDS_CUTOFF);
    }
    if (s.latePolicy() == LatePolicy.ACCEPT_WITH_PENALTY
        && !between(s.latePenaltyPercent(), 1, 100)) {
      problems.add(Problem.PENALTY_PERCENT);
    }
    if (!s.acceptsText() && !s.acceptsFiles()) {
      problems.add(Problem.NO_SUBMISSION_TYPE);
    }
    if (!between(s.maxFiles(), 1, MAX_FILES)) {
      problems.add(Problem.MAX_FILES);
    }
    if (!between(s.maxFileMegabytes(), 1, MAX_MEGABYTES)) {
      problems.add(Problem.MAX_FILE_SIZE);
    }
    List<String> types = s.allowedTypes() == null ? List.of() : s.allowedTypes();
    if (!Assignment.DEFAULT_TYPES.containsAll(types) || (s.acceptsFiles() && types.isEmpty())) {
      problems.add(Problem.FILE_TYPES);
    }
    if (s.grading() != null && s.grading() != GradingScheme.PASS_FAIL_RUBRIC) {
      boolean maxOk =
          s.maxPoints() != null
              && s.maxPoints().signum() > 0
              && s.maxPoints().compareTo(MAX_POINTS) <= 0
              && s.maxPoints().stripTrailingZeros().scale() <= 3;
      if (!maxOk) {
        problems.add(Problem.MAX_POINTS);
      }
      if (s.passPoints() == null
          || s.passPoints().signum() < 0
          || s.passPoints().stripTrailingZeros().scale() > 3
          || (maxOk && s.passPoints().compareTo(s.maxPoints()) > 0)) {
        problems.add(Problem.PASS_POINTS);
      }
    }
    return problems;
  }

  /**
   * What the new settings would change that may no longer change: learners' grades and progress
   * already follow from it.
   */
  static List<Problem> locked(Settings now, Settings next, Usage usage) {
    List<Problem> problems = new ArrayList<>();
    if (usage.graded()
        && (now.grading() != next.grading()
            || !samePoints(now.maxPoints(), next.maxPoints(), next.grading())
            || !samePoints(now.passPoints(), next.passPoints(), next.grading())
            || penalty(now) != penalty(next))) {
      problems.add(Problem.GRADE_LOCKED);
    }
    if (usage.handedIn() > 0 && now.completion() != next.completion()) {
      problems.add(Problem.COMPLETION_LOCKED);
    }
    BlindGrading.SwitchRefused blind =
        BlindGrading.switchRefused(
            now.blindGrading(), next.blindGrading(), usage.handedIn(), usage.savedNotReleased());
    if (blind == BlindGrading.SwitchRefused.GRADES_SAVED) {
      problems.add(Problem.BLIND_GRADES_SAVED);
    } else if (blind == BlindGrading.SwitchRefused.WORK_HANDED_IN) {
      problems.add(Problem.BLIND_WORK_HANDED_IN);
    }
    return problems;
  }

  /** Points that would be kept: none under a pass/fail rubric. */
  private static boolean samePoints(BigDecimal now, BigDecimal next, GradingScheme scheme) {
    if (scheme == GradingScheme.PASS_FAIL_RUBRIC) {
      return now == null;
    }
    return now != null && next != null ? now.compareTo(next) == 0 : Objects.equals(now, next);
  }

  /** The percent late work loses; 0 without a penalty. */
  private static int penalty(Settings s) {
    return s.latePolicy() == LatePolicy.ACCEPT_WITH_PENALTY && s.latePenaltyPercent() != null
        ? s.latePenaltyPercent()
        : 0;
  }

  private static boolean between(Integer value, int min, int max) {
    return value != null && value >= min && value <= max;
  }

  private Assignment assignment(long assignmentId) {
    Assignment a = em.find(Assignment.class, assignmentId);
    if (a == null) {
      throw new NotFoundException("assignment " + assignmentId);
    }
    return a;
  }
}
