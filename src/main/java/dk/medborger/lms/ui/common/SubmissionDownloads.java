package dk.medborger.lms.ui.common;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Download;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Outgoing;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.assignments.boundary.Submissions;
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
 * course's 403). An attachment with a safe name (RFC 5987), never sniffed, never cached; to graders
 * of a blind assignment named by the pseudonym (ADR 29). With {@code &inline=1} a PDF or a picture
 * (PNG, JPEG, GIF — never SVG or HTML: {@code InlineTypes}) is sent {@code inline} for the pages'
 * "Vis", under a policy that runs no script and lets only this application frame it; any other type
 * is still an attachment.
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

  /**
   * A PDF shown in the page's frame (ADR 16): nothing may run or load in its document (no script,
   * no connection, no form), it may be framed by this application's pages only, and the browser's
   * own viewer may take it (a {@code sandbox} would stop Chromium's and Firefox's viewers).
   */
  static final String INLINE_PDF =
      "default-src 'none'; object-src 'self'; img-src 'self' data:; style-src 'unsafe-inline';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

  /** A picture shown in the page, or opened on its own: the same, and sandboxed as well. */
  static final String INLINE_PICTURE =
      "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'self'; sandbox";

  @Inject transient SignedIn signedIn;

  @Inject transient AssignmentWork work;

  @Inject transient AssignmentGrading grading;

  @Inject transient Submissions submissions;

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
    ResourceBundle msg = ResourceBundle.getBundle("messages", locale.getLocale());
    Download file;
    try {
      file =
          switch (request.getServletPath()) {
            case "/instructor/submission-file" ->
                grading.download(
                    user, id, msg.getString("blind.fileName"), msg.getString("blind.participant"));
            case "/instructor/feedback-file" ->
                grading.feedbackDownload(user, id, msg.getString("blind.participant"));
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
    // While blind grading hides the learner, a PDF, DOCX or ODT goes out as an anonymous copy.
    Outgoing sent;
    try {
      sent = submissions.outgoing(file);
    } catch (AssignmentRefused refused) {
      response.setStatus(422);
      response.setContentType("text/plain; charset=UTF-8");
      response.getWriter().write(msg.getString(refused.messageKey()));
      return;
    }
    try (sent) {
      boolean inline = "1".equals(request.getParameter("inline")) && file.inline();
      response.setContentType(file.mediaType());
      response.setContentLengthLong(sent.size());
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", "no-store");
      if (inline) {
        response.setHeader("Content-Disposition", SafeFileNames.inlineDisposition(file.name()));
        response.setHeader(
            "Content-Security-Policy",
            file.mediaType().equals("application/pdf") ? INLINE_PDF : INLINE_PICTURE);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
      } else {
        response.setHeader("Content-Disposition", SafeFileNames.contentDisposition(file.name()));
        response.setHeader("Content-Security-Policy", "sandbox");
      }
      Files.copy(sent.path(), response.getOutputStream());
    }
  }
}
