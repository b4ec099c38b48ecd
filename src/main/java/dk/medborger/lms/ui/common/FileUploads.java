package dk.medborger.lms.ui.common;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.ForbiddenException;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.platform.SameOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request handling every multipart file form shares (ADR 26): same origin only (403), what the
 * form posts to named in its address, not its body (404 when it names nothing), so that a body too
 * large is never read; then either a file removed or one taken from its part (the part's temporary
 * file deleted after), and the user sent back to the page with the outcome: {@code OK}, {@code
 * REMOVED} or the refusal's reason ({@code TOO_LARGE} when the container refused the part). 404 and
 * 403 from the service are answered as such.
 *
 * <pre>
 * &#64;WebServlet("/learner/assignment-upload")
 * &#64;MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = …)
 * public class AssignmentUploads extends FileUploads {
 *   AssignmentUploads() { super("assignment", "file"); }
 *   protected void attach(long user, long assignment, String name, InputStream in) { … }
 *   …
 * }
 * </pre>
 */
public abstract class FileUploads extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SignedIn signedIn;

  private final String target;
  private final String field;

  /**
   * @param target the address's parameter naming the id the form posts to
   * @param field the form's file field
   */
  protected FileUploads(String target, String field) {
    this.target = target;
    this.field = field;
  }

  /** The file to remove, if the request asks for that; else null. */
  protected abstract Long fileToRemove(HttpServletRequest request);

  /**
   * Whether a part with no bytes is refused as {@code EMPTY} here, before the service is asked;
   * otherwise the service refuses it in the order of its own checks.
   */
  protected boolean refusesEmptyPart() {
    return false;
  }

  protected abstract void remove(long userId, long targetId, long fileId);

  protected abstract void attach(long userId, long targetId, String rawName, InputStream content);

  /** The address to send the user back to, with the outcome. */
  protected abstract String back(HttpServletRequest request, long targetId, String outcome);

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!SameOrigin.check(request)) {
      response.sendError(403);
      return;
    }
    Long targetId = Pages.id(Pages.queryParameter(request, target));
    if (targetId == null) {
      response.sendError(404);
      return;
    }
    long user = signedIn.require().userId();
    String outcome;
    try {
      Long remove = fileToRemove(request);
      if (remove != null) {
        remove(user, targetId, remove);
        outcome = "REMOVED";
      } else {
        Part part = request.getPart(field);
        if (part == null || (refusesEmptyPart() && part.getSize() == 0)) {
          outcome = AssignmentRefused.Reason.EMPTY.name();
        } else {
          try (InputStream in = part.getInputStream()) {
            attach(user, targetId, part.getSubmittedFileName(), in);
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
    response.sendRedirect(back(request, targetId, outcome));
  }
}
