package dk.medborger.lms.assignments.boundary;

import dk.medborger.lms.assignments.control.BlindGrading;
import dk.medborger.lms.assignments.control.CitizenDataGuard;
import dk.medborger.lms.assignments.control.InlineTypes;
import dk.medborger.lms.assignments.control.SubmissionTextPolicy;
import dk.medborger.lms.assignments.entity.GradeEntry;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.assignments.entity.Submission;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.boundary.CourseOutline;
import dk.medborger.lms.progress.boundary.CourseProgress;
import dk.medborger.lms.progress.boundary.Deadline;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.WaitingEssay;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the assignment pages show, as records (ADR 6). */
public final class AssignmentViews {

  private AssignmentViews() {}

  /** The learner's assignment page. */
  public record LearnerPage(
      CourseOutline outline,
      CourseOutline.Item assignment,
      CourseOutline.Module blockedBy,
      CourseOutline.Item previous,
      CourseOutline.Item next,
      String instructions,
      Settings settings,
      Instant dueAt,
      Instant cutoffAt,
      boolean extended,
      Timing timing,
      SubmissionStatus status,
      String draftHtml,
      Instant draftSavedAt,
      long submissionVersion,
      List<FileRow> draftFiles,
      List<VersionRow> versions,
      Released released,
      List<Criterion> criteria,
      CourseProgress progress,
      Deadline deadline,
      List<String> whomToAsk) {

    public int moduleNumber() {
      return progress.numberOf(progress.moduleOf(assignment.id()));
    }

    public boolean locked() {
      return blockedBy != null;
    }

    /** Whether the learner may work on it now: a revision asked for is open after the cut-off. */
    public boolean editable() {
      return status.editable()
          && (timing != Timing.CLOSED || status == SubmissionStatus.REVISION_REQUESTED);
    }

    public boolean filesFull() {
      return draftFiles.size() >= settings.maxFiles();
    }
  }

  /** Where the learner is against the due date: on time, late, or past the cut-off (closed). */
  public enum Timing {
    OPEN,
    LATE,
    CLOSED
  }

  /** What the learner is told of the assignment's rules. */
  public record Settings(
      boolean acceptsText,
      boolean acceptsFiles,
      int maxFiles,
      long maxFileBytes,
      List<String> allowedTypes,
      LatePolicy latePolicy,
      Integer latePenaltyPercent,
      GradingScheme grading,
      BigDecimal maxPoints,
      BigDecimal passPoints) {

    public long maxFileMegabytes() {
      return Math.max(1, maxFileBytes / (1024 * 1024));
    }
  }

  /** What the pages show of any stored file: its size in kB and whether "Vis" may show it. */
  public interface StoredFile {
    String mediaType();

    long size();

    /** The size in kB, at least 1. */
    default long kilobytes() {
      return Math.max(1, (size() + 512) / 1024);
    }

    /** Whether the page may show it inside itself: a PDF ({@link #pdf()}) or a picture. */
    default boolean inline() {
      return InlineTypes.shownInline(mediaType());
    }

    default boolean pdf() {
      return InlineTypes.isPdf(mediaType());
    }
  }

  /**
   * A file of a submission; {@code name} is null while blind grading hides it, and the file is then
   * shown by its {@code number} among the submission's files.
   */
  public record FileRow(
      long id, String name, String mediaType, long size, String sha256, int number)
      implements StoredFile {

    public boolean hidden() {
      return name == null;
    }

    public String extension() {
      return BlindGrading.extension(mediaType);
    }
  }

  /**
   * A grader's feedback file: the round (handed-in version) it answers, who attached it and when,
   * and whether the grader may still remove it (before the round is released or returned).
   */
  public record FeedbackFileRow(
      long id,
      String name,
      String mediaType,
      long size,
      int version,
      String attachedBy,
      Instant attachedAt,
      boolean removable)
      implements StoredFile {}

  /**
   * A submission's feedback files as its grader sees them, whether more may be attached now ({@code
   * open}: the grade is not yet released or returned), and the limits.
   */
  public record FeedbackFiles(
      long submissionId, List<FeedbackFileRow> files, boolean open, int maxFiles, long maxBytes) {

    /** The current round's files count against the limit; earlier rounds' stay. */
    public boolean full() {
      return files.stream().filter(FeedbackFileRow::removable).count() >= maxFiles;
    }

    public long maxMegabytes() {
      return maxBytes / (1024 * 1024);
    }
  }

  /**
   * A handed-in version, kept as it was; {@code html} is its text made ready to show (sanitised
   * again as it is read, a plain text of before ADR 32 escaped into paragraphs, headings at level 4
   * under the version's own h3), to be written unescaped.
   */
  public record VersionRow(
      int number,
      Instant submittedAt,
      boolean late,
      String html,
      int guardFindings,
      String guardReason,
      List<FileRow> files) {

    /** The text a reader sees, without tags. */
    public String text() {
      return SubmissionTextPolicy.text(html).strip();
    }
  }

  /** A rubric criterion and, once judged, its judgement. */
  public record Criterion(
      long id, String title, String description, List<Level> levels, String judgement) {

    public boolean passed() {
      return "PASS".equals(judgement);
    }

    public boolean failed() {
      return "FAIL".equals(judgement);
    }
  }

  /** A level of a points rubric. */
  public record Level(long id, String title, BigDecimal points) {}

  /** What the learner sees once the grade is released, or the feedback with a revision request. */
  public record Released(
      Boolean passed, BigDecimal points, BigDecimal maxPoints, String feedback, Instant at) {}

  /**
   * A finding of the citizen data guard, in the text ({@code source} null; {@code link} when in a
   * link's address there, {@code context} then the address) or in a file.
   */
  public record GuardFinding(
      CitizenDataGuard.Kind kind, String match, String context, String source, boolean link) {

    public boolean inText() {
      return source == null;
    }
  }

  /**
   * Who handed the work in, as a grader may see it: the name, or while blind grading hides it
   * ({@code name} null) only the pseudonym's number — stable, the submission's own.
   */
  public record Participant(String name, long number) {

    public boolean hidden() {
      return name == null;
    }

    static Participant of(String name, long submissionId, boolean hidden) {
      return new Participant(hidden ? null : name, submissionId);
    }
  }

  /**
   * A row of the grading queue: an assignment submission or a quiz essay waiting; {@code
   * lockVersion} is the submission's version as read, which a bulk release checks.
   */
  public record QueueRow(
      String kind,
      long id,
      long courseId,
      String courseTitle,
      long activityId,
      String activityTitle,
      Participant learner,
      SubmissionStatus status,
      boolean late,
      int version,
      Instant submittedAt,
      boolean blind,
      long lockVersion,
      Boolean passed) {

    /** An assignment's submission, as the queue's query makes it. */
    public QueueRow(
        long id,
        long courseId,
        String courseTitle,
        long activityId,
        String activityTitle,
        String learner,
        SubmissionStatus status,
        boolean late,
        int version,
        Instant submittedAt,
        boolean blind,
        long lockVersion,
        Boolean passed) {
      this(
          "ASSIGNMENT",
          id,
          courseId,
          courseTitle,
          activityId,
          activityTitle,
          Participant.of(learner, id, BlindGrading.hidden(blind, status)),
          status,
          late,
          version,
          submittedAt,
          blind,
          lockVersion,
          passed);
    }

    /** A quiz essay waiting for its grade. */
    public static QueueRow quizEssay(WaitingEssay e) {
      return new QueueRow(
          "QUIZ_ESSAY",
          e.answerId(),
          e.courseId(),
          e.courseTitle(),
          e.quizId(),
          e.quizTitle(),
          new Participant(e.learner(), e.answerId()),
          null,
          false,
          1,
          e.submittedAt(),
          false,
          0,
          null);
    }

    public boolean assignment() {
      return "ASSIGNMENT".equals(kind);
    }

    /** A grade saved and not yet released, which a bulk release would release. */
    public boolean releasable() {
      return status == SubmissionStatus.IN_GRADING;
    }
  }

  /**
   * The grading queue's counts: all the filter lets through, the grades saved and not released, and
   * how many were handed in until each of the times asked about.
   */
  public record QueueCounts(long total, long releasable, List<Long> until) {}

  /** One page of the queue's submissions, and how many the filter lets through in all. */
  public record QueuePage(List<QueueRow> rows, long total) {}

  /**
   * Where a submission is in its queue: its place from 0 ({@code -1} when the filter no longer lets
   * it through, e.g. released), how many there are, and the ids before and after it.
   */
  public record QueuePlace(int position, long total, Long previous, Long next) {

    /**
     * The place after a step from here to the {@code forward} (or backward) neighbour, whose own
     * neighbour beyond is {@code beyond}; unknown ({@code null}) when this place is not in the
     * queue.
     */
    public QueuePlace stepped(long from, boolean forward, Long beyond) {
      if (position < 0) {
        return null;
      }
      return forward
          ? new QueuePlace(position + 1, total, from, beyond)
          : new QueuePlace(position - 1, total, beyond, from);
    }
  }

  /** The grading page a step moved to, and the id of the submission beyond it (null: none). */
  public record GradingStep(GradingPage page, Long beyond) {}

  /** The submission row of a grading page with its learner's name and course. */
  public record GradingHead(
      Submission submission, String learnerName, long courseId, String courseTitle) {}

  /** A grade entry with its grader's name. */
  public record GradedBy(GradeEntry entry, String grader) {}

  /** A feedback file with the name of who attached it. */
  public record AttachedBy(dk.medborger.lms.assignments.entity.FeedbackFile file, String by) {}

  /** An assignment of a course the instructor teaches, for the queue's filter. */
  public record AssignmentOption(long id, String title, long courseId, String courseTitle) {}

  /** The filters of the grading queue (null: any). */
  public record QueueFilter(Long courseId, Long assignmentId, SubmissionStatus status, Boolean late)
      implements java.io.Serializable {

    public static QueueFilter waiting() {
      return new QueueFilter(null, null, null, null);
    }
  }

  /** One submission on the grading page. */
  public record GradingPage(
      long submissionId,
      long version,
      Participant learner,
      boolean blind,
      long courseId,
      String courseTitle,
      long assignmentId,
      String assignmentTitle,
      String instructions,
      Settings settings,
      SubmissionStatus status,
      boolean late,
      Instant dueAt,
      List<VersionRow> versions,
      List<Criterion> criteria,
      Boolean passed,
      BigDecimal points,
      String feedback,
      List<HistoryRow> history,
      Instant submittedAt,
      FeedbackFiles feedbackFiles) {

    public VersionRow current() {
      return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    public boolean passFail() {
      return settings.grading() == GradingScheme.PASS_FAIL_RUBRIC;
    }
  }

  /** A step of the grade's history; {@code fileName} for a feedback file attached or removed. */
  public record HistoryRow(
      String action,
      int version,
      Boolean passed,
      BigDecimal points,
      String grader,
      Instant at,
      String fileName) {}

  /**
   * A stored file to send: where it is, and how to name and type it; {@code pseudonym} is set while
   * blind grading hides its learner, and the file then goes out only as a copy without its author's
   * identity ({@link Submissions#outgoing}, ADR 16).
   */
  public record Download(
      java.nio.file.Path path, String name, String mediaType, long size, String pseudonym) {

    public Download(java.nio.file.Path path, String name, String mediaType, long size) {
      this(path, name, mediaType, size, null);
    }

    /** Whether a page may show it inside itself ({@code Content-Disposition: inline}). */
    public boolean inline() {
      return InlineTypes.shownInline(mediaType);
    }
  }

  /**
   * The bytes a download sends: the stored file itself, or a temporary anonymous copy of it, which
   * {@link #close()} deletes once sent.
   */
  public record Outgoing(java.nio.file.Path path, java.nio.file.Path temporary)
      implements AutoCloseable {

    public long size() throws java.io.IOException {
      return java.nio.file.Files.size(path);
    }

    @Override
    public void close() throws java.io.IOException {
      if (temporary != null) {
        java.nio.file.Files.deleteIfExists(temporary);
      }
    }
  }
}
