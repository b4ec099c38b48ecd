package dk.medborger.lms.ui.instructor;

import dk.medborger.lms.identity.boundary.SignedIn;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring.Problem;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring.QuizSettings;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring.Settings;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import dk.medborger.lms.quizzes.entity.ReviewTiming;
import dk.medborger.lms.ui.common.Pages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A quiz's settings for its instructor: pass mark, attempts, what counts, time limit, when it is
 * open, shuffling, one question per page, and what the review shows when. Every problem is shown at
 * its field; nothing is saved while there is one.
 */
@Named
@ViewScoped
public class QuizSettingsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where each problem is shown. */
  private static final Map<Problem, String> FIELD =
      Map.of(
          Problem.PASS_PERCENT, "pass",
          Problem.ATTEMPTS, "attempts",
          Problem.TIME_LIMIT, "minutes",
          Problem.WINDOW, "closes",
          Problem.REVIEW_NEEDS_CLOSE, "closes",
          Problem.GRADE_LOCKED, "pass");

  @Inject SignedIn signedIn;

  @Inject QuizAuthoring authoring;

  private Long quizId;
  private transient QuizSettings quiz;
  private boolean filled;

  private String passPercent;
  private Integer attemptsAllowed;
  private GradingMethod gradingMethod;
  private Integer timeLimitMinutes;
  private Instant opensAt;
  private Instant closesAt;
  private boolean shuffleChoices;
  private boolean onePerPage;
  private ReviewTiming reviewAnswers;
  private ReviewTiming reviewCorrect;
  private ReviewTiming reviewFeedback;

  /** The quiz, its course and settings; 404 or 403 as the instructor may see it. */
  public QuizSettings getQuiz() {
    if (quiz == null) {
      if (quizId == null) {
        quizId = Pages.id(Pages.requestParameter("id"));
      }
      quiz =
          quizId == null
              ? Pages.orNotFound(() -> null)
              : Pages.orNotFound(() -> authoring.settings(signedIn.require().userId(), quizId));
      if (quiz != null && !filled) {
        fill(quiz.settings());
      }
    }
    return quiz;
  }

  private void fill(Settings s) {
    filled = true;
    passPercent = Pages.typed(s.passPercent());
    attemptsAllowed = s.attemptsAllowed();
    gradingMethod = s.gradingMethod();
    timeLimitMinutes = s.timeLimitMinutes();
    opensAt = s.opensAt();
    closesAt = s.closesAt();
    shuffleChoices = s.shuffleChoices();
    onePerPage = s.onePerPage();
    reviewAnswers = s.reviewAnswers();
    reviewCorrect = s.reviewCorrect();
    reviewFeedback = s.reviewFeedback();
  }

  /** Saves the settings, or shows every problem at its field. */
  public String save() {
    if (getQuiz() == null) {
      return null;
    }
    BigDecimal pass = percent(passPercent);
    List<Problem> problems =
        authoring.saveSettings(
            signedIn.require().userId(),
            quizId,
            new Settings(
                pass,
                attemptsAllowed,
                gradingMethod,
                timeLimitMinutes,
                opensAt,
                closesAt,
                shuffleChoices,
                onePerPage,
                reviewAnswers,
                reviewCorrect,
                reviewFeedback));
    if (!problems.isEmpty()) {
      for (Problem problem : problems) {
        Pages.fieldError("settingsForm:" + FIELD.get(problem), "quizSettings.problem." + problem);
      }
      Pages.message(FacesMessage.SEVERITY_ERROR, "form.notSaved");
      return null;
    }
    Pages.message(FacesMessage.SEVERITY_INFO, "quizSettings.saved");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/instructor/quiz-settings.xhtml?faces-redirect=true&id=" + quizId;
  }

  /** A percentage as typed, with a decimal comma or point; null when it is no number. */
  static BigDecimal percent(String typed) {
    return Pages.decimal(typed == null ? null : typed.replace("%", ""));
  }

  public GradingMethod[] getGradingMethods() {
    return GradingMethod.values();
  }

  public ReviewTiming[] getReviewTimings() {
    return ReviewTiming.values();
  }

  public Long getQuizId() {
    return quizId;
  }

  public String getPassPercent() {
    return passPercent;
  }

  public void setPassPercent(String passPercent) {
    this.passPercent = passPercent;
  }

  public Integer getAttemptsAllowed() {
    return attemptsAllowed;
  }

  public void setAttemptsAllowed(Integer attemptsAllowed) {
    this.attemptsAllowed = attemptsAllowed;
  }

  public GradingMethod getGradingMethod() {
    return gradingMethod;
  }

  public void setGradingMethod(GradingMethod gradingMethod) {
    this.gradingMethod = gradingMethod;
  }

  public Integer getTimeLimitMinutes() {
    return timeLimitMinutes;
  }

  public void setTimeLimitMinutes(Integer timeLimitMinutes) {
    this.timeLimitMinutes = timeLimitMinutes;
  }

  public Instant getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(Instant opensAt) {
    this.opensAt = opensAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(Instant closesAt) {
    this.closesAt = closesAt;
  }

  public boolean isShuffleChoices() {
    return shuffleChoices;
  }

  public void setShuffleChoices(boolean shuffleChoices) {
    this.shuffleChoices = shuffleChoices;
  }

  public boolean isOnePerPage() {
    return onePerPage;
  }

  public void setOnePerPage(boolean onePerPage) {
    this.onePerPage = onePerPage;
  }

  public ReviewTiming getReviewAnswers() {
    return reviewAnswers;
  }

  public void setReviewAnswers(ReviewTiming reviewAnswers) {
    this.reviewAnswers = reviewAnswers;
  }

  public ReviewTiming getReviewCorrect() {
    return reviewCorrect;
  }

  public void setReviewCorrect(ReviewTiming reviewCorrect) {
    this.reviewCorrect = reviewCorrect;
  }

  public ReviewTiming getReviewFeedback() {
    return reviewFeedback;
  }

  public void setReviewFeedback(ReviewTiming reviewFeedback) {
    this.reviewFeedback = reviewFeedback;
  }
}
