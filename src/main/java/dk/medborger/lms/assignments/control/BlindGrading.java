package dk.medborger.lms.assignments.control;

import dk.medborger.lms.assignments.entity.SubmissionStatus;
import java.text.MessageFormat;
import java.util.Map;

/**
 * The one rule of blind grading (ADR 29): under a blind assignment the graders see the submission's
 * pseudonym — its number — instead of the learner's name and file names until its grade is
 * released; a new version handed in after a revision is graded blind again. Download and export
 * names are made from a pattern in the grader's language.
 *
 * <pre>
 * BlindGrading.hidden(true, SubmissionStatus.IN_GRADING)                      // true
 * BlindGrading.fileName("Deltager {0} – fil {1}", 7, 2, "application/pdf")    // "Deltager 7 – fil 2.pdf"
 * </pre>
 */
public final class BlindGrading {

  private static final Map<String, String> EXTENSIONS =
      Map.of(
          "application/pdf", ".pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
          "application/vnd.oasis.opendocument.text", ".odt",
          "text/plain", ".txt",
          "image/png", ".png",
          "image/jpeg", ".jpg");

  private BlindGrading() {}

  /** Whether the graders of a submission must not see who handed it in. */
  public static boolean hidden(boolean blindAssignment, SubmissionStatus status) {
    return blindAssignment && status != SubmissionStatus.GRADED;
  }

  /** Why blind grading may not be switched now (ADR 23). */
  public enum SwitchRefused {
    /** Grades are saved and not released: they were given blind and are released blind. */
    GRADES_SAVED,
    /**
     * Work is handed in: its graders may have seen whose it is, so hiding it now promises nothing.
     */
    WORK_HANDED_IN
  }

  /**
   * Whether an assignment's blind grading may go from {@code from} to {@code to}, given how many
   * submissions are handed in and how many grades are saved and not released: null when it may.
   *
   * <pre>
   * BlindGrading.switchRefused(true, false, 4, 1)   // GRADES_SAVED: release them first
   * BlindGrading.switchRefused(false, true, 4, 0)   // WORK_HANDED_IN
   * </pre>
   */
  public static SwitchRefused switchRefused(
      boolean from, boolean to, long handedIn, long savedNotReleased) {
    if (from == to) {
      return null;
    }
    if (to) {
      return handedIn > 0 ? SwitchRefused.WORK_HANDED_IN : null;
    }
    return savedNotReleased > 0 ? SwitchRefused.GRADES_SAVED : null;
  }

  /** The file name of a file shown or sent without its learner's name, from a pattern. */
  public static String fileName(String pattern, long participant, int file, String mediaType) {
    return SafeFileNames.of(label(pattern, participant, file) + extension(mediaType));
  }

  /** A pattern with {@code {0}} (the participant's number) and {@code {1}} filled in. */
  public static String label(String pattern, long participant, int number) {
    return MessageFormat.format(
        pattern.replace("'", "''"), String.valueOf(participant), String.valueOf(number));
  }

  /** The usual extension of an accepted file type, with its dot; empty for any other. */
  public static String extension(String mediaType) {
    return EXTENSIONS.getOrDefault(mediaType, "");
  }
}
