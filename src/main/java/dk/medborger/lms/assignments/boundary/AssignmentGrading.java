package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import dk.medborger.lms.assignments.boundary.AssignmentViews.AssignmentOption;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Download;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FeedbackFiles;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentViews.HistoryRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueFilter;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueRow;
import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.assignments.control.FileInspection;
import dk.medborger.lms.assignments.control.FileStore;
import dk.medborger.lms.assignments.control.LateRules;
import dk.medborger.lms.assignments.control.QueueWalk;
import dk.medborger.lms.assignments.control.Rubrics;
import dk.medborger.lms.assignments.control.SafeFileNames;
import dk.medborger.lms.assignments.control.SubmissionRecords;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.FeedbackFile;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.RubricCriterion;
import dk.medborger.lms.assignments.entity.RubricLevel;
import dk.medborger.lms.assignments.entity.Submission;
import dk.medborger.lms.assignments.entity.SubmissionFile;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.boundary.CourseCatalog;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.courses.boundary.Teaching;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;

/**
 * An instructor grading assignments: one queue across every course they teach (oldest first,
 * filtered by course, assignment, status and lateness), a submission's grading page, grades saved,
 * released or returned for revision, and the submitted files (one learner's extension is {@link
 * AssignmentExtensions}'). Everything is behind the course-instructor link (ADR 13): 403 for a
 * course they do not teach, 404 for what does not exist. Reads need no transaction; writes are
 * {@link SubmissionRecords}'.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssignmentGrading {

  @PersistenceContext EntityManager em;

  @Inject Teaching teaching;

  @Inject CourseCatalog catalog;

  @Inject SubmissionRecords records;

  @Inject QueueWalk walk;

  @Inject Submissions submissions;

  @Inject FileStore files;

  @Inject FileInspection inspection;

  @Inject Clock clock;

  private static final List<SubmissionStatus> WAITING =
      List.of(SubmissionStatus.SUBMITTED, SubmissionStatus.IN_GRADING);

  /** The submissions the filter lets through, in the instructor's courses, oldest first. */
  public List<QueueRow> queue(long instructorId, QueueFilter filter) {
    return queuePage(instructorId, filter, 0, Integer.MAX_VALUE).rows();
  }

  /**
   * {@code limit} submissions of the queue from the {@code offset}-th, oldest first, and the count
   * of all: two queries on the queue's index, no text and no files, however long the queue.
   */
  public AssignmentViews.QueuePage queuePage(
      long instructorId, QueueFilter filter, int offset, int limit) {
    List<QueueRow> rows = rows(instructorId, filter, offset, limit);
    long total =
        offset == 0 && rows.size() < limit
            ? rows.size()
            : counts(instructorId, filter, List.of()).total();
    return new AssignmentViews.QueuePage(rows, total);
  }

  /**
   * {@code limit} submissions of the queue from the {@code offset}-th, oldest first: their ids
   * walked on the queue's index ({@link QueueWalk}), then those rows.
   */
  public List<QueueRow> rows(long instructorId, QueueFilter filter, int offset, int limit) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return List.of();
    }
    List<Long> ids = walk.ids(scope(courses, filter), null, null, true, offset, limit);
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentViews$QueueRow(s.id, c.id,"
                + " c.title, a.id, a.title, u.fullName, s.status, s.late, s.versions,"
                + " s.submittedAt, a.blindGrading, s.version, s.passed)"
                + " FROM Submission s, UserAccount u, Assignment a JOIN a.module m"
                + " JOIN m.course c WHERE a.id = s.assignmentId AND u.id = s.userId"
                + " AND s.id IN :ids ORDER BY s.submittedAt, s.id",
            QueueRow.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  private static QueueWalk.Scope scope(List<Long> courses, QueueFilter filter) {
    return new QueueWalk.Scope(
        courses,
        filter.courseId(),
        filter.assignmentId(),
        filter.late(),
        (filter.status() == null ? WAITING : List.of(filter.status()))
            .stream().map(Enum::name).toList());
  }

  /**
   * The queue's counts in one scan of its index: how many the filter lets through, how many of
   * those have a grade saved and not released (what a bulk release would release, counted apart
   * when the filter's status leaves them out), and for each of {@code times} how many were handed
   * in at or before it (where a quiz essay of that time goes among them).
   */
  public AssignmentViews.QueueCounts counts(
      long instructorId, QueueFilter filter, List<Instant> times) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return new AssignmentViews.QueueCounts(0, 0, times.stream().map(t -> 0L).toList());
    }
    boolean releasableAmong =
        filter.status() == null || filter.status() == SubmissionStatus.IN_GRADING;
    String saved = SubmissionStatus.IN_GRADING.name();
    long[] sums = walk.counts(scope(courses, filter), saved, times);
    List<Long> until = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      until.add(sums[2 + i]);
    }
    long releasable =
        releasableAmong
            ? sums[1]
            : walk.counts(
                    scope(
                        courses,
                        new QueueFilter(
                            filter.courseId(),
                            filter.assignmentId(),
                            SubmissionStatus.IN_GRADING,
                            filter.late())),
                    saved,
                    List.of())[0];
    return new AssignmentViews.QueueCounts(sums[0], releasable, List.copyOf(until));
  }

  /**
   * A submission's place in the queue and its neighbours, by the queue's order (handed in, then id)
   * on its index: five small answers, never the whole queue. The grading page asks for it when it
   * opens and after a grade is written; its steps go by {@link #step}.
   */
  public AssignmentViews.QueuePlace place(
      long instructorId, QueueFilter filter, long submissionId) {
    List<Long> courses = teaching.coursesOf(instructorId);
    Submission s = em.find(Submission.class, submissionId);
    if (courses.isEmpty() || s == null) {
      return new AssignmentViews.QueuePlace(-1, 0, null, null);
    }
    Instant at = s.getSubmittedAt();
    QueueWalk.Scope scope = scope(courses, filter);
    long total = walk.counts(scope, SubmissionStatus.IN_GRADING.name(), List.of())[0];
    boolean inQueue =
        queueQuery("COUNT(s)", " AND s.id = :id", "", Long.class, courses, filter)
                .setParameter("id", submissionId)
                .getSingleResult()
            > 0;
    int position =
        !inQueue
            ? -1
            : at == null
                ? queueQuery("COUNT(s)", BEFORE_DRAFT, "", Long.class, courses, filter)
                    .setParameter("id", submissionId)
                    .getSingleResult()
                    .intValue()
                : (int) walk.before(scope, at, submissionId);
    List<Long> previous = neighbours(courses, filter, at, submissionId, false, 1);
    List<Long> next = neighbours(courses, filter, at, submissionId, true, 1);
    return new AssignmentViews.QueuePlace(
        position,
        total,
        previous.isEmpty() ? null : previous.get(0),
        next.isEmpty() ? null : next.get(0));
  }

  /**
   * The next-submission step: the grading page of the submission after ({@code forward}) or before
   * the one shown, in the filter's queue, and the id of the one beyond it. The courses taught, the
   * two neighbours on the queue's index (one statement), and the page's own seven, whatever the
   * queue's length. Empty when there is no such submission.
   */
  public Optional<AssignmentViews.GradingStep> step(
      long instructorId, QueueFilter filter, GradingPage from, boolean forward) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return Optional.empty();
    }
    List<Long> ids =
        neighbours(courses, filter, from.submittedAt(), from.submissionId(), forward, 2);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AssignmentViews.GradingStep(
            page(courses, ids.get(0)), ids.size() > 1 ? ids.get(1) : null));
  }

  /** Up to {@code count} ids next to the key ({@code at}, {@code id}) in the queue's order. */
  private List<Long> neighbours(
      List<Long> courses, QueueFilter filter, Instant at, long id, boolean forward, int count) {
    if (at != null) {
      return walk.ids(scope(courses, filter), at, id, forward, 0, count);
    }
    return queueQuery(
            "s.id",
            forward ? AFTER_DRAFT : BEFORE_DRAFT,
            forward ? " ORDER BY s.submittedAt, s.id" : " ORDER BY s.submittedAt DESC, s.id DESC",
            Long.class,
            courses,
            filter)
        .setParameter("id", id)
        .setMaxResults(count)
        .getResultList();
  }

  // Neighbours of a submission not handed in (a draft: no time), which MariaDB sorts first; those
  // of one handed in are walked on the queue's index (QueueWalk).
  private static final String BEFORE_DRAFT = " AND s.submittedAt IS NULL AND s.id < :id";

  private static final String AFTER_DRAFT = " AND (s.submittedAt IS NOT NULL OR s.id > :id)";

  /** The queue's query: {@code select} over the filter's submissions, with more conditions. */
  private <T> TypedQuery<T> queueQuery(
      String select,
      String where,
      String order,
      Class<T> type,
      List<Long> courses,
      QueueFilter filter) {
    StringBuilder jpql =
        new StringBuilder("SELECT ")
            .append(select)
            .append(
                " FROM Submission s, UserAccount u, Assignment a JOIN a.module m"
                    + " JOIN m.course c WHERE a.id = s.assignmentId AND u.id = s.userId"
                    + " AND c.id IN :courses AND s.status IN :statuses");
    if (filter.courseId() != null) {
      jpql.append(" AND c.id = :course");
    }
    if (filter.assignmentId() != null) {
      jpql.append(" AND a.id = :assignment");
    }
    if (filter.late() != null) {
      jpql.append(" AND s.late = :late");
    }
    jpql.append(where).append(order);
    TypedQuery<T> query =
        em.createQuery(jpql.toString(), type)
            .setParameter("courses", courses)
            .setParameter("statuses", filter.status() == null ? WAITING : List.of(filter.status()));
    if (filter.courseId() != null) {
      query.setParameter("course", filter.courseId());
    }
    if (filter.assignmentId() != null) {
      query.setParameter("assignment", filter.assignmentId());
    }
    if (filter.late() != null) {
      query.setParameter("late", filter.late());
    }
    return query;
  }

  /** How many submissions wait for grading in the instructor's courses. */
  public long waiting(long instructorId) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "SELECT COUNT(s) FROM Submission s, Activity a WHERE a.id = s.assignmentId"
                + " AND a.module.course.id IN :courses AND s.status IN :statuses",
            Long.class)
        .setParameter("courses", courses)
        .setParameter("statuses", WAITING)
        .getSingleResult();
  }

  /** The assignments of the instructor's courses, for the queue's filter. */
  public List<AssignmentOption> assignments(long instructorId) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentViews$AssignmentOption("
                + "a.id, a.title, c.id, c.title) FROM Assignment a JOIN a.module m JOIN m.course c"
                + " WHERE c.id IN :courses ORDER BY c.title, m.position, a.position",
            AssignmentOption.class)
        .setParameter("courses", courses)
        .getResultList();
  }

  /** A submission's grading page; 403 for a course the instructor does not teach. */
  public GradingPage page(long instructorId, long submissionId) {
    return page(teaching.coursesOf(instructorId), submissionId);
  }

  /**
   * The grading page in seven statements: the submission with its learner and course; the
   * extension; the assignment with its rubric; the versions; their files; the grade history with
   * the graders; the feedback files with who attached them.
   */
  private GradingPage page(List<Long> courses, long submissionId) {
    AssignmentViews.GradingHead head =
        em.createQuery(
                "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentViews$GradingHead("
                    + "s, u.fullName, c.id, c.title) FROM Submission s"
                    + " JOIN UserAccount u ON u.id = s.userId"
                    + " JOIN Activity a ON a.id = s.assignmentId JOIN a.module m JOIN m.course c"
                    + " WHERE s.id = :id",
                AssignmentViews.GradingHead.class)
            .setParameter("id", submissionId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("submission " + submissionId));
    if (!courses.contains(head.courseId())) {
      throw new ForbiddenException("course " + head.courseId());
    }
    Submission s = head.submission();
    Assignment a =
        em.createQuery("SELECT a FROM Assignment a WHERE a.id = :id", Assignment.class)
            .setParameter("id", s.getAssignmentId())
            .setHint(QueryHints.LEFT_FETCH, "a.criteria.levels")
            .getResultList()
            .get(0);
    List<HistoryRow> history =
        em.createQuery(
                "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentViews$GradedBy("
                    + "g, u.fullName) FROM GradeEntry g JOIN UserAccount u ON u.id = g.gradedBy"
                    + " WHERE g.submissionId = :s ORDER BY g.gradedAt, g.id",
                AssignmentViews.GradedBy.class)
            .setParameter("s", submissionId)
            .getResultStream()
            .map(
                g ->
                    new HistoryRow(
                        g.entry().getAction().name(),
                        g.entry().getVersionNumber(),
                        g.entry().getPassed(),
                        g.entry().getPoints(),
                        g.grader(),
                        g.entry().getGradedAt(),
                        g.entry().getFileName()))
            .toList();
    boolean hidden = BlindGrading.hidden(a.isBlindGrading(), s.getStatus());
    return new GradingPage(
        s.getId(),
        s.getVersion(),
        AssignmentViews.Participant.of(head.learnerName(), s.getId(), hidden),
        a.isBlindGrading(),
        head.courseId(),
        head.courseTitle(),
        a.getId(),
        a.getTitle(),
        a.getInstructions(),
        Submissions.settings(a),
        s.getStatus(),
        s.isLate(),
        LateRules.due(a.getDueAt(), records.extension(a.getId(), s.getUserId())),
        submissions.versions(s.getId(), hidden),
        submissions.criteria(a, s.getCriteria()),
        s.getPassed(),
        s.getPoints(),
        s.getFeedback(),
        history,
        s.getSubmittedAt(),
        feedbackFiles(s));
  }

  /**
   * Grades a submission from the rubric ({@code judgements}: criterion id → PASS/FAIL, or → the
   * chosen level's id for a points rubric) or with {@code points} given directly; released to the
   * learner when {@code release}. Refused with a conflict ({@link
   * jakarta.persistence.OptimisticLockException}) when another grader saved since {@code
   * seenVersion}.
   */
  public void grade(
      long instructorId,
      long submissionId,
      long seenVersion,
      Map<Long, String> judgements,
      BigDecimal points,
      String feedback,
      boolean release) {
    Submission s = em.find(Submission.class, submissionId);
    if (s == null) {
      throw new NotFoundException("submission " + submissionId);
    }
    taught(instructorId, s.getAssignmentId());
    Assignment a = em.find(Assignment.class, s.getAssignmentId());
    Boolean passed;
    BigDecimal given = null;
    Map<Long, String> kept = new HashMap<>();
    if (a.getGrading() == GradingScheme.PASS_FAIL_RUBRIC) {
      for (RubricCriterion c : a.getCriteria()) {
        String j = judgements.get(c.getId());
        if (Rubrics.PASS.equals(j) || Rubrics.FAIL.equals(j)) {
          kept.put(c.getId(), j);
        }
      }
      passed = Rubrics.passedAll(kept, a.getCriteria().size());
    } else {
      if (a.getGrading() == GradingScheme.POINTS_RUBRIC) {
        given = BigDecimal.ZERO;
        for (RubricCriterion c : a.getCriteria()) {
          String j = judgements.get(c.getId());
          RubricLevel level =
              c.getLevels().stream()
                  .filter(l -> ("L" + l.getId()).equals(j))
                  .findFirst()
                  .orElseThrow(() -> new AssignmentRefused(Reason.GRADE_INCOMPLETE));
          kept.put(c.getId(), j);
          given = given.add(level.getPoints());
        }
      } else {
        given = points;
      }
      passed =
          given == null
              ? null
              : Rubrics.passes(
                  given,
                  a.getPassPoints(),
                  a.getLatePolicy(),
                  a.getLatePenaltyPercent(),
                  s.isLate());
    }
    if (passed == null) {
      throw new AssignmentRefused(Reason.GRADE_INCOMPLETE);
    }
    records.grade(
        instructorId,
        submissionId,
        seenVersion,
        new SubmissionRecords.Judgement(
            passed, given, Rubrics.format(kept), blankToNull(feedback), release, a.getVersion()),
        clock.instant());
  }

  /**
   * The grades saved and not yet released that the filter lets through (its status is ignored),
   * oldest first: what {@link #releaseSaved} would release. 403 for an assignment or course the
   * instructor does not teach, 404 for an assignment that does not exist.
   */
  public List<QueueRow> releasable(long instructorId, QueueFilter filter) {
    if (filter.assignmentId() != null) {
      taught(instructorId, filter.assignmentId());
    }
    if (filter.courseId() != null && !teaching.teaches(instructorId, filter.courseId())) {
      throw new ForbiddenException("course " + filter.courseId());
    }
    return queue(
        instructorId,
        new QueueFilter(
            filter.courseId(), filter.assignmentId(), SubmissionStatus.IN_GRADING, filter.late()));
  }

  /**
   * Releases saved grades in bulk, all or none, each as the grader's confirmation showed it ({@code
   * seen}: submission id → its {@link QueueRow#lockVersion()}); refused with a conflict when one
   * was graded again since, and 403 when one is of a course the instructor does not teach. Every
   * learner's {@link WorkReturned} is fired in the one transaction. Returns how many.
   */
  public int releaseSaved(long instructorId, Map<Long, Long> seen) {
    if (seen.isEmpty()) {
      throw new AssignmentRefused(Reason.NOTHING_TO_RELEASE);
    }
    Map<Long, Boolean> checked = new HashMap<>();
    for (long id : seen.keySet()) {
      Submission s = em.find(Submission.class, id);
      if (s == null) {
        throw new NotFoundException("submission " + id);
      }
      checked.computeIfAbsent(
          s.getAssignmentId(), assignment -> taught(instructorId, assignment) != null);
    }
    return records.releaseSaved(instructorId, seen, clock.instant());
  }

  /** Returns the submission to the learner for a new version, with the grader's feedback. */
  public void requestRevision(
      long instructorId, long submissionId, long seenVersion, String feedback) {
    Submission s = em.find(Submission.class, submissionId);
    if (s == null) {
      throw new NotFoundException("submission " + submissionId);
    }
    taught(instructorId, s.getAssignmentId());
    records.requestRevision(
        instructorId, submissionId, seenVersion, blankToNull(feedback), clock.instant());
  }

  /**
   * A submitted file of the instructor's course; 403 for another course's. While blind grading
   * hides the learner, the file is named by {@code blindPattern} ({@code {0}} the participant,
   * {@code {1}} the file's number, in the grader's language, as {@link BlindGrading#fileName}), and
   * its author inside the file by the same label.
   */
  public Download download(long instructorId, long fileId, String blindPattern) {
    return download(instructorId, fileId, blindPattern, blindPattern);
  }

  /**
   * The same, with the author inside a PDF, DOCX or ODT named by {@code participantPattern}
   * ("Deltager {0}") while blind grading hides the learner: the download then goes out as an
   * anonymous copy ({@link Submissions#outgoing}, ADR 16).
   */
  public Download download(
      long instructorId, long fileId, String blindPattern, String participantPattern) {
    SubmissionFile file = em.find(SubmissionFile.class, fileId);
    Submission s = file == null ? null : em.find(Submission.class, file.getSubmissionId());
    if (s == null) {
      throw new NotFoundException("file " + fileId);
    }
    taught(instructorId, s.getAssignmentId());
    Assignment a = em.find(Assignment.class, s.getAssignmentId());
    if (!BlindGrading.hidden(a.isBlindGrading(), s.getStatus())) {
      return submissions.download(file);
    }
    int number =
        submissions.files(s.getId()).stream().map(SubmissionFile::getId).toList().indexOf(fileId)
            + 1;
    return submissions.download(
        file,
        BlindGrading.fileName(blindPattern, s.getId(), number, file.getMediaType()),
        BlindGrading.label(participantPattern, s.getId(), number));
  }

  /**
   * The submission's feedback files (ADR 16), every round's, and whether more may be attached now;
   * read with the grading page ({@code GradingPage.feedbackFiles}).
   */
  private FeedbackFiles feedbackFiles(Submission s) {
    boolean open = s.getStatus().awaitingGrading();
    return new FeedbackFiles(
        s.getId(),
        submissions.feedbackRows(s, f -> true, open),
        open,
        SubmissionRecords.MAX_FEEDBACK_FILES,
        SubmissionRecords.MAX_FEEDBACK_BYTES);
  }

  /**
   * Attaches a feedback file to the submission's current version, stored as a learner's file is:
   * its size counted as it arrives, its type read from its content (the assignments' default
   * types), its name made safe; refused with a reason otherwise, and then nothing is kept.
   */
  public long attachFeedbackFile(
      long instructorId, long submissionId, String rawName, InputStream content) {
    Submission s = taughtSubmission(instructorId, submissionId);
    if (!s.getStatus().awaitingGrading()) {
      throw new AssignmentRefused(Reason.FEEDBACK_CLOSED);
    }
    FileStore.Received received = files.receive(content, SubmissionRecords.MAX_FEEDBACK_BYTES);
    try {
      String type = inspection.detect(received.temp());
      if (!Assignment.DEFAULT_TYPES.contains(type)) {
        throw new AssignmentRefused(Reason.TYPE_NOT_ALLOWED);
      }
      return records.addFeedbackFile(
          instructorId, submissionId, received, SafeFileNames.of(rawName), type, clock.instant());
    } finally {
      files.discard(received.temp()); // moved into place already when taken
    }
  }

  /** Removes a feedback file of the current round before the grade is released or returned. */
  public void removeFeedbackFile(long instructorId, long submissionId, long fileId) {
    taughtSubmission(instructorId, submissionId);
    records.removeFeedbackFile(instructorId, submissionId, fileId, clock.instant());
  }

  /**
   * A feedback file of the instructor's course; 403 for another course's, 404 for none. While blind
   * grading hides the learner it goes out as an anonymous copy naming {@code participantPattern}'s
   * pseudonym: an annotated copy of the learner's PDF still carries their name.
   */
  public Download feedbackDownload(long instructorId, long fileId, String participantPattern) {
    FeedbackFile file = em.find(FeedbackFile.class, fileId);
    if (file == null) {
      throw new NotFoundException("feedback file " + fileId);
    }
    Submission s = taughtSubmission(instructorId, file.getSubmissionId());
    Assignment a = em.find(Assignment.class, s.getAssignmentId());
    return submissions.download(
        file,
        BlindGrading.hidden(a.isBlindGrading(), s.getStatus())
            ? BlindGrading.label(participantPattern, s.getId(), 0)
            : null);
  }

  private Submission taughtSubmission(long instructorId, long submissionId) {
    Submission s = em.find(Submission.class, submissionId);
    if (s == null) {
      throw new NotFoundException("submission " + submissionId);
    }
    taught(instructorId, s.getAssignmentId());
    return s;
  }

  CourseOutline taught(long instructorId, long assignmentId) {
    CourseOutline outline = catalog.outlineOfActivity(assignmentId);
    if (!teaching.teaches(instructorId, outline.id())) {
      throw new ForbiddenException("course " + outline.id());
    }
    return outline;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
