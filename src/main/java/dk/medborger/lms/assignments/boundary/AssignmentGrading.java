package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.boundary.AssignmentRefused.Reason;
import dk.medborger.lms.assignments.boundary.AssignmentViews.AssignmentOption;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Download;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentViews.HistoryRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueFilter;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueRow;
import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.assignments.control.LateRules;
import dk.medborger.lms.assignments.control.Rubrics;
import dk.medborger.lms.assignments.control.SubmissionRecords;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.GradeEntry;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  @Inject Submissions submissions;

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
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return new AssignmentViews.QueuePage(List.of(), 0);
    }
    List<QueueRow> rows =
        queueQuery(
                "NEW dk.medborger.lms.assignments.boundary.AssignmentViews$QueueRow(s.id, c.id,"
                    + " c.title, a.id, a.title, u.fullName, s.status, s.late, s.versions,"
                    + " s.submittedAt, a.blindGrading, s.version, s.passed)",
                "",
                " ORDER BY s.submittedAt, s.id",
                QueueRow.class,
                courses,
                filter)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total =
        offset == 0 && rows.size() < limit
            ? rows.size()
            : queueQuery("COUNT(s)", "", "", Long.class, courses, filter).getSingleResult();
    return new AssignmentViews.QueuePage(rows, total);
  }

  /**
   * How many submissions of the queue were handed in at or before {@code at}: where an item of that
   * time (a quiz essay) goes among them.
   */
  public long countUntil(long instructorId, QueueFilter filter, Instant at) {
    List<Long> courses = teaching.coursesOf(instructorId);
    if (courses.isEmpty()) {
      return 0;
    }
    return queueQuery("COUNT(s)", " AND s.submittedAt <= :at", "", Long.class, courses, filter)
        .setParameter("at", at)
        .getSingleResult();
  }

  /**
   * A submission's place in the queue and its neighbours, by the queue's order (handed in, then id)
   * on its index: the next-submission step reads four small answers, never the whole queue.
   */
  public AssignmentViews.QueuePlace place(
      long instructorId, QueueFilter filter, long submissionId) {
    List<Long> courses = teaching.coursesOf(instructorId);
    Submission s = em.find(Submission.class, submissionId);
    if (courses.isEmpty() || s == null) {
      return new AssignmentViews.QueuePlace(-1, 0, null, null);
    }
    Instant at = s.getSubmittedAt();
    // MariaDB sorts a missing time (a draft) first.
    String before =
        at == null
            ? " AND s.submittedAt IS NULL AND s.id < :id"
            : " AND (s.submittedAt IS NULL OR s.submittedAt < :at"
                + " OR (s.submittedAt = :at AND s.id < :id))";
    String after =
        at == null
            ? " AND (s.submittedAt IS NOT NULL OR s.id > :id)"
            : " AND (s.submittedAt > :at OR (s.submittedAt = :at AND s.id > :id))";
    long total = queueQuery("COUNT(s)", "", "", Long.class, courses, filter).getSingleResult();
    boolean inQueue =
        queueQuery("COUNT(s)", " AND s.id = :id", "", Long.class, courses, filter)
                .setParameter("id", submissionId)
                .getSingleResult()
            > 0;
    int position =
        inQueue
            ? keyed(
                    queueQuery("COUNT(s)", before, "", Long.class, courses, filter),
                    at,
                    submissionId)
                .getSingleResult()
                .intValue()
            : -1;
    Long previous =
        keyed(
                queueQuery(
                    "s.id",
                    before,
                    " ORDER BY s.submittedAt DESC, s.id DESC",
                    Long.class,
                    courses,
                    filter),
                at,
                submissionId)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    Long next =
        keyed(
                queueQuery(
                    "s.id", after, " ORDER BY s.submittedAt, s.id", Long.class, courses, filter),
                at,
                submissionId)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    return new AssignmentViews.QueuePlace(position, total, previous, next);
  }

  private static <T> TypedQuery<T> keyed(TypedQuery<T> query, Instant at, long id) {
    if (at != null) {
      query.setParameter("at", at);
    }
    return query.setParameter("id", id);
  }

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
    Submission s = em.find(Submission.class, submissionId);
    if (s == null) {
      throw new NotFoundException("submission " + submissionId);
    }
    CourseOutline outline = taught(instructorId, s.getAssignmentId());
    Assignment a = em.find(Assignment.class, s.getAssignmentId());
    Map<Long, String> names = new HashMap<>();
    List<HistoryRow> history = new ArrayList<>();
    for (GradeEntry g :
        em.createQuery(
                "SELECT g FROM GradeEntry g WHERE g.submissionId = :s ORDER BY g.gradedAt, g.id",
                GradeEntry.class)
            .setParameter("s", submissionId)
            .getResultList()) {
      history.add(
          new HistoryRow(
              g.getAction().name(),
              g.getVersionNumber(),
              g.getPassed(),
              g.getPoints(),
              names.computeIfAbsent(g.getGradedBy(), this::name),
              g.getGradedAt()));
    }
    boolean hidden = BlindGrading.hidden(a.isBlindGrading(), s.getStatus());
    return new GradingPage(
        s.getId(),
        s.getVersion(),
        AssignmentViews.Participant.of(name(s.getUserId()), s.getId(), hidden),
        a.isBlindGrading(),
        outline.id(),
        outline.title(),
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
        List.copyOf(history));
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
   * {@code {1}} the file's number, in the grader's language, as {@link BlindGrading#fileName}).
   */
  public Download download(long instructorId, long fileId, String blindPattern) {
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
        file, BlindGrading.fileName(blindPattern, s.getId(), number, file.getMediaType()));
  }

  CourseOutline taught(long instructorId, long assignmentId) {
    CourseOutline outline = catalog.outlineOfActivity(assignmentId);
    if (!teaching.teaches(instructorId, outline.id())) {
      throw new ForbiddenException("course " + outline.id());
    }
    return outline;
  }

  private String name(long userId) {
    return em.createQuery("SELECT u.fullName FROM UserAccount u WHERE u.id = :id", String.class)
        .setParameter("id", userId)
        .getSingleResult();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
