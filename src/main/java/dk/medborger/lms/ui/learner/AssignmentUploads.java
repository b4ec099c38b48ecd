package dk.medborger.lms.ui.learner;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.identity.boundary.SignedIn;
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
 * The assignment page's file form ({@code POST /learner/assignment-upload}, multipart): adds a file
 * to the learner's draft, or removes one ({@code remove=<file id>}), and sends the learner back to
 * the page with what happened ({@code ?id=…&upload=OK} or the refusal's reason); the assignment is
 * named in the form's address ({@code ?assignment=}). Same origin only; the learner role comes from
 * the folder's constraint. The servlet container keeps a part above 1 MB in a temporary file of its
 * own and deletes it after the request.
 */
@WebServlet("/learner/assignment-upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 105L * 1024 * 1024)
public class AssignmentUploads extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SignedIn signedIn;

  @Inject transient AssignmentWork work;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!SameOrigin.check(request)) {
      response.sendError(403);
      return;
    }
    // In the form's address, not its body: a body too large is never read.
    Long assignment = Pages.id(Pages.queryParameter(request, "assignment"));
    if (assignment == null) {
      response.sendError(404);
      return;
    }
    String outcome;
    long learner = signedIn.require().userId();
    try {
      Long remove = Pages.id(request.getParameter("remove"));
      if (remove != null) {
        work.removeFile(learner, assignment, remove);
        outcome = "REMOVED";
      } else {
        Part part = request.getPart("file");
        if (part == null) {
          outcome = AssignmentRefused.Reason.EMPTY.name();
        } else {
          try (InputStream in = part.getInputStream()) {
            work.upload(learner, assignment, part.getSubmittedFileName(), in);
          } finally {
            part.delete();
          }
          outcome = "OK";
        }
      }
    } catch (NotFoundException e) {
      response.sendError(404);
      return;
    } catch (AssignmentRefused refused) {
      outcome = refused.reason().name();
    } catch (IllegalStateException tooLarge) {
      outcome = AssignmentRefused.Reason.TOO_LARGE.name();
    }
    back(request, response, assignment, outcome);
  }

  private static void back(
      HttpServletRequest request, HttpServletResponse response, long assignment, String outcome)
      throws IOException {
    response.sendRedirect(
        request.getContextPath()
            + "/learner/assignment.xhtml?id="
            + assignment
            + "&upload="
            + outcome
            + "#files");
  }
}
