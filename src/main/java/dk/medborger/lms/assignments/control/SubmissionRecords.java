package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import dk.medborger.lms.assignments.boundary.WorkReturned;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.AssignmentExtension;
import dk.medborger.lms.assignments.entity.ExtensionEntry;
import dk.medborger.lms.assignments.entity.FeedbackFile;
import dk.medborger.lms.assignments.entity.GradeEntry;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.Submission;
import dk.medborger.lms.assignments.entity.SubmissionFile;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.assignments.entity.SubmissionVersion;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.ActivityOutcomes;
import dk.medborger.lms.progress.boundary.Outcome;
import dk.medborger.lms.progress.entity.OutcomeKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every write of a submission: the draft as the learner types, files added and removed, handing in,
 * grades saved and released, revisions asked for, and one learner's extension.
 *
 * <p>Locks are taken in one order (ADR 11): the learner's enrolment first ({@link
 * ActivityOutcomes#lock}), then the submission. A grader's write also carries the submission's
 * version the grader's page showed: when another grader saved in between, the write is refused with
 * {@link OptimisticLockException} and nothing is changed.
 */
@ApplicationScoped
@Transactional
public class SubmissionRecords {

  /** The longest text taken (some 30,000 words), counted in text, not in tags. */
  public static final int MAX_TEXT = 200_000;

  /** The source named in the learner's outcome history. */
  public static final String SOURCE = "ASSIGNMENT";

  @PersistenceContext EntityManager em;

  @Inject ActivityOutcomes outcomes;

  @Inject FileStore files;

  @Inject Event<WorkReturned> returned;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The learner's submission, locked after their enrolment; made when there is none yet. */
  public Submission lockOwn(long userId, long assignmentId, Instant now) {
    outcomes.lock(userId, assignmentId);
    Optional<Submission> existing = find(userId, assignmentId, true);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (outcomes
        .record(userId, assignmentId, Outcome.of(OutcomeKind.STARTED, SOURCE, null))
        .locked()) {
      throw new AssignmentRefused(Reason.LOCKED);
    }
    Submission made = new Submission(assignmentId, userId);
    em.persist(made);
    em.flush();
    return made;
  }

  public Optional<Submission> find(long userId, long assignmentId, boolean lock) {
    var query =
        em.createNamedQuery(Submission.FIND_BY_LEARNER, Submission.class)
            .setParameter("assignment", assignmentId)
            .setParameter("user", userId);
    if (lock) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return query.getResultStream().findFirst();
  }

  /**
   * Keeps the draft's text as typed, sanitised ({@link SubmissionTextPolicy}; a text with nothing
   * to read is kept as none); refused once handed in (until a revision is asked), and refused whole
   * when it is longer than {@link #MAX_TEXT} characters of text or {@link
   * SubmissionTextPolicy#MAX_HTML} of HTML — the draft saved before stays as it was.
   */
  public Instant saveDraft(long userId, long assignmentId, String html, Instant now) {
    Assignment assignment = assignment(assignmentId);
    if (!assignment.isAcceptsText()) {
      throw new AssignmentRefused(Reason.NO_TEXT_ALLOWED);
    }
    String kept = keptText(html);
    Submission s = lockOwn(userId, assignmentId, now);
    requireEditable(s);
    s.saveDraft(kept, now);
    return now;
  }

  /** A text as it is kept: sanitised, null when it holds nothing to read; refused when too long. */
  private static String keptText(String html) {
    if (html == null) {
      return null;
    }
    if (html.length() > SubmissionTextPolicy.MAX_HTML) {
      throw new AssignmentRefused(Reason.TEXT_TOO_LONG);
    }
    String sanitised = SubmissionTextPolicy.sanitise(html);
    String text = SubmissionTextPolicy.text(sanitised);
    if (text.length() > MAX_TEXT || sanitised.length() > SubmissionTextPolicy.MAX_HTML) {
      throw new AssignmentRefused(Reason.TEXT_TOO_LONG);
    }
    return text.isBlank() ? null : sanitised;
  }

  /**
   * Adds a received, checked file to the draft: it is moved into place now and deleted again if the
   * transaction does not commit, so that a file is on disk exactly when its row is.
   */
  public long addFile(
      long userId,
      long assignmentId,
      FileStore.Received received,
      String safeName,
      String mediaType,
      Instant now) {
    Assignment assignment = assignment(assignmentId);
    Submission s = lockOwn(userId, assignmentId, now);
    requireEditable(s);
    if (draftFiles(s.getId()).size() >= assignment.getMaxFiles()) {
      throw new AssignmentRefused(Reason.TOO_MANY_FILES);
    }
    String stored = files.moveIntoPlace(received.temp());
    afterRollback(() -> files.delete(stored));
    SubmissionFile file =
        new SubmissionFile(
            s.getId(), safeName, mediaType, received.size(), received.sha256(), stored, now);
    em.persist(file);
    em.flush();
    return file.getId();
  }

  /** Removes a file from the learner's draft; the bytes go once the removal is committed. */
  public void removeFile(long userId, long assignmentId, long fileId, Instant now) {
    Submission s = lockOwn(userId, assignmentId, now);
    SubmissionFile file = em.find(SubmissionFile.class, fileId);
    if (file == null || file.getSubmissionId() != s.getId() || file.getVersionId() != null) {
      throw new NotFoundException("file " + fileId);
    }
    requireEditable(s);
    em.remove(file);
    String stored = file.getStoragePath();
    afterCommit(() -> files.delete(stored));
  }

  public List<SubmissionFile> draftFiles(long submissionId) {
    return em.createQuery(
            "SELECT f FROM SubmissionFile f WHERE f.submissionId = :s AND f.versionId IS NULL"
                + " ORDER BY f.id",
            SubmissionFile.class)
        .setParameter("s", submissionId)
        .getResultList();
  }

  /**
   * Hands the draft in as a new version, with the learner's statement that it is their own work;
   * {@code guardFindings} is what the citizen data guard found in it, which needs the learner's
   * reason to hand it in anyway.
   */
  public SubmissionVersion submit(
      long userId,
      long assignmentId,
      boolean ownWork,
      int guardFindings,
      String guardReason,
      Instant now) {
    Assignment a = assignment(assignmentId);
    if (!ownWork) {
      throw new AssignmentRefused(Reason.OWN_WORK_REQUIRED);
    }
    String reason = guardReason == null || guardReason.isBlank() ? null : guardReason.strip();
    if (guardFindings > 0 && reason == null) {
      throw new AssignmentRefused(Reason.GUARD_REASON_REQUIRED);
    }
    Submission s = lockOwn(userId, assignmentId, now);
    requireEditable(s);
    Instant extension = extension(assignmentId, userId);
    LateRules.Verdict verdict =
        LateRules.verdict(a.getLatePolicy(), a.getDueAt(), a.getCutoffAt(), extension, now);
    boolean revision = s.getStatus() == SubmissionStatus.REVISION_REQUESTED;
    if (verdict == LateRules.Verdict.REFUSED && !revision) {
      throw new AssignmentRefused(Reason.AFTER_CUTOFF);
    }
    List<SubmissionFile> draft = draftFiles(s.getId());
    // Sanitised again as it becomes a record; a draft kept as plain text becomes HTML here.
    String text =
        a.isAcceptsText()
            ? keptText(SubmissionTextPolicy.html(s.getDraftText(), s.getDraftFormat()))
            : null;
    if (text == null && draft.isEmpty()) {
      throw new AssignmentRefused(Reason.NOTHING_TO_SUBMIT);
    }
    // A version the instructor asked for is as late as the first one was, whatever the date.
    s.handIn(now, revision ? s.isLate() : verdict == LateRules.Verdict.LATE);
    SubmissionVersion version =
        new SubmissionVersion(
            s.getId(),
            s.getVersions(),
            text,
            now,
            s.isLate(),
            guardFindings,
            reason == null ? null : reason.substring(0, Math.min(2000, reason.length())));
    em.persist(version);
    em.flush();
    for (SubmissionFile f : draft) {
      f.handInWith(version.getId());
    }
    outcomes.record(userId, assignmentId, Outcome.of(OutcomeKind.SUBMITTED, SOURCE, s.getId()));
    return version;
  }

  /**
   * What a grader decided, before it is checked against the rubric; {@code assignmentVersion} is
   * the assignment's version the decision was made against (its rubric, points and penalty).
   */
  public record Judgement(
      Boolean passed,
      BigDecimal points,
      String criteria,
      String feedback,
      boolean release,
      long assignmentVersion) {}

  /**
   * Saves a grade, and releases it to the learner when asked; refused when another grader saved
   * since {@code seenVersion}. Released, it reaches progress: passed or failed, with the points
   * after any late penalty.
   */
  public Submission grade(
      long graderId, long submissionId, long seenVersion, Judgement judgement, Instant now) {
    Submission s = lockForGrader(submissionId, seenVersion);
    Assignment a = assignment(s.getAssignmentId());
    // Shared: graders do not wait for each other, but a change of the rubric waits for this grade
    // (and then sees it), and one that came first refuses a grade made against the old rubric.
    long assignmentVersion =
        ((Number)
                em.createNativeQuery("SELECT version FROM activity WHERE id = ? LOCK IN SHARE MODE")
                    .setParameter(1, a.getId())
                    .getSingleResult())
            .longValue();
    if (assignmentVersion != judgement.assignmentVersion()) {
      throw new OptimisticLockException("assignment " + a.getId() + " changed");
    }
    if (!(s.getStatus().awaitingGrading() || s.getStatus() == SubmissionStatus.GRADED)) {
      throw new AssignmentRefused(Reason.NOT_SUBMITTED);
    }
    BigDecimal max = a.getGrading() == GradingScheme.PASS_FAIL_RUBRIC ? null : a.getMaxPoints();
    if (judgement.passed() == null
        || (max != null
            && (judgement.points() == null
                || judgement.points().signum() < 0
                || judgement.points().compareTo(max) > 0))) {
      throw new AssignmentRefused(Reason.GRADE_INCOMPLETE);
    }
    s.grade(
        judgement.passed(),
        max == null ? null : judgement.points(),
        max,
        judgement.criteria(),
        judgement.feedback(),
        graderId,
        now);
    em.persist(new GradeEntry(s, GradeEntry.Action.SAVED, graderId, now));
    // Written now: EclipseLink does not keep the order of inserts of one class within a flush.
    em.flush();
    if (judgement.release()) {
      release(s, a, graderId, now);
    }
    em.flush();
    return s;
  }

  /**
   * Releases grades saved and not yet released, all or none: each submission as its grader's page
   * showed it ({@code seen}: submission id → version); a version changed since refuses them all
   * with {@link OptimisticLockException}, and one no longer waiting for release with {@link
   * Reason#NOT_RELEASABLE}. Locked in the order of their ids, so that two bulk releases wait for
   * each other instead of deadlocking. Each released grade reaches progress and fires {@link
   * WorkReturned}, in this transaction.
   */
  public int releaseSaved(long graderId, Map<Long, Long> seen, Instant now) {
    List<Long> ids = seen.keySet().stream().sorted().toList();
    for (long id : ids) {
      Submission s = lockForGrader(id, seen.get(id));
      if (s.getStatus() != SubmissionStatus.IN_GRADING) {
        throw new AssignmentRefused(Reason.NOT_RELEASABLE);
      }
      release(s, assignment(s.getAssignmentId()), graderId, now);
      em.flush();
    }
    return ids.size();
  }

  /** Releases the grade saved on a locked submission to the learner and to progress. */
  private void release(Submission s, Assignment a, long graderId, Instant now) {
    s.release(now);
    em.persist(new GradeEntry(s, GradeEntry.Action.RELEASED, graderId, now));
    BigDecimal score;
    BigDecimal outOf;
    if (s.getMaxPoints() == null) {
      score = s.getPassed() ? BigDecimal.ONE : BigDecimal.ZERO;
      outOf = BigDecimal.ONE;
    } else {
      score =
          LateRules.penalised(
              s.getPoints(), a.getLatePolicy(), a.getLatePenaltyPercent(), s.isLate());
      outOf = s.getMaxPoints();
    }
    outcomes.record(
        s.getUserId(),
        s.getAssignmentId(),
        Outcome.graded(s.getPassed(), score, outOf, SOURCE, s.getId(), graderId));
    returned.fire(
        new WorkReturned(
            s.getId(), s.getUserId(), s.getAssignmentId(), WorkReturned.Kind.GRADED, now));
  }

  /** Returns the submission to the learner for another version; progress reopens it. */
  public Submission requestRevision(
      long graderId, long submissionId, long seenVersion, String feedback, Instant now) {
    Submission s = lockForGrader(submissionId, seenVersion);
    if (s.getStatus() == SubmissionStatus.DRAFT
        || s.getStatus() == SubmissionStatus.REVISION_REQUESTED) {
      throw new AssignmentRefused(Reason.NOT_SUBMITTED);
    }
    s.grade(
        s.getPassed(), s.getPoints(), s.getMaxPoints(), s.getCriteria(), feedback, graderId, now);
    s.requestRevision();
    em.persist(new GradeEntry(s, GradeEntry.Action.REVISION_REQUESTED, graderId, now));
    outcomes.record(
        s.getUserId(),
        s.getAssignmentId(),
        new Outcome(OutcomeKind.REOPENED, null, null, SOURCE, s.getId(), graderId));
    returned.fire(
        new WorkReturned(
            s.getId(),
            s.getUserId(),
            s.getAssignmentId(),
            WorkReturned.Kind.REVISION_REQUESTED,
            now));
    em.flush();
    return s;
  }

  /** The most feedback files a grader attaches to one handed-in version. */
  public static final int MAX_FEEDBACK_FILES = 5;

  /** The largest feedback file taken (an annotated PDF of a long reflection, scanned pages). */
  public static final long MAX_FEEDBACK_BYTES = 20L * 1024 * 1024;

  /**
   * Attaches a received, checked file to the submission as the grader's feedback on its current
   * version, with a step in the grade history; only while the grade is not yet released or returned
   * ({@link Reason#FEEDBACK_CLOSED}). The file is moved into place now and deleted again if the
   * transaction does not commit, as a learner's is.
   */
  public long addFeedbackFile(
      long graderId,
      long submissionId,
      FileStore.Received received,
      String safeName,
      String mediaType,
      Instant now) {
    Submission s = lockForGrader(submissionId);
    if (!s.getStatus().awaitingGrading()) {
      throw new AssignmentRefused(Reason.FEEDBACK_CLOSED);
    }
    long round =
        feedbackFiles(s.getId()).stream()
            .filter(f -> f.getVersionNumber() == s.getVersions())
            .count();
    if (round >= MAX_FEEDBACK_FILES) {
      throw new AssignmentRefused(Reason.TOO_MANY_FILES);
    }
    String stored = files.moveIntoPlace(received.temp());
    afterRollback(() -> files.delete(stored));
    FeedbackFile file =
        new FeedbackFile(
            s.getId(),
            s.getVersions(),
            safeName,
            mediaType,
            received.size(),
            received.sha256(),
            stored,
            graderId,
            now);
    em.persist(file);
    em.persist(GradeEntry.file(s, GradeEntry.Action.FILE_ATTACHED, safeName, graderId, now));
    em.flush();
    return file.getId();
  }

  /**
   * Removes a feedback file of the current version before the grade is released or returned, with a
   * step in the grade history; the bytes go once the removal is committed. A file the learner may
   * have seen stays ({@link Reason#FEEDBACK_CLOSED}).
   */
  public void removeFeedbackFile(long graderId, long submissionId, long fileId, Instant now) {
    Submission s = lockForGrader(submissionId);
    FeedbackFile file = em.find(FeedbackFile.class, fileId);
    if (file == null || file.getSubmissionId() != s.getId()) {
      throw new NotFoundException("feedback file " + fileId);
    }
    if (!s.getStatus().awaitingGrading() || file.getVersionNumber() != s.getVersions()) {
      throw new AssignmentRefused(Reason.FEEDBACK_CLOSED);
    }
    em.remove(file);
    em.persist(
        GradeEntry.file(s, GradeEntry.Action.FILE_REMOVED, file.getSafeName(), graderId, now));
    String stored = file.getStoragePath();
    afterCommit(() -> files.delete(stored));
    em.flush();
  }

  /** The submission's feedback files, round by round, in the order attached. */
  public List<FeedbackFile> feedbackFiles(long submissionId) {
    return em.createNamedQuery(FeedbackFile.FIND_BY_SUBMISSION, FeedbackFile.class)
        .setParameter("submission", submissionId)
        .getResultList();
  }

  /**
   * Gives one learner a later due date (a cut-off before it moves with it), or changes the one they
   * have, with an optional reason; {@code seen} is the extension's version as the instructor's page
   * showed it, null for none. Refused with {@link OptimisticLockException} when another instructor
   * has given, changed or removed it since. The late mark of work handed in and not released is
   * judged again against the new date (ADR 23).
   */
  public void extend(
      long graderId,
      long assignmentId,
      long userId,
      Instant due,
      String reason,
      Long seen,
      Instant now) {
    Assignment a = assignment(assignmentId);
    outcomes.lock(userId, assignmentId);
    AssignmentExtension existing = lockExtension(assignmentId, userId, seen);
    if (existing == null) {
      em.persist(new AssignmentExtension(assignmentId, userId, due, reason, graderId, now));
    } else {
      existing.change(due, reason, graderId, now);
    }
    em.persist(
        new ExtensionEntry(
            assignmentId,
            userId,
            existing == null ? ExtensionEntry.Action.GRANTED : ExtensionEntry.Action.CHANGED,
            due,
            reason,
            graderId,
            now));
    em.flush();
    judgeLateAgain(a, userId);
  }

  /**
   * Takes a learner's extension away, as the instructor's page showed it ({@code seen}); refused
   * with {@link OptimisticLockException} when it was changed or removed since. The late mark is
   * judged again against the assignment's own due date.
   */
  public void removeExtension(
      long graderId, long assignmentId, long userId, Long seen, Instant now) {
    Assignment a = assignment(assignmentId);
    outcomes.lock(userId, assignmentId);
    AssignmentExtension existing = lockExtension(assignmentId, userId, seen);
    if (existing == null) {
      throw new OptimisticLockException("no extension to remove");
    }
    em.remove(existing);
    em.persist(
        new ExtensionEntry(
            assignmentId, userId, ExtensionEntry.Action.REMOVED, null, null, graderId, now));
    em.flush();
    judgeLateAgain(a, userId);
  }

  /** The learner's extension, locked, if it is as {@code seen} (its version; null: none). */
  private AssignmentExtension lockExtension(long assignmentId, long userId, Long seen) {
    AssignmentExtension existing =
        em.find(
            AssignmentExtension.class,
            new AssignmentExtension.Key(assignmentId, userId),
            LockModeType.PESSIMISTIC_WRITE);
    if (existing == null ? seen != null : seen == null || existing.getVersion() != seen) {
      throw new OptimisticLockException("extension of " + userId + " changed");
    }
    return existing;
  }

  /**
   * Judges the late mark of the learner's work again, against their due date as it now is: every
   * version is as late as the first one was (a revision keeps the first's mark), and a grade saved
   * but not released is judged again after the late penalty. Released work keeps its mark: the
   * grade the learner has and their progress followed from it. Nothing handed in: nothing to do.
   */
  private void judgeLateAgain(Assignment a, long userId) {
    Submission s = find(userId, a.getId(), true).orElse(null);
    if (s == null
        || s.getStatus() == SubmissionStatus.DRAFT
        || s.getStatus() == SubmissionStatus.GRADED) {
      return;
    }
    List<SubmissionVersion> versions =
        em.createQuery(
                "SELECT v FROM SubmissionVersion v WHERE v.submissionId = :s ORDER BY v.number",
                SubmissionVersion.class)
            .setParameter("s", s.getId())
            .getResultList();
    boolean late =
        LateRules.verdict(
                a.getLatePolicy(),
                a.getDueAt(),
                a.getCutoffAt(),
                extension(a.getId(), userId),
                versions.get(0).getSubmittedAt())
            != LateRules.Verdict.ON_TIME;
    if (late == s.isLate()) {
      return;
    }
    Boolean passed = s.getPassed();
    if (s.getStatus() == SubmissionStatus.IN_GRADING && s.getMaxPoints() != null) {
      passed =
          Rubrics.passes(
              s.getPoints(), a.getPassPoints(), a.getLatePolicy(), a.getLatePenaltyPercent(), late);
    }
    s.judgeLate(late, passed);
    versions.forEach(v -> v.judgeLate(late));
    em.flush();
  }

  /** The learner's extended due date, or null. */
  public Instant extension(long assignmentId, long userId) {
    AssignmentExtension e =
        em.find(AssignmentExtension.class, new AssignmentExtension.Key(assignmentId, userId));
    return e == null ? null : e.getDueAt();
  }

  private Submission lockForGrader(long submissionId, long seenVersion) {
    Submission s = lockForGrader(submissionId);
    if (s.getVersion() != seenVersion) {
      throw new OptimisticLockException("submission " + submissionId + " changed");
    }
    return s;
  }

  /** The submission, locked after its learner's enrolment (ADR 25's order). */
  private Submission lockForGrader(long submissionId) {
    Submission unlocked = em.find(Submission.class, submissionId);
    if (unlocked == null) {
      throw new NotFoundException("submission " + submissionId);
    }
    outcomes.lock(unlocked.getUserId(), unlocked.getAssignmentId());
    return find(unlocked.getUserId(), unlocked.getAssignmentId(), true).orElseThrow();
  }

  private Assignment assignment(long assignmentId) {
    Assignment a = em.find(Assignment.class, assignmentId);
    if (a == null) {
      throw new NotFoundException("assignment " + assignmentId);
    }
    return a;
  }

  private static void requireEditable(Submission s) {
    if (!s.getStatus().editable()) {
      throw new AssignmentRefused(Reason.NOT_EDITABLE);
    }
  }

  private void afterRollback(Runnable work) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              work.run();
            }
          }
        });
  }

  private void afterCommit(Runnable work) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              work.run();
            }
          }
        });
  }
}
