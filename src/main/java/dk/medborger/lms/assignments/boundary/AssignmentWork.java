package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Criterion;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Download;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FeedbackFileRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GuardFinding;
import dk.medborger.lms.assignments.boundary.AssignmentViews.LearnerPage;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Released;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Timing;
import dk.medborger.lms.assignments.control.CitizenDataGuard;
import dk.medborger.lms.assignments.control.FileInspection;
import dk.medborger.lms.assignments.control.FileStore;
import dk.medborger.lms.assignments.control.LateRules;
import dk.medborger.lms.assignments.control.SafeFileNames;
import dk.medborger.lms.assignments.control.SubmissionRecords;
import dk.medborger.lms.assignments.control.SubmissionTextPolicy;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.FeedbackFile;
import dk.medborger.lms.assignments.entity.Submission;
import dk.medborger.lms.assignments.entity.SubmissionFile;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.LearnerProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A learner working on assignments: the assignment's page, the draft kept as typed, files added and
 * removed, the citizen data guard's check, handing in, and the grade and feedback once released.
 * Every method takes the signed-in learner's id and answers only about their own submission;
 * anything else is "not found". Reads need no transaction; each write is one of {@link
 * SubmissionRecords}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssignmentWork {

  @PersistenceContext EntityManager em;

  @Inject CourseCatalog catalog;

  @Inject LearnerProgress progress;

  @Inject SubmissionRecords records;

  @Inject Submissions submissions;

  @Inject FileStore files;

  @Inject FileInspection inspection;

  @Inject Clock clock;

  /** The assignment's page for the learner; 404 for one in a course they do not take. */
  public LearnerPage page(long userId, long assignmentId) {
    CourseOutline outline = outlineOf(assignmentId);
    LearnerProgress.CoursePage coursePage = progress.course(userId, outline.id());
    CourseProgress course = coursePage.progress();
    CourseProgress.ModuleProgress module = course.moduleOf(assignmentId);
    Assignment a = em.find(Assignment.class, assignmentId);
    Instant now = clock.instant();
    Instant extension = records.extension(assignmentId, userId);
    Optional<Submission> found = records.find(userId, assignmentId, false);
    SubmissionStatus status = found.map(Submission::getStatus).orElse(SubmissionStatus.DRAFT);
    Timing timing =
        switch (LateRules.verdict(
            a.getLatePolicy(), a.getDueAt(), a.getCutoffAt(), extension, now)) {
          case ON_TIME -> Timing.OPEN;
          case LATE -> Timing.LATE;
          case REFUSED -> Timing.CLOSED;
        };
    Released released = null;
    List<Criterion> criteria = submissions.criteria(a, null);
    if (found.isPresent()) {
      Submission s = found.get();
      if (status == SubmissionStatus.GRADED) {
        released =
            new Released(
                s.getPassed(),
                LateRules.penalised(
                    s.getPoints(), a.getLatePolicy(), a.getLatePenaltyPercent(), s.isLate()),
                s.getMaxPoints(),
                s.getFeedback(),
                s.getReleasedAt());
        criteria = submissions.criteria(a, s.getCriteria());
      } else if (status == SubmissionStatus.REVISION_REQUESTED) {
        released = new Released(null, null, null, s.getFeedback(), s.getGradedAt());
      }
    }
    CourseOutline.Neighbours around = outline.neighbours(assignmentId);
    return new LearnerPage(
        outline,
        outline.activity(assignmentId).orElseThrow(),
        module.locked() ? module.blockedBy() : null,
        around.previous(),
        around.next(),
        a.getInstructions(),
        Submissions.settings(a),
        LateRules.due(a.getDueAt(), extension),
        LateRules.cutoff(a.getCutoffAt(), extension),
        extension != null,
        timing,
        status,
        found.map(AssignmentWork::draftHtml).orElse(null),
        found.map(Submission::getDraftSavedAt).orElse(null),
        found.map(Submission::getVersion).orElse(0L),
        found.map(s -> submissions.fileRows(records.draftFiles(s.getId()))).orElse(List.of()),
        found.map(s -> submissions.versions(s.getId(), false)).orElse(List.of()),
        released,
        criteria,
        course,
        coursePage.deadline(),
        coursePage.whomToAsk());
  }

  /**
   * Keeps the draft's text, rich text (HTML) that is sanitised before it is kept; returns when it
   * was saved.
   */
  public Instant saveDraft(long userId, long assignmentId, String html) {
    requireOpen(userId, assignmentId); // 404, locked modules and the cut-off, as the page
    return records.saveDraft(userId, assignmentId, html, clock.instant());
  }

  /** The draft's text as sanitised HTML, also when it was saved as plain text before ADR 32. */
  private static String draftHtml(Submission s) {
    return s.getDraftText() == null
        ? null
        : SubmissionTextPolicy.html(s.getDraftText(), s.getDraftFormat());
  }

  /**
   * Takes an uploaded file into the draft: its size counted as it arrives, its type read from its
   * content, its name made safe; refused with a reason otherwise, and then nothing is kept.
   */
  public long upload(long userId, long assignmentId, String rawName, InputStream content) {
    LearnerPage page = page(userId, assignmentId);
    if (page.locked()) {
      throw new AssignmentRefused(Reason.LOCKED);
    }
    if (!page.settings().acceptsFiles()) {
      throw new AssignmentRefused(Reason.NO_FILES_ALLOWED);
    }
    if (!page.editable()) {
      throw new AssignmentRefused(
          page.timing() == Timing.CLOSED ? Reason.AFTER_CUTOFF : Reason.NOT_EDITABLE);
    }
    if (page.filesFull()) {
      throw new AssignmentRefused(Reason.TOO_MANY_FILES);
    }
    FileStore.Received received = files.receive(content, page.settings().maxFileBytes());
    try {
      String type = inspection.detect(received.temp());
      if (!page.settings().allowedTypes().contains(type)) {
        throw new AssignmentRefused(Reason.TYPE_NOT_ALLOWED);
      }
      return records.addFile(
          userId, assignmentId, received, SafeFileNames.of(rawName), type, clock.instant());
    } finally {
      files.discard(received.temp()); // moved into place already when taken
    }
  }

  public void removeFile(long userId, long assignmentId, long fileId) {
    records.removeFile(userId, assignmentId, fileId, clock.instant());
  }

  /**
   * What the citizen data guard finds in the draft's text (what it reads, and its links' addresses)
   * and in the text inside its files.
   */
  public List<GuardFinding> check(long userId, long assignmentId) {
    page(userId, assignmentId);
    Optional<Submission> s = records.find(userId, assignmentId, false);
    if (s.isEmpty()) {
      return List.of();
    }
    List<GuardFinding> found = new ArrayList<>();
    String html = draftHtml(s.get());
    for (CitizenDataGuard.Finding f : CitizenDataGuard.checkHtml(html == null ? "" : html)) {
      found.add(new GuardFinding(f.kind(), f.match(), f.context(), null, f.inLink()));
    }
    for (SubmissionFile file : records.draftFiles(s.get().getId())) {
      String text = inspection.text(files.path(file.getStoragePath()), file.getMediaType());
      for (CitizenDataGuard.Finding f : CitizenDataGuard.check(text)) {
        found.add(new GuardFinding(f.kind(), f.match(), f.context(), file.getSafeName(), false));
      }
    }
    return List.copyOf(found);
  }

  /**
   * Replaces every occurrence of {@code match} in the draft's text with {@code marker}, inside the
   * rich text's texts (its tags kept), and drops the address of a link that holds it.
   */
  public void redact(long userId, long assignmentId, String match, String marker) {
    Optional<Submission> s = records.find(userId, assignmentId, false);
    if (s.isEmpty() || s.get().getDraftText() == null || match == null || match.isBlank()) {
      return;
    }
    saveDraft(userId, assignmentId, CitizenDataGuard.redactHtml(draftHtml(s.get()), match, marker));
  }

  /**
   * Hands the draft in; the guard runs again here, on the server, and what it finds needs {@code
   * guardReason}.
   */
  public void submit(long userId, long assignmentId, boolean ownWork, String guardReason) {
    List<GuardFinding> found = check(userId, assignmentId);
    records.submit(userId, assignmentId, ownWork, found.size(), guardReason, clock.instant());
  }

  /** A file of the learner's own submission; 404 for anyone else's. */
  public Download download(long userId, long fileId) {
    SubmissionFile file = em.find(SubmissionFile.class, fileId);
    Submission s = file == null ? null : em.find(Submission.class, file.getSubmissionId());
    if (s == null || s.getUserId() != userId) {
      throw new NotFoundException("file " + fileId);
    }
    return submissions.download(file);
  }

  /**
   * The grader's feedback files the learner may see (ADR 16): every round returned to them, the
   * current one once it is released or returned for revision — never while it is being graded.
   */
  public List<FeedbackFileRow> feedbackFiles(long userId, long assignmentId) {
    Optional<Submission> s = records.find(userId, assignmentId, false);
    if (s.isEmpty()) {
      return List.of();
    }
    return submissions.feedbackRows(s.get(), f -> f.shownTo(s.get()), false);
  }

  /** A feedback file on the learner's own submission that they may see; 404 for anything else. */
  public Download feedbackDownload(long userId, long fileId) {
    FeedbackFile file = em.find(FeedbackFile.class, fileId);
    Submission s = file == null ? null : em.find(Submission.class, file.getSubmissionId());
    if (s == null || s.getUserId() != userId || !file.shownTo(s)) {
      throw new NotFoundException("feedback file " + fileId);
    }
    return submissions.download(file, null);
  }

  private void requireOpen(long userId, long assignmentId) {
    LearnerPage page = page(userId, assignmentId);
    if (page.locked()) {
      throw new AssignmentRefused(Reason.LOCKED);
    }
    if (page.timing() == Timing.CLOSED && page.status() == SubmissionStatus.DRAFT) {
      throw new AssignmentRefused(Reason.AFTER_CUTOFF);
    }
  }

  private CourseOutline outlineOf(long assignmentId) {
    CourseOutline outline = catalog.outlineOfActivity(assignmentId);
    if (outline.activity(assignmentId).orElseThrow().kind() != ActivityKind.ASSIGNMENT) {
      throw new NotFoundException("assignment " + assignmentId);
    }
    return outline;
  }
}
