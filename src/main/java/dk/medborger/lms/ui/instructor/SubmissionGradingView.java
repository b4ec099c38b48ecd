package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.assignments.boundary.AssignmentGrading;
import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.boundary.AssignmentViews.Criterion;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingPage;
import dk.medborger.lms.assignments.boundary.AssignmentViews.GradingStep;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueueFilter;
import dk.medborger.lms.assignments.boundary.AssignmentViews.QueuePlace;
import dk.medborger.lms.assignments.boundary.CommentBank;
import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grading one submission after another without reloading the page: the text and files inline, the
 * rubric, points, feedback, save, release, ask for a revision, and the previous and next submission
 * of the queue it was opened from (ajax; Alt+Shift+→ and ←). The view keeps that queue's filter and
 * asks for the neighbours by the queue's order, so a queue of thousands costs the same as one of
 * ten, and the submission's version as it was shown: a grade saved by another grader since is not
 * overwritten, the grader is told and sees the grade that holds.
 */
@Named
@ViewScoped
public class SubmissionGradingView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SignedIn signedIn;

  @Inject AssignmentGrading grading;

  @Inject CommentBank bank;

  private Long submissionId;
  private QueueFilter filter;
  private transient QueuePlace place;
  private long seenVersion;
  private transient GradingPage page;
  private transient List<CommentBank.Comment> comments;
  private Map<Long, String> judgements = new HashMap<>();
  private BigDecimal points;
  private String feedback;
  private boolean started;

  public GradingPage getPage() {
    if (!started) {
      started = true;
      submissionId = Pages.id(Pages.requestParameter("id"));
      if (submissionId == null) {
        Pages.notFound();
        return null;
      }
      filter =
          GradingQueueView.filterOf(
              Pages.requestParameter("course"),
              Pages.requestParameter("assignment"),
              Pages.requestParameter("status"),
              Pages.requestParameter("late"));
      load(true);
    } else if (page == null && submissionId != null) {
      load(false);
    }
    return page;
  }

  private void load(boolean form) {
    place = null;
    show(Pages.orNotFound(() -> grading.page(signedIn.require().userId(), submissionId)), form);
  }

  /**
   * Shows {@code shown}; with {@code form}, its grade becomes the form's and its version the one
   * seen.
   */
  private void show(GradingPage shown, boolean form) {
    page = shown;
    if (page != null && form) {
      seenVersion = page.version();
      judgements = new HashMap<>();
      for (Criterion c : page.criteria()) {
        if (c.judgement() != null) {
          judgements.put(c.id(), c.judgement());
        }
      }
      points = page.points();
      feedback = page.feedback();
    }
  }

  public void save() {
    grade(false);
  }

  public void release() {
    grade(true);
  }

  private void grade(boolean release) {
    if (getPage() == null) {
      return;
    }
    try {
      grading.grade(
          signedIn.require().userId(),
          submissionId,
          seenVersion,
          judgements,
          points,
          feedback,
          release);
      load(true);
      Pages.message(FacesMessage.SEVERITY_INFO, release ? "grading.released" : "grading.saved");
    } catch (OptimisticLockException | TransactionalException conflict) {
      conflict();
    } catch (AssignmentRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
    }
  }

  public void requestRevision() {
    if (getPage() == null) {
      return;
    }
    try {
      grading.requestRevision(signedIn.require().userId(), submissionId, seenVersion, feedback);
      load(true);
      Pages.message(FacesMessage.SEVERITY_INFO, "grading.revisionRequested");
    } catch (OptimisticLockException | TransactionalException conflict) {
      conflict();
    } catch (AssignmentRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
    }
  }

  private void conflict() {
    load(true);
    Pages.message(FacesMessage.SEVERITY_ERROR, "grading.conflict");
  }

  public void next() {
    move(1);
  }

  public void previous() {
    move(-1);
  }

  /**
   * One step through the queue: the neighbour and the one beyond it in one call ({@link
   * AssignmentGrading#step}), the place counted on from the one known, so a step reads no counts.
   */
  private void move(int step) {
    if (getPage() == null) {
      return;
    }
    boolean forward = step > 0;
    QueuePlace from = getPlace();
    if ((forward ? from.next() : from.previous()) == null) {
      return;
    }
    Optional<GradingStep> moved = grading.step(signedIn.require().userId(), filter, page, forward);
    if (moved.isEmpty()) {
      place = null;
      return;
    }
    long was = submissionId;
    submissionId = moved.get().page().submissionId();
    show(moved.get().page(), true);
    place = from.stepped(was, forward, moved.get().beyond());
  }

  /** Where the submission is in the queue it was opened from, read when first asked for. */
  private QueuePlace getPlace() {
    if (place == null) {
      place =
          filter == null || submissionId == null
              ? new QueuePlace(-1, 0, null, null)
              : grading.place(signedIn.require().userId(), filter, submissionId);
    }
    return place;
  }

  /** The submission's place in its queue, from 0; -1 when it is not in it (handled already). */
  public int getPosition() {
    return getPlace().position();
  }

  public long getQueueSize() {
    return getPlace().total();
  }

  public boolean isHasNext() {
    return getPlace().next() != null;
  }

  public boolean isHasPrevious() {
    return getPlace().previous() != null;
  }

  /** The grader's comment bank, to insert into the feedback (ADR 30). */
  public List<CommentBank.Comment> getComments() {
    if (comments == null) {
      comments = bank.comments(signedIn.require().userId());
    }
    return comments;
  }

  /** Keeps the feedback as typed in the grader's comment bank; the grade is not saved. */
  public void saveFeedbackToBank() {
    try {
      bank.add(signedIn.require().userId(), feedback);
      comments = null;
      Pages.message(FacesMessage.SEVERITY_INFO, "bank.saved");
    } catch (AssignmentRefused refused) {
      Pages.message(FacesMessage.SEVERITY_ERROR, refused.messageKey());
    }
  }

  /** The filter of the queue the page was opened from (null before it loaded). */
  public QueueFilter getFilter() {
    return filter;
  }

  public Map<Long, String> getJudgements() {
    return judgements;
  }

  public BigDecimal getPoints() {
    return points;
  }

  public void setPoints(BigDecimal points) {
    this.points = points;
  }

  public String getFeedback() {
    return feedback;
  }

  public void setFeedback(String feedback) {
    this.feedback = feedback;
  }
}
