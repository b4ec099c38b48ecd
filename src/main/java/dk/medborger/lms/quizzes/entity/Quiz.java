package dk.medborger.lms.quizzes.entity;

import dk.medborger.lms.courses.entity.Activity;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.courses.entity.CompletionCriterion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A quiz: an activity whose questions the learner answers in attempts that the server times and
 * grades. Its settings follow Moodle's: attempts allowed, grading method, pass mark, time limit,
 * open and close dates, shuffled choices, and what the review shows when.
 */
@Entity
@Table(name = "quiz")
@DiscriminatorValue("QUIZ")
@PrimaryKeyJoinColumn(name = "activity_id")
public class Quiz extends Activity {

  private String intro;

  @Column(name = "pass_percent")
  private BigDecimal passPercent = BigDecimal.valueOf(60);

  /** Null: as many as the learner likes. */
  @Column(name = "attempts_allowed")
  private Integer attemptsAllowed;

  @Enumerated(EnumType.STRING)
  @Column(name = "grading_method")
  private GradingMethod gradingMethod = GradingMethod.HIGHEST;

  @Column(name = "time_limit_seconds")
  private Integer timeLimitSeconds;

  @Column(name = "opens_at")
  private Instant opensAt;

  @Column(name = "closes_at")
  private Instant closesAt;

  @Column(name = "shuffle_choices")
  private boolean shuffleChoices = true;

  @Column(name = "one_per_page")
  private boolean onePerPage;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_answers")
  private ReviewTiming reviewAnswers = ReviewTiming.AFTER_SUBMIT;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_correct")
  private ReviewTiming reviewCorrect = ReviewTiming.AFTER_SUBMIT;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_feedback")
  private ReviewTiming reviewFeedback = ReviewTiming.AFTER_SUBMIT;

  @OneToMany(mappedBy = "quiz", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<QuizSlot> slots = new ArrayList<>();

  protected Quiz() {}

  public Quiz(String title, Integer estimatedMinutes, CompletionCriterion criterion, String intro) {
    super(ActivityKind.QUIZ, title, estimatedMinutes, criterion);
    this.intro = intro;
  }

  /** Appends a fixed question. */
  public QuizSlot addQuestion(Question question) {
    QuizSlot slot = new QuizSlot(this, slots.size() + 1, question, null, null);
    slots.add(slot);
    return slot;
  }

  /** Appends {@code count} questions drawn at random from {@code category} for each attempt. */
  public QuizSlot addRandom(QuestionCategory category, int count) {
    QuizSlot slot = new QuizSlot(this, slots.size() + 1, null, category, count);
    slots.add(slot);
    return slot;
  }

  public void setPassPercent(BigDecimal passPercent) {
    this.passPercent = passPercent;
  }

  public void setAttemptsAllowed(Integer attemptsAllowed) {
    this.attemptsAllowed = attemptsAllowed;
  }

  public void setGradingMethod(GradingMethod gradingMethod) {
    this.gradingMethod = gradingMethod;
  }

  public void setTimeLimit(Duration limit) {
    this.timeLimitSeconds = limit == null ? null : (int) limit.toSeconds();
  }

  public void setWindow(Instant opens, Instant closes) {
    this.opensAt = opens;
    this.closesAt = closes;
  }

  public void setShuffleChoices(boolean shuffleChoices) {
    this.shuffleChoices = shuffleChoices;
  }

  public void setOnePerPage(boolean onePerPage) {
    this.onePerPage = onePerPage;
  }

  public void setReview(ReviewTiming answers, ReviewTiming correct, ReviewTiming feedback) {
    this.reviewAnswers = answers;
    this.reviewCorrect = correct;
    this.reviewFeedback = feedback;
  }

  public String getIntro() {
    return intro;
  }

  public BigDecimal getPassPercent() {
    return passPercent;
  }

  public Integer getAttemptsAllowed() {
    return attemptsAllowed;
  }

  public GradingMethod getGradingMethod() {
    return gradingMethod;
  }

  public Duration getTimeLimit() {
    return timeLimitSeconds == null ? null : Duration.ofSeconds(timeLimitSeconds);
  }

  public Instant getOpensAt() {
    return opensAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public boolean isShuffleChoices() {
    return shuffleChoices;
  }

  public boolean isOnePerPage() {
    return onePerPage;
  }

  public ReviewTiming getReviewAnswers() {
    return reviewAnswers;
  }

  public ReviewTiming getReviewCorrect() {
    return reviewCorrect;
  }

  public ReviewTiming getReviewFeedback() {
    return reviewFeedback;
  }

  public List<QuizSlot> getSlots() {
    return slots;
  }
}
