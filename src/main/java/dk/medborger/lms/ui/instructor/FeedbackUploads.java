package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.ui.common.FileUploads;
import dk.medborger.lms.ui.common.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;

/**
 * The grading page's feedback files ({@code POST /instructor/feedback-upload?submission=…},
 * multipart, ADR 16 and 26): attaches the grader's file ({@code feedbackFile}) to the submission,
 * or removes one ({@code remove=<file id>}, in the address too), and sends the grader back to the
 * grading page with what happened ({@code &feedback=OK} or the refusal's reason) and the queue's
 * filter it came with. The request handling is {@link FileUploads}'s; the instructor role comes
 * from the folder's constraint, the course from {@link AssignmentGrading} (403 for another course's
 * submission, 404 for none).
 */
@WebServlet("/instructor/feedback-upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 21L * 1024 * 1024)
public class FeedbackUploads extends FileUploads {

  private static final long serialVersionUID = 1L;

  /** The form's file field. */
  public static final String FIELD = "feedbackFile";

  @Inject transient AssignmentGrading grading;

  public FeedbackUploads() {
    super("submission", FIELD);
  }

  @Override
  protected Long fileToRemove(HttpServletRequest request) {
    return Pages.id(Pages.queryParameter(request, "remove"));
  }

  /** The attach button sends an empty part when no file is chosen: no need to ask the course. */
  @Override
  protected boolean refusesEmptyPart() {
    return true;
  }

  @Override
  protected void remove(long instructor, long submission, long file) {
    grading.removeFeedbackFile(instructor, submission, file);
  }

  @Override
  protected void attach(long instructor, long submission, String rawName, InputStream content) {
    grading.attachFeedbackFile(instructor, submission, rawName, content);
  }

  @Override
  protected String back(HttpServletRequest request, long submission, String outcome) {
    String filter =
        GradingQueueView.query(
            GradingQueueView.filterOf(
                Pages.queryParameter(request, "course"),
                Pages.queryParameter(request, "assignment"),
                Pages.queryParameter(request, "status"),
                Pages.queryParameter(request, "late")));
    return request.getContextPath()
        + "/instructor/submission.xhtml?id="
        + submission
        + filter
        + "&feedback="
        + outcome
        + "#feedback-files";
  }
}
