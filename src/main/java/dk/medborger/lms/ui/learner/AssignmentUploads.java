package dk.medborger.lms.ui.learner;

import dk.medborger.lms.assignments.boundary.AssignmentWork;
import dk.medborger.lms.ui.common.FileUploads;
import dk.medborger.lms.ui.common.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;

/**
 * The assignment page's file form ({@code POST /learner/assignment-upload}, multipart): adds a file
 * to the learner's draft, or removes one ({@code remove=<file id>}, in the body of the file's own
 * small form), and sends the learner back to the page with what happened ({@code ?id=…&upload=OK}
 * or the refusal's reason); the assignment is named in the form's address ({@code ?assignment=}).
 * The request handling is {@link FileUploads}'s; the learner role comes from the folder's
 * constraint. The servlet container keeps a part above 1 MB in a temporary file of its own and
 * deletes it after the request.
 */
@WebServlet("/learner/assignment-upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 105L * 1024 * 1024)
public class AssignmentUploads extends FileUploads {

  private static final long serialVersionUID = 1L;

  @Inject transient AssignmentWork work;

  public AssignmentUploads() {
    super("assignment", "file");
  }

  @Override
  protected Long fileToRemove(HttpServletRequest request) {
    return Pages.id(request.getParameter("remove"));
  }

  @Override
  protected void remove(long learner, long assignment, long file) {
    work.removeFile(learner, assignment, file);
  }

  @Override
  protected void attach(long learner, long assignment, String rawName, InputStream content) {
    work.upload(learner, assignment, rawName, content);
  }

  @Override
  protected String back(HttpServletRequest request, long assignment, String outcome) {
    return request.getContextPath()
        + "/learner/assignment.xhtml?id="
        + assignment
        + "&upload="
        + outcome
        + "#files";
  }
}
