package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizRefused;
import dk.medborger.lms.quizzes.boundary.QuizTeaching;
import dk.medborger.lms.quizzes.boundary.QuizTeaching.EssayToGrade;
import dk.medborger.lms.ui.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Grading written quiz answers: the list of answers waiting in the instructor's courses, and one
 * answer's grading form (points and a comment). The form posts the answer's id and the version it
 * showed; when another grader saved first, the grader is told and sees the current grade.
 */
@Named
@RequestScoped
public class GradingView {

  @Inject SignedIn signedIn;

  @Inject QuizTeaching teaching;

  private List<EssayToGrade> waiting;
  private EssayToGrade essay;
  private boolean loaded;
  private BigDecimal points;
  private String comment;

  public List<EssayToGrade> getWaiting() {
    if (waiting == null) {
      waiting = teaching.awaiting(signedIn.require().userId());
    }
    return waiting;
  }

  /** The answer {@code ?answer=} (or, on a postback, the hidden field of the same name) names. */
  public EssayToGrade getEssay() {
    if (!loaded) {
      loaded = true;
      essay = Pages.findOrNotFound("answer", id -> teaching.essay(signedIn.require().userId(), id));
      if (essay != null && !FacesContext.getCurrentInstance().isPostback()) {
        points = essay.score();
        comment = essay.comment();
      }
    }
    return essay;
  }

  public String save() {
    EssayToGrade current = getEssay();
    if (current == null) {
      return null;
    }
    if (points == null) {
      Pages.message(FacesMessage.SEVERITY_ERROR, "instructor.grade.pointsRequired");
      return null;
    }
    String seen = Pages.requestParameter("seenVersion");
    try {
      teaching.grade(
          signedIn.require().userId(),
          current.answerId(),
          points,
          comment,
          seen != null && seen.matches("\\d{1,18}") ? Long.parseLong(seen) : -1);
    } catch (OptimisticLockException | TransactionalException conflict) {
      loaded = false;
      Pages.message(FacesMessage.SEVERITY_ERROR, "instructor.grade.conflict");
      EssayToGrade now = getEssay();
      points = now.score();
      comment = now.comment();
      return null;
    } catch (QuizRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
      return null;
    }
    Pages.message(FacesMessage.SEVERITY_INFO, "instructor.grade.saved");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/instructor/grading.xhtml?faces-redirect=true";
  }

  public BigDecimal getPoints() {
    return points;
  }

  public void setPoints(BigDecimal points) {
    this.points = points;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  /** The answer's version this form shows; a grade saved meanwhile by another grader wins. */
  public long getSeenVersion() {
    return getEssay() == null ? 0 : getEssay().version();
  }
}
