package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.boundary.AssignmentViews.Participant;
import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.assignments.control.LateRules;
import dk.medborger.lms.assignments.control.SubmissionRecords;
import dk.medborger.lms.assignments.entity.Assignment;
import dk.medborger.lms.assignments.entity.AssignmentExtension;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.assignments.entity.Submission;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One learner's later due date for an assignment, given, changed or removed by an instructor of the
 * course with an optional reason (ADR 23), and the assignment's current extensions. Behind the
 * course-instructor link (ADR 13): 403 for a course they do not teach, 404 for what does not exist.
 *
 * <p>Blind grading (ADR 29) holds here too: a learner whose work a grader would see under the
 * pseudonym is named by it — in the list, and on the page reached from their submission — and is
 * never offered by name, so that an extension cannot tie a name to a submission.
 *
 * <pre>
 * Ref ref = extensions.ofSubmission(instructorId, submissionId);   // from the grading page
 * List&lt;Problem&gt; problems = extensions.grant(instructorId, ref, due, "Sygdom", null);
 * </pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssignmentExtensions {

  /** The longest reason kept. */
  public static final int MAX_REASON = 500;

  @PersistenceContext EntityManager em;

  @Inject AssignmentGrading grading;

  @Inject SubmissionRecords records;

  @Inject Clock clock;

  /** Why an extension was not given; the UI's bundle key is {@code extension.problem.<name>}. */
  public enum Problem {
    /** No new due date was given. */
    DUE_MISSING,
    /** The new due date is not in the future. */
    DUE_NOT_IN_FUTURE,
    /** The new due date is not after the assignment's own. */
    DUE_NOT_AFTER_ASSIGNMENT,
    /** The assignment has no due date to extend. */
    NO_DUE_DATE,
    /** The learner is not enrolled in the assignment's course. */
    NOT_ENROLLED,
    REASON_TOO_LONG
  }

  /**
   * Whom an extension is for: a learner by their id when a grader may see their name, else by their
   * submission ({@code learnerId} null), as the page was reached.
   */
  public record Ref(long assignmentId, Long learnerId, Long submissionId) implements Serializable {

    public static Ref learner(long assignmentId, long learnerId) {
      return new Ref(assignmentId, learnerId, null);
    }
  }

  /** A current extension: whom it is for, the learner's dates now, and who gave it when. */
  public record Row(
      Ref ref,
      Participant learner,
      Instant dueAt,
      Instant cutoffAt,
      String reason,
      String grantedBy,
      Instant grantedAt) {}

  /** A learner who may be chosen by name. */
  public record LearnerOption(long id, String name) {}

  /** The assignment's extensions page. */
  public record Page(
      long assignmentId,
      String assignmentTitle,
      long courseId,
      String courseTitle,
      boolean blind,
      Instant dueAt,
      Instant cutoffAt,
      LatePolicy latePolicy,
      List<Row> extensions,
      List<LearnerOption> learners) {}

  /**
   * One participant's extension as the form edits it: their work's state ({@code status} null
   * before they have written anything), the extension they have ({@code dueAt} null: none) and its
   * {@code version}, which a change or removal must carry.
   */
  public record Chosen(
      Ref ref,
      Participant learner,
      SubmissionStatus status,
      boolean late,
      Instant dueAt,
      Instant cutoffAt,
      String reason,
      Long version) {

    public boolean extended() {
      return dueAt != null;
    }

    /** Work handed in whose late mark an extension judges again (until the grade is released). */
    public boolean handedIn() {
      return status != null && status != SubmissionStatus.DRAFT;
    }
  }

  /** An extension as read, with the learner's and the granter's names (for {@code SELECT NEW}). */
  public record Read(
      long userId,
      String name,
      Instant dueAt,
      String reason,
      String grantedBy,
      Instant grantedAt,
      long version) {}

  /** A learner's submission of the assignment, as the blind rule needs it. */
  public record Work(long userId, long submissionId, SubmissionStatus status, boolean late) {}

  /** The assignment's extensions and the learners who may be chosen by name; 403 / 404. */
  public Page page(long instructorId, long assignmentId) {
    CourseOutline outline = grading.taught(instructorId, assignmentId);
    Assignment a = assignment(assignmentId);
    Map<Long, Work> work = work(assignmentId);
    List<Row> rows = new ArrayList<>();
    for (Read r :
        em.createQuery(
                "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentExtensions$Read("
                    + "x.userId, u.fullName, x.dueAt, x.reason, g.fullName, x.grantedAt,"
                    + " x.version) FROM AssignmentExtension x, UserAccount u, UserAccount g"
                    + " WHERE x.assignmentId = :a AND u.id = x.userId AND g.id = x.grantedBy"
                    // Never by name: under blind grading that would place a pseudonym among them.
                    + " ORDER BY x.dueAt, x.grantedAt, x.userId",
                Read.class)
            .setParameter("a", assignmentId)
            .getResultList()) {
      Work w = work.get(r.userId());
      boolean hidden = hidden(a, w);
      rows.add(
          new Row(
              hidden
                  ? new Ref(assignmentId, null, w.submissionId())
                  : Ref.learner(assignmentId, r.userId()),
              Participant.of(r.name(), w == null ? 0 : w.submissionId(), hidden),
              LateRules.due(a.getDueAt(), r.dueAt()),
              LateRules.cutoff(a.getCutoffAt(), r.dueAt()),
              r.reason(),
              r.grantedBy(),
              r.grantedAt()));
    }
    Collator danish = Collator.getInstance(Locale.forLanguageTag("da"));
    List<LearnerOption> learners =
        em.createQuery(
                "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentExtensions$LearnerOption("
                    + "u.id, u.fullName) FROM Enrolment e, UserAccount u"
                    + " WHERE e.course.id = :course AND u.id = e.userId",
                LearnerOption.class)
            .setParameter("course", outline.id())
            .getResultStream()
            .filter(l -> !hidden(a, work.get(l.id())))
            .sorted(Comparator.comparing(LearnerOption::name, danish))
            .toList();
    return new Page(
        a.getId(),
        a.getTitle(),
        outline.id(),
        outline.title(),
        a.isBlindGrading(),
        a.getDueAt(),
        a.getCutoffAt(),
        a.getLatePolicy(),
        List.copyOf(rows),
        learners);
  }

  /** Whom the extension page reached from a submission is for; 403 / 404. */
  public Ref ofSubmission(long instructorId, long submissionId) {
    Submission s = em.find(Submission.class, submissionId);
    if (s == null) {
      throw new NotFoundException("submission " + submissionId);
    }
    grading.taught(instructorId, s.getAssignmentId());
    return new Ref(s.getAssignmentId(), null, submissionId);
  }

  /**
   * The participant's extension for the form; 404 for a learner not enrolled, or named by id while
   * the blind rule hides them, and for a submission of another assignment.
   */
  public Chosen chosen(long instructorId, Ref ref) {
    CourseOutline outline = grading.taught(instructorId, ref.assignmentId());
    Assignment a = assignment(ref.assignmentId());
    Learner l = learner(a, ref);
    if (!enrolled(l.userId(), outline.id())) {
      throw new NotFoundException("enrolment");
    }
    AssignmentExtension x =
        em.find(AssignmentExtension.class, new AssignmentExtension.Key(a.getId(), l.userId()));
    return new Chosen(
        ref,
        Participant.of(
            name(l.userId()), l.work() == null ? 0 : l.work().submissionId(), l.hidden()),
        l.work() == null ? null : l.work().status(),
        l.work() != null && l.work().late(),
        x == null ? null : LateRules.due(a.getDueAt(), x.getDueAt()),
        x == null ? null : LateRules.cutoff(a.getCutoffAt(), x.getDueAt()),
        x == null ? null : x.getReason(),
        x == null ? null : x.getVersion());
  }

  /**
   * Gives the participant a later due date, or changes the one they have ({@code seenVersion}: the
   * extension's version as the form showed it, null for none); nothing is stored while there is a
   * problem, and then every problem is listed. Refused with {@link
   * jakarta.persistence.OptimisticLockException} when another instructor changed it since.
   */
  public List<Problem> grant(
      long instructorId, Ref ref, Instant due, String reason, Long seenVersion) {
    CourseOutline outline = grading.taught(instructorId, ref.assignmentId());
    Assignment a = assignment(ref.assignmentId());
    Learner l = learner(a, ref);
    String kept = reason == null || reason.isBlank() ? null : reason.strip();
    Instant now = clock.instant();
    List<Problem> problems = new ArrayList<>();
    if (!enrolled(l.userId(), outline.id())) {
      problems.add(Problem.NOT_ENROLLED);
    }
    if (a.getDueAt() == null) {
      problems.add(Problem.NO_DUE_DATE);
    } else if (due == null) {
      problems.add(Problem.DUE_MISSING);
    } else {
      if (!due.isAfter(now)) {
        problems.add(Problem.DUE_NOT_IN_FUTURE);
      }
      if (!due.isAfter(a.getDueAt())) {
        problems.add(Problem.DUE_NOT_AFTER_ASSIGNMENT);
      }
    }
    if (kept != null && kept.length() > MAX_REASON) {
      problems.add(Problem.REASON_TOO_LONG);
    }
    if (problems.isEmpty()) {
      records.extend(instructorId, a.getId(), l.userId(), due, kept, seenVersion, now);
    }
    return problems;
  }

  /**
   * Takes the participant's extension away, as the form showed it; refused with {@link
   * jakarta.persistence.OptimisticLockException} when it was changed or removed since.
   */
  public void remove(long instructorId, Ref ref, Long seenVersion) {
    grading.taught(instructorId, ref.assignmentId());
    Learner l = learner(assignment(ref.assignmentId()), ref);
    records.removeExtension(
        instructorId, ref.assignmentId(), l.userId(), seenVersion, clock.instant());
  }

  /** A participant resolved: their id, their work, and whether a grader must not see who it is. */
  private record Learner(long userId, Work work, boolean hidden) {}

  private Learner learner(Assignment a, Ref ref) {
    if (ref.submissionId() != null) {
      Submission s = em.find(Submission.class, ref.submissionId());
      if (s == null || s.getAssignmentId() != a.getId()) {
        throw new NotFoundException("submission " + ref.submissionId());
      }
      Work w = new Work(s.getUserId(), s.getId(), s.getStatus(), s.isLate());
      return new Learner(s.getUserId(), w, hidden(a, w));
    }
    if (ref.learnerId() == null) {
      throw new NotFoundException("learner");
    }
    Work w = work(a.getId()).get(ref.learnerId());
    if (hidden(a, w)) {
      // Their work is shown under its pseudonym: never reached by name.
      throw new NotFoundException("learner " + ref.learnerId());
    }
    return new Learner(ref.learnerId(), w, false);
  }

  private static boolean hidden(Assignment a, Work w) {
    return w != null && BlindGrading.hidden(a.isBlindGrading(), w.status());
  }

  /** Every learner's submission of the assignment, by learner. */
  private Map<Long, Work> work(long assignmentId) {
    return em.createQuery(
            "SELECT NEW dk.medborger.lms.assignments.boundary.AssignmentExtensions$Work(s.userId,"
                + " s.id, s.status, s.late) FROM Submission s WHERE s.assignmentId = :a",
            Work.class)
        .setParameter("a", assignmentId)
        .getResultStream()
        .collect(Collectors.toMap(Work::userId, Function.identity()));
  }

  private boolean enrolled(long userId, long courseId) {
    return !em.createQuery(
            "SELECT e.id FROM Enrolment e WHERE e.userId = :u AND e.course.id = :c", Long.class)
        .setParameter("u", userId)
        .setParameter("c", courseId)
        .getResultList()
        .isEmpty();
  }

  private Assignment assignment(long assignmentId) {
    Assignment a = em.find(Assignment.class, assignmentId);
    if (a == null) {
      throw new NotFoundException("assignment " + assignmentId);
    }
    return a;
  }

  private String name(long userId) {
    return em.createQuery("SELECT u.fullName FROM UserAccount u WHERE u.id = :id", String.class)
        .setParameter("id", userId)
        .getSingleResult();
  }
}
