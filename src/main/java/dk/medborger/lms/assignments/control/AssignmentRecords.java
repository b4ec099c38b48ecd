package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.boundary.RubricAuthoring;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.assignments.entity.RubricCriterion;
import dk.medborger.lms.assignments.entity.RubricLevel;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every change an instructor makes to an assignment itself: its settings, and its rubric. The
 * assignment's row is locked first and its version compared with the one the instructor's page
 * showed, so that two instructors editing at once do not overwrite each other (ADR 23); a grade
 * being saved takes the same row shared, so the rubric cannot change under it (ADR 24).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AssignmentRecords {

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  /**
   * What the assignment's locks follow from: how much work is handed in (any status but a draft),
   * how many grades are saved and not released, and whether anyone has graded or returned any of
   * its work (a grade's history row exists).
   */
  public record Usage(long handedIn, long savedNotReleased, boolean graded) {}

  /** The settings as they are written. */
  public record Change(
      String title,
      String sanitisedInstructions,
      Instant dueAt,
      Instant cutoffAt,
      LatePolicy latePolicy,
      Integer latePenaltyPercent,
      boolean acceptsText,
      boolean acceptsFiles,
      int maxFiles,
      long maxFileBytes,
      List<String> allowedTypes,
      boolean blindGrading,
      CompletionCriterion completion,
      GradingScheme grading,
      BigDecimal maxPoints,
      BigDecimal passPoints) {}

  /**
   * The assignment, locked until the transaction ends, if it is still as the instructor's page
   * showed it ({@code seenVersion}); else {@link OptimisticLockException}, and nothing is changed.
   */
  public Assignment lock(long assignmentId, long seenVersion) {
    Assignment a = em.find(Assignment.class, assignmentId, LockModeType.PESSIMISTIC_WRITE);
    if (a == null) {
      throw new NotFoundException("assignment " + assignmentId);
    }
    if (a.getVersion() != seenVersion) {
      throw new OptimisticLockException("assignment " + assignmentId + " changed");
    }
    return a;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Usage usage(long assignmentId) {
    long handedIn =
        em.createQuery(
                "SELECT COUNT(s) FROM Submission s WHERE s.assignmentId = :a AND s.status <>"
                    + " :draft",
                Long.class)
            .setParameter("a", assignmentId)
            .setParameter("draft", SubmissionStatus.DRAFT)
            .getSingleResult();
    long saved =
        em.createQuery(
                "SELECT COUNT(s) FROM Submission s WHERE s.assignmentId = :a AND s.status = :saved",
                Long.class)
            .setParameter("a", assignmentId)
            .setParameter("saved", SubmissionStatus.IN_GRADING)
            .getSingleResult();
    boolean graded =
        handedIn > 0
            && !em.createQuery(
                    "SELECT g.id FROM GradeEntry g, Submission s WHERE s.id = g.submissionId"
                        + " AND s.assignmentId = :a",
                    Long.class)
                .setParameter("a", assignmentId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    return new Usage(handedIn, saved, graded);
  }

  /**
   * Writes a checked rubric to the locked assignment, all of it: criteria kept are rewritten and
   * placed, new ones added, missing ones removed with their levels; in a points rubric the same for
   * each criterion's levels (in another scheme the levels kept are left as they are). The
   * assignment keeps when (V24), and its version goes up, so that a grade computed against the old
   * rubric is refused.
   */
  public void replaceRubric(Assignment a, List<RubricAuthoring.Criterion> next, Instant now) {
    boolean points = a.getGrading() == GradingScheme.POINTS_RUBRIC;
    Map<Long, RubricCriterion> kept = new HashMap<>();
    a.getCriteria().forEach(c -> kept.put(c.getId(), c));
    Set<Long> wanted = new HashSet<>();
    next.forEach(c -> wanted.add(c.id()));
    for (RubricCriterion c : List.copyOf(a.getCriteria())) {
      if (!wanted.contains(c.getId())) {
        a.removeCriterion(c);
        em.remove(c);
      }
    }
    // Positions are unique: everything moves out of the way first, then into its place.
    int away = 1000;
    for (RubricCriterion c : a.getCriteria()) {
      c.moveTo(away++);
      for (RubricLevel l : c.getLevels()) {
        l.moveTo(away++);
      }
    }
    em.flush();
    List<RubricCriterion> placed = new ArrayList<>();
    for (RubricAuthoring.Criterion draft : next) {
      RubricCriterion c =
          draft.id() == null
              ? a.addCriterion(draft.title().strip(), blankToNull(draft.description()))
              : kept.get(draft.id());
      c.rewrite(draft.title().strip(), blankToNull(draft.description()));
      c.moveTo(away++);
      if (points) {
        replaceLevels(c, draft.levels(), away);
        away += draft.levels().size() + c.getLevels().size();
      }
      placed.add(c);
    }
    em.flush();
    for (int i = 0; i < placed.size(); i++) {
      RubricCriterion c = placed.get(i);
      c.moveTo(i + 1);
      for (int j = 0; j < c.getLevels().size(); j++) {
        c.getLevels().get(j).moveTo(j + 1);
      }
    }
    a.getCriteria().sort(Comparator.comparingInt(RubricCriterion::getPosition));
    // A change of the assignment's own row: its version goes up with it (the rubric's rows are
    // entities of their own, whose changes would not raise it).
    a.rubricChanged(now);
    em.flush();
  }

  /** The criterion's levels as written, in order, each out of the way at {@code away} + i. */
  private void replaceLevels(RubricCriterion c, List<RubricAuthoring.Level> next, int away) {
    Map<Long, RubricLevel> kept = new HashMap<>();
    c.getLevels().forEach(l -> kept.put(l.getId(), l));
    Set<Long> wanted = new HashSet<>();
    next.forEach(l -> wanted.add(l.id()));
    for (RubricLevel l : List.copyOf(c.getLevels())) {
      if (!wanted.contains(l.getId())) {
        c.removeLevel(l);
        em.remove(l);
      }
    }
    List<RubricLevel> ordered = new ArrayList<>();
    for (RubricAuthoring.Level draft : next) {
      RubricLevel l =
          draft.id() == null
              ? c.addLevel(draft.title().strip(), draft.points())
              : kept.get(draft.id());
      l.rewrite(draft.title().strip(), draft.points());
      l.moveTo(away++);
      ordered.add(l);
    }
    c.getLevels().clear();
    c.getLevels().addAll(ordered);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Writes checked settings to the locked assignment; the title and criterion via the catalog. */
  public void change(Assignment a, Change c) {
    catalog.describe(a.getId(), c.title(), c.completion());
    a.setInstructions(c.sanitisedInstructions());
    a.setDates(c.dueAt(), c.cutoffAt());
    a.setLatePolicy(c.latePolicy(), c.latePenaltyPercent());
    a.setSubmissionTypes(c.acceptsText(), c.acceptsFiles());
    a.setFileLimits(c.maxFiles(), c.maxFileBytes(), c.allowedTypes());
    a.setGrading(c.grading(), c.maxPoints(), c.passPoints());
    a.setBlindGrading(c.blindGrading());
    em.flush();
  }
}
