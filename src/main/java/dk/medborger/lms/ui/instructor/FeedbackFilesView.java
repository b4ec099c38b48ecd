package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FeedbackFiles;
import dk.medborger.lms.assignments.boundary.AssignmentViews.FileRow;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueFilter;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The grading page's feedback files (its include {@code feedback-files.xhtml}, ADR 16): the files
 * of the submission the page shows now — read per request, so the ajax step to the next submission
 * shows that one's — the handed-in files it may show inside itself, and the answer of the upload
 * form's last post ({@code ?feedback=}).
 *
 * <pre>
 * &lt;ui:repeat value="#{feedbackFilesView.of(g.submissionId).files}" var="f"&gt;
 * </pre>
 */
@Named
@RequestScoped
public class FeedbackFilesView {

  @Inject SignedIn signedIn;

  @Inject AssignmentGrading grading;

  private FeedbackFiles files;

  public FeedbackFiles of(long submissionId) {
    if (files == null || files.submissionId() != submissionId) {
      files = grading.feedbackFiles(signedIn.require().userId(), submissionId);
    }
    return files;
  }

  /**
   * The query of the form's address: the submission, the queue's filter (the grader comes back to
   * the same queue), and {@code remove} when not null.
   */
  public String query(long submissionId, QueueFilter filter) {
    return "?submission=" + submissionId + (filter == null ? "" : GradingQueueView.query(filter));
  }

  /** The address's query that removes the feedback file {@code fileId}. */
  public String removeQuery(long submissionId, QueueFilter filter, long fileId) {
    return query(submissionId, filter) + "&remove=" + fileId;
  }

  /** The handed-in files a page may show inside itself (PDFs and pictures), every version's. */
  public List<FileRow> previews(GradingPage page) {
    if (page == null) {
      return List.of();
    }
    return page.versions().stream()
        .flatMap(v -> v.files().stream())
        .filter(FileRow::inline)
        .toList();
  }

  /** The message of the form's last answer, or null (and null on the ajax steps after it). */
  public String getMessage() {
    String outcome = Pages.requestParameter("feedback");
    if (outcome == null || !outcome.matches("[A-Z_]{2,30}")) {
      return null;
    }
    if (outcome.equals("OK") || outcome.equals("REMOVED")) {
      return "feedbackFiles." + outcome;
    }
    try {
      return "assignment.refused." + AssignmentRefused.Reason.valueOf(outcome).name();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean isRefused() {
    String key = getMessage();
    return key != null && key.startsWith("assignment.refused.");
  }
}
