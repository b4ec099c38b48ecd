package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.platform.SameOrigin;
import dk.medborger.lms.ui.common.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;

/**
 * The grading page's feedback files ({@code POST /instructor/feedback-upload?submission=…},
 * multipart, ADR 16 and 26): attaches the grader's file ({@code feedbackFile}) to the submission,
 * or removes one ({@code remove=<file id>}), and sends the grader back to the grading page with
 * what happened ({@code &feedback=OK} or the refusal's reason) and the queue's filter it came with.
 * The submission and the filter are in the form's address, not its body: a body too large is never
 * read. Same origin only; the instructor role comes from the folder's constraint, the course from
 * {@link AssignmentGrading} (403 for another course's submission, 404 for none).
 */
@WebServlet("/instructor/feedback-upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 21L * 1024 * 1024)
public class FeedbackUploads extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The form's file field. */
  public static final String FIELD = "feedbackFile";

  @Inject transient SignedIn signedIn;

  @Inject transient AssignmentGrading grading;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!SameOrigin.check(request)) {
      response.sendError(403);
      return;
    }
    Long submission = Pages.id(query(request, "submission"));
    if (submission == null) {
      response.sendError(404);
      return;
    }
    long instructor = signedIn.require().userId();
    String outcome;
    try {
      Long remove = Pages.id(query(request, "remove"));
      if (remove != null) {
        grading.removeFeedbackFile(instructor, submission, remove);
        outcome = "REMOVED";
      } else {
        Part part = request.getPart(FIELD);
        if (part == null || part.getSize() == 0) {
          outcome = AssignmentRefused.Reason.EMPTY.name();
        } else {
          try (InputStream in = part.getInputStream()) {
            grading.attachFeedbackFile(instructor, submission, part.getSubmittedFileName(), in);
          } finally {
            part.delete();
          }
          outcome = "OK";
        }
      }
    } catch (NotFoundException e) {
      response.sendError(404);
      return;
    } catch (ForbiddenException e) {
      response.sendError(403);
      return;
    } catch (AssignmentRefused refused) {
      outcome = refused.reason().name();
    } catch (IllegalStateException tooLarge) {
      outcome = AssignmentRefused.Reason.TOO_LARGE.name();
    }
    String filter =
        GradingQueueView.query(
            GradingQueueView.filterOf(
                query(request, "course"),
                query(request, "assignment"),
                query(request, "status"),
                query(request, "late")));
    response.sendRedirect(
        request.getContextPath()
            + "/instructor/submission.xhtml?id="
            + submission
            + filter
            + "&feedback="
            + outcome
            + "#feedback-files");
  }

  /** A parameter of the form's address (the body is the file's, and may be refused unread). */
  private static String query(HttpServletRequest request, String name) {
    if (request.getQueryString() == null) {
      return null;
    }
    for (String pair : request.getQueryString().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }
}
