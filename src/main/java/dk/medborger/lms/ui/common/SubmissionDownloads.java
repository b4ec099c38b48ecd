package dk.medborger.lms.ui.common;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Download;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.assignments.control.SafeFileNames;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ResourceBundle;

/**
 * Submitted files, to the learner who handed them in ({@code /learner/assignment-file?id=}) and to
 * the instructors of the course ({@code /instructor/submission-file?id=}), and the graders'
 * feedback files, to the instructors ({@code /instructor/feedback-file?id=}) and to the learner
 * once released or returned ({@code /learner/feedback-file?id=}, ADR 16); each path behind its
 * folder's role constraint and the service's own check (another learner's file is 404, another
 * course's 403). Always an attachment with a safe name (RFC 5987), never sniffed, never cached; to
 * graders of a blind assignment named by the pseudonym (ADR 29).
 */
@WebServlet(
    urlPatterns = {
      "/learner/assignment-file",
      "/instructor/submission-file",
      "/learner/feedback-file",
      "/instructor/feedback-file"
    })
public class SubmissionDownloads extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SignedIn signedIn;

  @Inject transient AssignmentWork work;

  @Inject transient AssignmentGrading grading;

  @Inject transient LocaleSelection locale;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Long id = Pages.id(request.getParameter("id"));
    if (id == null) {
      response.sendError(404);
      return;
    }
    long user = signedIn.require().userId();
    Download file;
    try {
      file =
          switch (request.getServletPath()) {
            case "/instructor/submission-file" ->
                grading.download(
                    user,
                    id,
                    ResourceBundle.getBundle("messages", locale.getLocale())
                        .getString("blind.fileName"));
            case "/instructor/feedback-file" -> grading.feedbackDownload(user, id);
            case "/learner/feedback-file" -> work.feedbackDownload(user, id);
            default -> work.download(user, id);
          };
    } catch (NotFoundException e) {
      response.sendError(404);
      return;
    } catch (ForbiddenException e) {
      response.sendError(403);
      return;
    }
    if (!Files.isRegularFile(file.path())) {
      response.sendError(404);
      return;
    }
    response.setContentType(file.mediaType());
    response.setContentLengthLong(Files.size(file.path()));
    response.setHeader("Content-Disposition", SafeFileNames.contentDisposition(file.name()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", "sandbox");
    Files.copy(file.path(), response.getOutputStream());
  }
}
