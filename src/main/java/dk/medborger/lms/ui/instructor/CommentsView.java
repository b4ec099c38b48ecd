package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.CommentBank;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.platform.NotFoundException;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The instructor's comment bank page: their reusable feedback comments, a new one added at the end,
 * one removed (ADR 30). The grading page inserts them into the feedback.
 */
@Named
@RequestScoped
public class CommentsView {

  @Inject SignedIn signedIn;

  @Inject CommentBank bank;

  private List<CommentBank.Comment> comments;
  private String text;

  public List<CommentBank.Comment> getComments() {
    if (comments == null) {
      comments = bank.comments(signedIn.require().userId());
    }
    return comments;
  }

  public void add() {
    try {
      bank.add(signedIn.require().userId(), text);
      text = null;
      comments = null;
      Pages.message(FacesMessage.SEVERITY_INFO, "bank.saved");
    } catch (AssignmentRefused refused) {
      Pages.fieldError("commentsForm:text", refused.messageKey());
    }
  }

  public void remove(long id) {
    try {
      bank.remove(signedIn.require().userId(), id);
      comments = null;
      Pages.message(FacesMessage.SEVERITY_INFO, "bank.removed");
    } catch (NotFoundException e) {
      Pages.notFound();
    }
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
