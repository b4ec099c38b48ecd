package dk.medborger.lms.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.assignments.boundary.AssignmentRefused;
import dk.medborger.lms.assignments.control.CitizenDataGuard;
import dk.medborger.lms.assignments.entity.GradeEntry;
import dk.medborger.lms.assignments.entity.GradingScheme;
import dk.medborger.lms.assignments.entity.LatePolicy;
import dk.medborger.lms.assignments.entity.SubmissionStatus;
import dk.medborger.lms.courses.entity.ActivityKind;
import dk.medborger.lms.identity.boundary.LoginOutcome;
import dk.medborger.lms.platform.FriendlyError;
import dk.medborger.lms.progress.entity.ActivityState;
import dk.medborger.lms.quizzes.boundary.QuizAuthoring;
import dk.medborger.lms.quizzes.boundary.QuizRefused;
import dk.medborger.lms.quizzes.control.GiftFormat;
import dk.medborger.lms.quizzes.entity.AttemptState;
import dk.medborger.lms.quizzes.entity.GradingMethod;
import dk.medborger.lms.quizzes.entity.Mark;
import dk.medborger.lms.quizzes.entity.QuestionType;
import dk.medborger.lms.quizzes.entity.ReviewTiming;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Danish and English texts stay in step: every key exists in both bundles, and every state, reason
 * and error code a page shows by name has its text.
 */
class MessageBundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void danishAndEnglishBundlesHaveTheSameKeys() throws IOException {
    assertEquals(
        new TreeSet<>(load("messages_da.properties").stringPropertyNames()),
        new TreeSet<>(load("messages_en.properties").stringPropertyNames()));
  }

  @Test
  void everyStateReasonAndErrorCodeThePagesNameHasAText() throws IOException {
    Properties da = load("messages_da.properties");
    List<String> keys = new ArrayList<>();
    for (ActivityState s : ActivityState.values()) {
      keys.add("activityState." + s);
    }
    for (ActivityKind k : ActivityKind.values()) {
      keys.add("activityKind." + k);
    }
    for (QuizRefused.Reason r : QuizRefused.Reason.values()) {
      keys.add("quiz.refused." + r);
    }
    for (GiftFormat.GiftError.Code c : GiftFormat.GiftError.Code.values()) {
      keys.add("gift.error." + c);
    }
    for (dk.medborger.lms.mail.entity.MailState s :
        dk.medborger.lms.mail.entity.MailState.values()) {
      keys.add("outbox.state." + s);
    }
    for (AttemptState s : AttemptState.values()) {
      keys.add("attemptState." + s);
    }
    for (Mark m : Mark.values()) {
      keys.add("mark." + m);
    }
    for (GradingMethod g : GradingMethod.values()) {
      keys.add("quiz.grading." + g);
      keys.add("quizSettings.grading." + g);
    }
    for (ReviewTiming t : ReviewTiming.values()) {
      keys.add("quizSettings.timing." + t);
    }
    for (QuizAuthoring.Problem p : QuizAuthoring.Problem.values()) {
      keys.add("quizSettings.problem." + p);
    }
    for (dk.medborger.lms.identity.entity.JobRole j :
        dk.medborger.lms.identity.entity.JobRole.values()) {
      keys.add("jobRole." + j);
    }
    for (dk.medborger.lms.reporting.boundary.ReportFilter.Status s :
        dk.medborger.lms.reporting.boundary.ReportFilter.Status.values()) {
      keys.add("reportStatus." + s);
    }
    for (QuestionType t : QuestionType.values()) {
      keys.add("questionType." + t);
    }
    for (SubmissionStatus s : SubmissionStatus.values()) {
      keys.add("submissionStatus." + s);
    }
    for (AssignmentRefused.Reason r : AssignmentRefused.Reason.values()) {
      keys.add("assignment.refused." + r);
    }
    for (LatePolicy p : LatePolicy.values()) {
      keys.add("latePolicy." + p);
      keys.add("assignmentSettings.latePolicy." + p);
    }
    for (dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem p :
        dk.medborger.lms.assignments.boundary.AssignmentExtensions.Problem.values()) {
      keys.add("extension.problem." + p);
    }
    for (GradingScheme g : GradingScheme.values()) {
      keys.add("gradingScheme." + g);
    }
    for (CitizenDataGuard.Kind k : CitizenDataGuard.Kind.values()) {
      keys.add("guard." + k);
    }
    for (GradeEntry.Action a : GradeEntry.Action.values()) {
      keys.add("gradeAction." + a);
    }
    for (LoginOutcome.Kind k : LoginOutcome.Kind.values()) {
      if (k != LoginOutcome.Kind.SIGNED_IN) {
        keys.add("login." + k);
      }
    }
    for (FriendlyError e : FriendlyError.values()) {
      keys.add("error." + e + ".title");
      keys.add("error." + e + ".text");
    }
    for (int status : List.of(400, 405, 413, 503)) {
      keys.add("error." + status + ".title");
      keys.add("error." + status + ".text");
    }
    List<String> missing = keys.stream().filter(k -> !da.containsKey(k)).toList();
    assertTrue(missing.isEmpty(), "no text for " + missing);
  }
}
