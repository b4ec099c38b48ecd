package dk.medborger.lms.testing;

import dk.medborger.lms.quizzes.boundary.QuestionBank;
import dk.medborger.lms.quizzes.boundary.QuizTaking;
import dk.medborger.lms.quizzes.boundary.QuizViews;
import dk.medborger.lms.quizzes.entity.Response;
import java.util.Map;

/** Takes a quiz in an in-container test the way a learner would: start, answer, hand in. */
public final class Quizzes {

  private Quizzes() {}

  /** Starts (or resumes) an attempt, saves a full-marks answer to every question, hands it in. */
  public static long pass(QuizTaking quizzes, QuestionBank bank, long learner, long quizId) {
    long attempt = quizzes.start(learner, quizId);
    QuizViews.AttemptPage page = quizzes.attempt(learner, attempt);
    Map<Integer, Response> right = bank.modelAnswers(attempt);
    for (QuizViews.QuestionView q : page.questions()) {
      quizzes.save(learner, attempt, page.token(), q.slot(), right.get(q.slot()), q.version());
    }
    quizzes.submit(learner, attempt);
    return attempt;
  }
}
