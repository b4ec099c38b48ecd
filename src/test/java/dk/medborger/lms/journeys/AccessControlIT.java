package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.PageLinks;
import dk.medborger.lms.testing.RunningApplication;
import dk.medborger.lms.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server enforces who sees what, for every role: anonymous users go to the login page, each
 * role gets 403 on the others' pages, ids changed by hand give the 404 page, and no error ever
 * shows a stack trace.
 */
@ExtendWith(RunningApplication.class)
class AccessControlIT {

  private static final List<String> PAGES =
      List.of(
          "/learner/dashboard.xhtml",
          "/instructor/index.xhtml",
          "/hr/index.xhtml",
          "/admin/index.xhtml");

  /** Which of {@link #PAGES} each demo login may open. */
  private static final Map<String, String> HOME =
      Map.of(
          "learner", "/learner/dashboard.xhtml",
          "instructor", "/instructor/index.xhtml",
          "hr", "/hr/index.xhtml",
          "admin", "/admin/index.xhtml");

  @Test
  void anonymousUsersAreSentToTheLoginPage() throws Exception {
    WebClient anonymous = new WebClient();
    for (String page : PAGES) {
      HttpResponse<String> response = anonymous.get(page);
      assertEquals(302, response.statusCode(), page);
      String location = response.headers().firstValue("Location").orElse("");
      assertTrue(location.contains("/login.xhtml?back="), page + " -> " + location);
      assertNull(anonymous.sessionId(), "no session for an anonymous visitor");
    }
    assertEquals(302, anonymous.get("/learner/course.xhtml?id=1").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"learner", "instructor", "hr", "admin"})
  void eachRoleOpensItsOwnPagesAndGets403OnTheOthers(String user) throws Exception {
    WebClient client = new WebClient();
    HttpResponse<String> login = client.login(user, "medborger");
    assertEquals(302, login.statusCode());
    assertTrue(login.headers().firstValue("Location").orElse("").endsWith(HOME.get(user)));
    for (String page : PAGES) {
      HttpResponse<String> response = client.get(page);
      if (page.equals(HOME.get(user))) {
        assertEquals(200, response.statusCode(), user + " " + page);
      } else {
        assertEquals(403, response.statusCode(), user + " " + page);
        assertTrue(response.body().contains("Ingen adgang"), "friendly 403 page");
      }
    }
  }

  @Test
  void learnerCannotOpenACourseOrLessonOfAnotherLearnerByChangingTheId() throws Exception {
    WebClient learner = signedIn("learner");
    for (String path :
        List.of(
            "/learner/course.xhtml?id=999999",
            "/learner/lesson.xhtml?id=999999",
            "/learner/course.xhtml?id=abc",
            "/learner/lesson.xhtml?id=-1",
            "/learner/lesson.xhtml?id=1%27%20OR%201=1",
            "/learner/lesson.xhtml",
            "/no/such/page.xhtml")) {
      HttpResponse<String> response = learner.get(path);
      assertEquals(404, response.statusCode(), path);
      assertTrue(response.body().contains("Siden findes ikke"), path);
      assertNoStackTrace(response);
    }
  }

  @Test
  void learnerGets404ForARealCourseTheyAreNotEnrolledIn() throws Exception {
    WebClient colleague = signedIn("anna.jensen");
    List<String> hers = PageLinks.courses(colleague.get("/learner/dashboard.xhtml").body());
    WebClient learner = signedIn("learner");
    List<String> mine = PageLinks.courses(learner.get("/learner/dashboard.xhtml").body());
    List<String> notMine = hers.stream().filter(id -> !mine.contains(id)).toList();
    assertFalse(notMine.isEmpty(), "anna.jensen takes a course that learner does not");
    for (String id : notMine) {
      HttpResponse<String> response = learner.get("/learner/course.xhtml?id=" + id);
      assertEquals(404, response.statusCode());
      assertTrue(response.body().contains("Siden findes ikke"));
    }
    for (String id : mine) {
      assertEquals(200, learner.get("/learner/course.xhtml?id=" + id).statusCode());
    }
  }

  @Test
  void learnerCannotCompleteALessonOfACourseTheyDoNotTakeByPostingItsId() throws Exception {
    WebClient colleague = signedIn("anna.jensen");
    WebClient learner = signedIn("learner");
    List<String> mine = PageLinks.courses(learner.get("/learner/dashboard.xhtml").body());
    String notMine =
        PageLinks.courses(colleague.get("/learner/dashboard.xhtml").body()).stream()
            .filter(id -> !mine.contains(id))
            .findFirst()
            .orElseThrow();
    String hersBefore = colleague.get("/learner/course.xhtml?id=" + notMine).body();
    List<String> lessons = PageLinks.lessons(hersBefore);
    assertFalse(lessons.isEmpty());
    for (String lesson : List.of(lessons.get(0), lessons.get(lessons.size() - 1), "999999")) {
      // The lesson page's own form ("mark as completed", "next"), with another course's lesson.
      for (String button :
          List.of("lessonForm:complete", "lessonForm:nextAndComplete", "lessonForm:undo")) {
        HttpResponse<String> response = learner.pressLessonButton(lesson, button);
        assertEquals(404, response.statusCode(), lesson + " " + button);
        assertNoStackTrace(response);
      }
      HttpResponse<String> fromNotice =
          learner.post(
              "/learner/lesson.xhtml",
              Map.of(
                  "pendingForm", "pendingForm",
                  "lesson", lesson,
                  "pending", "complete",
                  "pendingForm:completeNow", "pendingForm:completeNow",
                  "jakarta.faces.ViewState", "stateless"));
      assertEquals(404, fromNotice.statusCode(), lesson + " pendingForm:completeNow");
    }
    assertEquals(
        activityStates(hersBefore),
        activityStates(colleague.get("/learner/course.xhtml?id=" + notMine).body()),
        "nothing of hers changed");
  }

  private static List<String> activityStates(String html) {
    return PageLinks.matches(html, "class=\"activity activity--(\\w+)\"");
  }

  @Test
  void quizPagesAndTheAnswerApiAreForTheLearnerWhoseAttemptItIs() throws Exception {
    WebClient owner = signedIn("mads.poulsen");
    String attempt = owner.startFirstQuiz();
    HttpResponse<String> page = owner.get("/learner/attempt.xhtml?id=" + attempt);
    assertEquals(200, page.statusCode());
    String token = WebClient.saveToken(page.body());
    String answer = "{\"token\":\"" + token + "\",\"version\":0,\"text\":null}";
    String api = "/api/quiz-attempts/" + attempt + "/answers/1";

    WebClient learner = signedIn("learner");
    for (String path :
        List.of(
            "/learner/attempt.xhtml?id=" + attempt,
            "/learner/quiz-summary.xhtml?id=" + attempt,
            "/learner/quiz-review.xhtml?id=" + attempt,
            "/learner/attempt.xhtml?id=999999",
            "/learner/quiz.xhtml?id=999999",
            "/learner/quiz.xhtml?id=abc")) {
      assertAnswers(404, learner.get(path), path);
    }
    HttpResponse<String> foreign = learner.postJson(api, answer, "same-origin");
    assertEquals(404, foreign.statusCode(), "another learner's attempt, even with its token");
    assertTrue(foreign.body().contains("NOT_FOUND"), foreign.body());

    HttpResponse<String> anonymous = new WebClient().postJson(api, answer, "same-origin");
    assertEquals(401, anonymous.statusCode(), "JSON, never a redirect to the login page");
    assertTrue(anonymous.body().contains("SIGNED_OUT"), anonymous.body());

    assertEquals(403, owner.postJson(api, answer, "cross-site").statusCode(), "cross-site");
    assertEquals(403, owner.postJson(api, answer, null).statusCode(), "no origin at all");
    String forged = "{\"token\":\"forged\",\"version\":0,\"text\":null}";
    assertEquals(403, owner.postJson(api, forged, "same-origin").statusCode(), "bad token");
    assertEquals(200, owner.postJson(api, answer, "same-origin").statusCode(), "the owner saves");

    for (String user : List.of("instructor", "hr", "admin")) {
      WebClient other = signedIn(user);
      assertEquals(403, other.get("/learner/attempt.xhtml?id=" + attempt).statusCode(), user);
      assertEquals(403, other.get("/learner/quiz.xhtml?id=1").statusCode(), user);
      assertEquals(404, other.postJson(api, answer, "same-origin").statusCode(), user);
    }
    assertEquals(302, new WebClient().get("/learner/quiz.xhtml?id=1").statusCode());
  }

  @Test
  void instructorsSeeOnlyTheQuizzesOfTheCoursesTheyTeach() throws Exception {
    WebClient instructor = signedIn("instructor");
    String home = instructor.get("/instructor/index.xhtml").body();
    String quiz = PageLinks.matches(home, "quiz-results\\.xhtml\\?id=(\\d+)").get(0);
    String course = PageLinks.matches(home, "question-bank\\.xhtml\\?course=(\\d+)").get(0);
    String answer =
        firstMatch(instructor, "/instructor/grading.xhtml", "grade\\.xhtml\\?answer=(\\d+)");
    String question =
        firstMatch(
            instructor,
            "/instructor/question-bank.xhtml?course=" + course,
            "question\\.xhtml\\?id=(\\d+)");
    List<String> his =
        List.of(
            "/instructor/quiz-results.xhtml?id=" + quiz,
            "/instructor/quiz-results.csv?id=" + quiz,
            "/instructor/question-bank.xhtml?course=" + course,
            "/instructor/question-bank.gift?course=" + course,
            "/instructor/grade.xhtml?answer=" + answer,
            "/instructor/quiz-settings.xhtml?id=" + quiz,
            "/instructor/question.xhtml?id=" + question);
    for (String path : his) {
      assertEquals(200, instructor.get(path).statusCode(), path);
    }
    HttpResponse<String> csv = instructor.get(his.get(1));
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals("nosniff", csv.headers().firstValue("X-Content-Type-Options").orElse(""));

    WebClient other = signedIn("instructor.horsens");
    assertFalse(
        other
            .get("/instructor/index.xhtml")
            .body()
            .contains("quiz-results.xhtml?id=" + quiz + "\""),
        "another course's quiz is not listed");
    for (String path : his) {
      assertAnswers(403, other.get(path), "instructor of another course: " + path);
    }
    assertFalse(
        other
            .get("/instructor/grading.xhtml")
            .body()
            .contains("grade.xhtml?answer=" + answer + "\""),
        "another course's answers are not in the grading list");
    for (String path :
        List.of(
            "/instructor/quiz-results.xhtml?id=999999",
            "/instructor/quiz-results.csv?id=abc",
            "/instructor/grade.xhtml?answer=999999",
            "/instructor/question-bank.xhtml?course=999999",
            "/instructor/quiz-settings.xhtml?id=999999",
            "/instructor/question.xhtml?id=999999",
            "/instructor/question.xhtml?id=x")) {
      assertEquals(404, instructor.get(path).statusCode(), path);
    }
    List<String> all = new java.util.ArrayList<>(his);
    all.add("/instructor/grading.xhtml");
    for (String user : List.of("learner", "hr", "admin")) {
      WebClient client = signedIn(user);
      for (String path : all) {
        assertEquals(403, client.get(path).statusCode(), user + ": " + path);
      }
    }
    for (String path : all) {
      assertEquals(302, new WebClient().get(path).statusCode(), "anonymous: " + path);
    }
  }

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Test
  void assignmentPagesFilesAndActionsAreForTheirLearnerAndTheCoursesInstructors() throws Exception {
    WebClient owner = signedIn("maria.sorensen");
    String assignment = firstAssignmentOf(owner);
    String page = "/learner/assignment.xhtml?id=" + assignment;
    String upload = "/learner/assignment-upload?assignment=" + assignment;
    assertEquals(200, owner.get(page).statusCode());
    assertEquals(
        403, owner.postFile(upload, "file", "min.pdf", PDF, "http://evil.example").statusCode());
    HttpResponse<String> uploaded = owner.postFile(upload, "file", "min.pdf", PDF, null);
    assertEquals(302, uploaded.statusCode());
    assertTrue(uploaded.headers().firstValue("Location").orElse("").contains("upload=OK"));
    String file = firstMatch(owner, page, "assignment-file\\?id=(\\d+)");
    String download = "/learner/assignment-file?id=" + file;
    HttpResponse<String> mine = owner.get(download);
    assertEquals(200, mine.statusCode());
    assertInline(owner.get(download + "&inline=1"), "application/pdf");
    assertTrue(
        owner
            .postFile(upload, "file", "noter.txt", "Mine noter".getBytes(), null)
            .headers()
            .firstValue("Location")
            .orElse("")
            .contains("upload=OK"));
    String notes =
        PageLinks.matches(owner.get(page).body(), "assignment-file\\?id=(\\d+)").stream()
            .filter(id -> !id.equals(file))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> text = owner.get("/learner/assignment-file?id=" + notes + "&inline=1");
    assertTrue(
        text.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"),
        "only PDFs and pictures are shown inline");
    assertEquals("sandbox", text.headers().firstValue("Content-Security-Policy").orElse(""));
    owner.postFromThisSite(upload, Map.of("remove", notes));
    assertEquals("nosniff", mine.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(
        mine.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"),
        "RFC 5987 file name");

    WebClient learner = signedIn("learner");
    assertEquals(404, learner.get(download).statusCode(), "another learner's file by its id");
    for (String path :
        List.of(
            "/learner/assignment.xhtml?id=999999",
            "/learner/assignment.xhtml?id=abc",
            "/learner/assignment-file?id=999999",
            "/learner/assignment-file?id=x")) {
      assertAnswers(404, learner.get(path), path);
    }
    HttpResponse<String> removeHers = learner.postFromThisSite(upload, Map.of("remove", file));
    assertEquals(404, removeHers.statusCode(), "another learner's file cannot be removed");
    assertEquals(200, owner.get(download).statusCode(), "still there");
    String draft = "/api/assignments/" + assignment + "/draft";
    assertEquals(403, owner.postJson(draft, "{\"text\":\"x\"}", "cross-site").statusCode());
    assertEquals(
        401, new WebClient().postJson(draft, "{\"text\":\"x\"}", "same-origin").statusCode());
    assertEquals(200, owner.postJson(draft, "{\"text\":\"Hej\"}", "same-origin").statusCode());

    WebClient instructor = signedIn("instructor");
    String queue = instructor.get("/instructor/queue.xhtml").body();
    String submission = PageLinks.matches(queue, "submission\\.xhtml\\?id=(\\d+)").get(0);
    // The first three are every instructor's own (their courses only), the rest this course's.
    List<String> his =
        List.of(
            "/instructor/queue.xhtml",
            "/instructor/release.xhtml",
            "/instructor/comments.xhtml",
            "/instructor/submission.xhtml?id=" + submission,
            "/instructor/submission-file?id=" + file,
            "/instructor/submission-file?id=" + file + "&inline=1",
            "/instructor/release.xhtml?assignment=" + assignment,
            "/instructor/submissions.zip?assignment=" + assignment,
            "/instructor/grades.csv?assignment=" + assignment);
    for (String path : his) {
      assertEquals(200, instructor.get(path).statusCode(), path);
    }
    assertEquals(404, instructor.get("/instructor/submission.xhtml?id=999999").statusCode());
    assertEquals(404, instructor.get("/instructor/submission-file?id=999999").statusCode());
    for (String missing :
        List.of(
            "/instructor/release.xhtml?assignment=999999",
            "/instructor/submissions.zip?assignment=999999",
            "/instructor/grades.csv?assignment=x")) {
      assertEquals(404, instructor.get(missing).statusCode(), missing);
    }
    HttpResponse<String> zip =
        instructor.get("/instructor/submissions.zip?assignment=" + assignment);
    assertEquals("nosniff", zip.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(zip.body().startsWith("PK"), "a ZIP");
    assertTrue(
        zip.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));

    WebClient otherCourse = signedIn("instructor.horsens");
    assertEquals(200, otherCourse.get("/instructor/queue.xhtml").statusCode());
    assertFalse(
        otherCourse
            .get("/instructor/queue.xhtml")
            .body()
            .contains("submission.xhtml?id=" + submission),
        "another course's submissions are not in the queue");
    for (String path : his.subList(0, 3)) {
      assertEquals(200, otherCourse.get(path).statusCode(), path);
    }
    for (String path : his.subList(3, his.size())) {
      assertAnswers(403, otherCourse.get(path), "instructor of another course: " + path);
    }
    for (String user : List.of("instructor", "hr", "admin")) {
      WebClient other = signedIn(user);
      assertEquals(403, other.get(page).statusCode(), user);
      assertEquals(403, other.get(download).statusCode(), user);
      assertEquals(
          404, other.postJson(draft, "{\"text\":\"x\"}", "same-origin").statusCode(), user);
    }
    for (String user : List.of("learner", "hr", "admin")) {
      WebClient other = signedIn(user);
      for (String path : his) {
        assertEquals(403, other.get(path).statusCode(), user + " " + path);
      }
    }
    WebClient anonymous = new WebClient();
    for (String path :
        java.util.stream.Stream.concat(List.of(page, download).stream(), his.stream()).toList()) {
      assertEquals(302, anonymous.get(path).statusCode(), "anonymous: " + path);
    }
  }

  /** A time as a {@code datetime-local} field sends it, {@code days} from now, Danish time. */
  private static String danishTimeIn(int days) {
    return java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Copenhagen"))
        .plusDays(days)
        .withSecond(0)
        .withNano(0)
        .toString()
        .substring(0, 16);
  }

  @Test
  void assignmentSettingsRubricAndExtensionPagesAndActionsAreForTheCoursesInstructorsOnly()
      throws Exception {
    WebClient owner = signedIn("maria.sorensen");
    String assignment = firstAssignmentOf(owner);
    WebClient instructor = signedIn("instructor");
    String submission =
        firstMatch(instructor, "/instructor/queue.xhtml", "submission\\.xhtml\\?id=(\\d+)");
    String list = "/instructor/extensions.xhtml?assignment=" + assignment;
    String learner = firstMatch(instructor, list, "<option value=\"(\\d+)\"");
    String one = list + "&learner=" + learner;
    String settings = "/instructor/assignment-settings.xhtml?id=" + assignment;
    String rubric = "/instructor/rubric.xhtml?id=" + assignment;
    List<String> pages =
        List.of(
            list, one, "/instructor/extensions.xhtml?submission=" + submission, settings, rubric);
    assertTrue(
        instructor.get("/instructor/index.xhtml").body().contains(settings.substring(11)),
        "the start page links to the settings");
    for (String path : pages) {
      assertEquals(200, instructor.get(path).statusCode(), path);
    }
    assertTrue(
        instructor
            .get("/instructor/submission.xhtml?id=" + submission)
            .body()
            .contains("extensions.xhtml?submission=" + submission),
        "the grading page links to it");
    for (String missing :
        List.of(
            "/instructor/extensions.xhtml",
            "/instructor/extensions.xhtml?assignment=999999",
            "/instructor/extensions.xhtml?assignment=x",
            "/instructor/extensions.xhtml?submission=999999",
            list + "&learner=999999",
            list + "&learner=abc",
            "/instructor/assignment-settings.xhtml?id=999999",
            "/instructor/assignment-settings.xhtml?id=x",
            "/instructor/assignment-settings.xhtml",
            "/instructor/rubric.xhtml?id=999999",
            "/instructor/rubric.xhtml?id=-1")) {
      assertAnswers(404, instructor.get(missing), missing);
    }

    Map<String, String> form =
        Map.of("extensionForm:due", danishTimeIn(60), "extensionForm:reason", "Adgangstest");
    HttpResponse<String> past =
        instructor.pressButton(
            one,
            "extensionForm",
            "extensionForm:save",
            Map.of("extensionForm:due", "2020-01-01T12:00"));
    assertEquals(200, past.statusCode());
    assertTrue(past.body().contains("ligge i fremtiden"), "refused at its field");
    HttpResponse<String> saved =
        instructor.pressButton(one, "extensionForm", "extensionForm:save", form);
    assertEquals(302, saved.statusCode(), saved.body());
    assertTrue(saved.headers().firstValue("Location").orElse("").contains("learner=" + learner));
    assertTrue(instructor.get(list).body().contains("Adgangstest"), "listed");

    HttpResponse<String> untitled =
        instructor.pressButton(
            settings, "settingsForm", "settingsForm:save", Map.of("settingsForm:title", " "));
    assertEquals(200, untitled.statusCode(), "the course's instructor posts the settings");
    assertTrue(untitled.body().contains("Skriv en titel"), "refused at its field, nothing saved");
    HttpResponse<String> rubricSaved =
        instructor.pressButton(rubric, "rubricForm", "rubricForm:save", Map.of());
    assertEquals(302, rubricSaved.statusCode(), "the rubric as it is, saved again");

    // A view this session never had, for each form: as another course's instructor would post.
    Map<String, Map<String, String>> forgedPosts = new java.util.LinkedHashMap<>();
    for (String[] post :
        new String[][] {
          {"/instructor/extensions.xhtml", "extensionForm", "extensionForm:remove"},
          {"/instructor/assignment-settings.xhtml", "settingsForm", "settingsForm:save"},
          {"/instructor/rubric.xhtml", "rubricForm", "rubricForm:save"}
        }) {
      Map<String, String> fields = new java.util.HashMap<>(form);
      fields.put(post[1], post[1]);
      fields.put(post[2], post[2]);
      fields.put("settingsForm:title", "Kapret");
      fields.put("jakarta.faces.ViewState", "-1:-1");
      forgedPosts.put(post[0], fields);
    }
    WebClient otherCourse = signedIn("instructor.horsens");
    for (String path : pages) {
      assertAnswers(403, otherCourse.get(path), "instructor of another course: " + path);
    }
    for (var post : forgedPosts.entrySet()) {
      HttpResponse<String> foreignPost = otherCourse.post(post.getKey(), post.getValue());
      assertEquals(400, foreignPost.statusCode(), "no view to post from: " + post.getKey());
      assertTrue(foreignPost.body().contains("Siden er udløbet"), post.getKey());
      assertNoStackTrace(foreignPost);
    }
    for (String user : List.of("learner", "hr", "admin")) {
      WebClient other = signedIn(user);
      for (String path : pages) {
        assertEquals(403, other.get(path).statusCode(), user + " " + path);
      }
      for (var post : forgedPosts.entrySet()) {
        assertEquals(
            403,
            other.post(post.getKey(), post.getValue()).statusCode(),
            user + " POST " + post.getKey());
      }
    }
    WebClient anonymous = new WebClient();
    for (String path : pages) {
      assertEquals(302, anonymous.get(path).statusCode(), "anonymous: " + path);
    }
    for (var post : forgedPosts.entrySet()) {
      assertEquals(
          302,
          anonymous.post(post.getKey(), post.getValue()).statusCode(),
          "anonymous POST " + post.getKey());
    }
    assertFalse(instructor.get(settings).body().contains("Kapret"), "the settings unchanged");
    assertTrue(instructor.get(list).body().contains("Adgangstest"), "still there");

    HttpResponse<String> removed =
        instructor.pressButton(one, "extensionForm", "extensionForm:remove", Map.of());
    assertEquals(302, removed.statusCode(), removed.body());
    assertFalse(instructor.get(list).body().contains("Adgangstest"), "removed");
  }

  @Test
  void feedbackFilesAreForTheCoursesInstructorsAndForTheirLearnerOnlyOnceReleased()
      throws Exception {
    // The demo's graded reflection of Mette Skov ("learner") came with the instructor's PDF.
    WebClient owner = signedIn("learner");
    String assignment = firstAssignmentOf(owner);
    String released =
        firstMatch(
            owner,
            "/learner/assignment.xhtml?id=" + assignment,
            "/learner/feedback-file\\?id=(\\d+)");
    String learnerCopy = "/learner/feedback-file?id=" + released;
    String gradersCopy = "/instructor/feedback-file?id=" + released;
    HttpResponse<String> mine = owner.get(learnerCopy);
    assertEquals(200, mine.statusCode());
    assertTrue(mine.body().startsWith("%PDF"), "the PDF itself");
    assertEquals("nosniff", mine.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-store", mine.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(
        mine.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));

    HttpResponse<String> shown = owner.get(learnerCopy + "&inline=1");
    assertEquals(200, shown.statusCode());
    assertInline(shown, "application/pdf");

    // A waiting submission of the instructor's course: a file attached there is not yet shown.
    WebClient instructor = signedIn("instructor");
    String waiting = waitingSubmissionOf(instructor, "Karsten Møller");
    String upload = "/instructor/feedback-upload?submission=" + waiting;
    byte[] large = java.util.Arrays.copyOf(PDF, 3 * 1024 * 1024);
    assertEquals(
        403,
        instructor
            .postFile(upload, "feedbackFile", "k.pdf", PDF, "http://evil.example")
            .statusCode(),
        "cross-site");
    HttpResponse<String> attached =
        instructor.postFile(upload, "feedbackFile", "k.pdf", large, null);
    assertEquals(302, attached.statusCode(), "a 3 MB file passes the body limit of a file form");
    String location = attached.headers().firstValue("Location").orElse("");
    assertTrue(location.contains("submission.xhtml?id=" + waiting), location);
    assertTrue(location.contains("feedback=OK"), location);
    String waitingFile =
        firstMatch(
            instructor,
            "/instructor/submission.xhtml?id=" + waiting,
            "/instructor/feedback-file\\?id=(\\d+)");
    String unreleased = "/learner/feedback-file?id=" + waitingFile;
    String remove = upload + "&remove=" + waitingFile;

    for (String path : List.of(gradersCopy, "/instructor/feedback-file?id=" + waitingFile)) {
      assertEquals(200, instructor.get(path).statusCode(), path);
      assertInline(instructor.get(path + "&inline=1"), "application/pdf");
    }
    assertEquals(404, instructor.get("/instructor/feedback-file?id=999999").statusCode());
    assertEquals(404, instructor.get("/instructor/feedback-file?id=x").statusCode());
    assertEquals(
        404,
        instructor
            .postFile(
                "/instructor/feedback-upload?submission=999999", "feedbackFile", "k.pdf", PDF, null)
            .statusCode());

    WebClient karsten = signedIn("karsten.moeller");
    assertEquals(404, karsten.get(unreleased).statusCode(), "not released: not there for him");
    WebClient colleague = signedIn("anna.jensen");
    for (String path :
        List.of(
            learnerCopy,
            learnerCopy + "&inline=1",
            unreleased + "&inline=1",
            "/learner/feedback-file?id=999999")) {
      assertAnswers(404, colleague.get(path), "another learner: " + path);
    }

    WebClient otherCourse = signedIn("instructor.horsens");
    for (String path :
        List.of(
            gradersCopy,
            gradersCopy + "&inline=1",
            "/instructor/feedback-file?id=" + waitingFile + "&inline=1")) {
      assertAnswers(403, otherCourse.get(path), "instructor of another course: " + path);
    }
    assertEquals(
        403, otherCourse.postFile(upload, "feedbackFile", "k.pdf", PDF, null).statusCode());
    assertEquals(403, otherCourse.postFromThisSite(remove, Map.of()).statusCode());

    for (String user : List.of("learner", "hr", "admin")) {
      WebClient other = signedIn(user);
      assertEquals(403, other.get(gradersCopy).statusCode(), user);
      assertEquals(403, other.get(gradersCopy + "&inline=1").statusCode(), user);
      assertEquals(
          403, other.postFile(upload, "feedbackFile", "k.pdf", PDF, null).statusCode(), user);
      assertEquals(403, other.postFromThisSite(remove, Map.of()).statusCode(), user);
    }
    for (String user : List.of("instructor", "hr", "admin")) {
      WebClient other = signedIn(user);
      assertEquals(403, other.get(learnerCopy).statusCode(), user);
      assertEquals(403, other.get(learnerCopy + "&inline=1").statusCode(), user);
    }
    WebClient anonymous = new WebClient();
    for (String path :
        List.of(learnerCopy, gradersCopy, learnerCopy + "&inline=1", gradersCopy + "&inline=1")) {
      assertEquals(302, anonymous.get(path).statusCode(), "anonymous: " + path);
    }
    assertEquals(302, anonymous.postFile(upload, "feedbackFile", "k.pdf", PDF, null).statusCode());

    HttpResponse<String> removed = instructor.postFromThisSite(remove, Map.of());
    assertEquals(302, removed.statusCode());
    assertTrue(removed.headers().firstValue("Location").orElse("").contains("feedback=REMOVED"));
    assertEquals(404, instructor.get("/instructor/feedback-file?id=" + waitingFile).statusCode());
  }

  /**
   * A file sent for a page's "Vis" (ADR 16): inline, of the type detected, never sniffed or cached,
   * under a policy that runs no script and lets only this application frame it.
   */
  private static void assertInline(HttpResponse<String> response, String type) {
    assertEquals(200, response.statusCode());
    assertEquals(type, response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        response.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""));
    String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.startsWith("default-src 'none';"), policy);
    assertFalse(policy.contains("script-src"), "scripts fall back to none: " + policy);
    assertTrue(policy.contains("frame-ancestors 'self'"), policy);
  }

  /** The id of a learner's submission waiting in the instructor's grading queue, by their name. */
  private static String waitingSubmissionOf(WebClient instructor, String learner) throws Exception {
    for (String row : instructor.get("/instructor/queue.xhtml").body().split("<tr")) {
      if (row.contains(learner) && row.contains("submission.xhtml?id=")) {
        return PageLinks.matches(row, "submission\\.xhtml\\?id=(\\d+)").get(0);
      }
    }
    throw new AssertionError(learner + " has nothing waiting in the queue");
  }

  @Test
  void hrUsersSeeOnlyThePeopleOfTheirScopeInEveryPageAndExport() throws Exception {
    WebClient hr = signedIn("hr");
    String all = hr.get("/hr/index.xhtml").body();
    String course = PageLinks.matches(all, "<option value=\"(\\d+)\" selected=\"selected\"").get(0);
    String kolding = PageLinks.matches(all, "municipality=(\\d+)\">Kolding Kommune<").get(0);
    String skanderborg =
        PageLinks.matches(all, "municipality=(\\d+)\">Skanderborg Kommune<").get(0);
    String inKolding = "/hr/index.xhtml?course=" + course + "&municipality=" + kolding;
    String koldingPerson = firstMatch(hr, inKolding, "person\\.xhtml\\?id=(\\d+)");
    String person = "/hr/person.xhtml?id=" + koldingPerson + "&course=" + course;
    String csv = "/hr/report.csv?course=" + course + "&municipality=" + kolding;
    String xlsx = "/hr/report.xlsx?course=" + course + "&municipality=" + kolding;
    String pdf = "/hr/report.pdf?course=" + course + "&municipality=" + kolding;
    String remind = "/hr/remind.xhtml?course=" + course + "&municipality=" + kolding;
    String subscribe = "/hr/subscriptions.xhtml?course=" + course + "&municipality=" + kolding;
    List<String> outsideSkanderborg = List.of(inKolding, person, csv, xlsx, pdf, remind, subscribe);
    for (String path : outsideSkanderborg) {
      assertEquals(200, hr.get(path).statusCode(), "hr sees everyone: " + path);
    }

    WebClient local = signedIn("hr.skanderborg");
    String own = local.get("/hr/index.xhtml").body();
    assertTrue(own.contains("Skanderborg Kommune"));
    assertFalse(own.contains("Kolding"), "another municipality is not even named");
    for (String path : outsideSkanderborg) {
      assertAnswers(403, local.get(path), "hr.skanderborg: " + path);
    }
    HttpResponse<String> ownCsv = local.get("/hr/report.csv?course=" + course);
    assertEquals(200, ownCsv.statusCode());
    assertTrue(ownCsv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals("nosniff", ownCsv.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(ownCsv.body().contains("Skanderborg Kommune") && !ownCsv.body().contains("Kolding"));
    assertEquals(404, local.get("/hr/person.xhtml?id=999999999&course=" + course).statusCode());
    assertEquals(404, local.get("/hr/index.xhtml?course=999999").statusCode());

    WebClient manager = signedIn("karsten.moeller");
    String his =
        manager.get("/hr/index.xhtml?course=" + course + "&municipality=" + skanderborg).body();
    assertTrue(his.contains("Ry Bibliotek og Borgerservice"));
    assertFalse(his.contains(">Skanderborg Bibliotek<"), "a unit manager sees his unit only");

    for (String user : List.of("learner", "instructor", "admin")) {
      WebClient other = signedIn(user);
      for (String path :
          List.of(
              "/hr/index.xhtml",
              "/hr/tokens.xhtml",
              "/hr/remind.xhtml",
              "/hr/subscriptions.xhtml",
              person,
              csv,
              xlsx,
              pdf)) {
        assertEquals(403, other.get(path).statusCode(), user + ": " + path);
      }
    }
    assertEquals(200, local.get("/hr/tokens.xhtml").statusCode(), "his own tokens");
    assertEquals(200, local.get("/hr/remind.xhtml?course=" + course).statusCode());
    assertEquals(200, local.get("/hr/subscriptions.xhtml?course=" + course).statusCode());
    for (String path :
        List.of("/hr/index.xhtml", "/hr/tokens.xhtml", person, csv, xlsx, pdf, remind, subscribe)) {
      assertEquals(302, new WebClient().get(path).statusCode(), "anonymous: " + path);
    }
  }

  @Test
  void aCertificateIsTheLearnersOwnAndItsVerificationPageShowsOnlyNameCourseAndDate()
      throws Exception {
    WebClient hr = signedIn("hr");
    String all = hr.get("/hr/index.xhtml").body();
    String course = PageLinks.matches(all, "<option value=\"(\\d+)\" selected=\"selected\"").get(0);
    String anna =
        firstMatch(
            hr,
            "/hr/index.xhtml?course=" + course + "&status=COMPLETED",
            "person\\.xhtml\\?id=(\\d+)[^\"]*\">Anna Jensen<");
    String code =
        firstMatch(
            hr, "/hr/person.xhtml?id=" + anna + "&course=" + course, "/verify/([0-9A-Z]{26})\"");

    WebClient owner = signedIn("anna.jensen");
    HttpResponse<String> pdf = owner.get("/learner/certificate.pdf?course=" + course);
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    assertTrue(pdf.body().startsWith("%PDF"));
    WebClient notDone = signedIn("learner");
    assertEquals(404, notDone.get("/learner/certificate.pdf?course=" + course).statusCode());
    assertEquals(404, notDone.get("/learner/certificate.pdf?course=x").statusCode());
    assertEquals(
        302, new WebClient().get("/learner/certificate.pdf?course=" + course).statusCode());

    HttpResponse<String> verify = new WebClient().get("/verify/" + code);
    assertEquals(200, verify.statusCode());
    assertTrue(
        verify.body().contains("id=\"verify-valid\"") && verify.body().contains("Anna Jensen"));
    assertFalse(verify.body().contains("Borgerservice Skanderborg"), "not the organisation");
    assertTrue(
        new WebClient()
            .get("/verify/0000000000000000000000000Z")
            .body()
            .contains("verify-unknown"));

    WebClient local = signedIn("hr.skanderborg");
    String kolding = PageLinks.matches(all, "municipality=(\\d+)\">Kolding Kommune<").get(0);
    String koldingPerson =
        firstMatch(
            hr,
            "/hr/index.xhtml?course=" + course + "&municipality=" + kolding,
            "person\\.xhtml\\?id=(\\d+)");
    assertEquals(
        403, local.get("/hr/person.xhtml?id=" + koldingPerson + "&course=" + course).statusCode());
  }

  @Test
  void aStaleSessionIsSentToTheLoginPageWithTheExpiredMessage() throws Exception {
    WebClient client = signedIn("learner");
    client.get("/learner/dashboard.xhtml");
    client.expireSession();
    HttpResponse<String> response = client.get("/learner/dashboard.xhtml");
    assertEquals(302, response.statusCode());
    String location = response.headers().firstValue("Location").orElse("");
    assertTrue(
        location.endsWith("/login.xhtml?back=%2Flearner%2Fdashboard.xhtml&expired=true"), location);
    assertTrue(client.get("/login.xhtml?expired=true").body().contains("inaktiv for længe"));
  }

  @Test
  void anAjaxClickAfterTheSessionEndedIsRedirectedToTheLoginPage() throws Exception {
    HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            RunningApplication.baseUrl() + "/learner/lesson.xhtml?id=1"))
                    .header("Faces-Request", "partial/ajax")
                    .header("Cookie", "JSESSIONID=expired0000000000000000000000")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=b"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(
        response
            .body()
            .contains("<redirect url=\"/login.xhtml?interrupted=true&amp;expired=true\"/>"),
        response.body());
  }

  @Test
  void aClickAfterTheSessionEndedLeadsBackToItsPageByTheLoginAndIsNotDoneThere() throws Exception {
    WebClient stale = signedIn("learner");
    stale.expireSession();
    String back = "/learner/lesson.xhtml?id=1&pending=complete";
    HttpResponse<String> click =
        stale.post(
            "/learner/lesson.xhtml",
            Map.of(
                "lessonForm", "lessonForm",
                "lesson", "1",
                "back", back,
                "lessonForm:complete", "lessonForm:complete",
                "jakarta.faces.ViewState", "stateless"));
    assertEquals(302, click.statusCode());
    String location = click.headers().firstValue("Location").orElse("");
    assertTrue(
        location.endsWith(
            "/login.xhtml?back=%2Flearner%2Flesson.xhtml%3Fid%3D1%26pending%3Dcomplete"
                + "&interrupted=true&expired=true"),
        location);
    String loginPage = new WebClient().get(location.substring(location.indexOf("/login"))).body();
    assertTrue(loginPage.contains("er ikke blevet gemt"), "the login page says why");
    assertFalse(loginPage.contains("inaktiv for længe"), "one notice, not two");

    // Another site's address is no way back: the login only, without it.
    for (String elsewhere : List.of("//elsewhere.example/", "https://elsewhere.example/")) {
      HttpResponse<String> away =
          new WebClient().post("/learner/lesson.xhtml", Map.of("back", elsewhere, "lesson", "1"));
      assertEquals(
          "/login.xhtml?interrupted=true",
          away.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""),
          elsewhere);
    }
    assertTrue(
        new WebClient()
            .get("/login.xhtml?interrupted=true")
            .body()
            .contains("Log ind igen for at fortsætte."),
        "without a way back, the login page promises none");

    // After the login, the way back is a GET: it leads to the lesson with the marker, nothing more.
    WebClient again = new WebClient();
    HttpResponse<String> login = again.login("learner", "medborger", back);
    assertTrue(login.headers().firstValue("Location").orElse("").endsWith(back));
  }

  @ParameterizedTest
  @ValueSource(strings = {"learner", "instructor", "hr", "admin"})
  void everySignedInRoleStaysSignedInByPostOnlyAndAnonymousVisitorsGetNoSession(String user)
      throws Exception {
    WebClient client = signedIn(user);
    HttpResponse<String> stay = client.post("/session", Map.of());
    assertEquals(200, stay.statusCode(), stay.body());
    assertEquals("{\"seconds\":1800,\"warningSeconds\":120}", stay.body());
    assertEquals(405, client.get("/session").statusCode());
    assertEquals(403, client.post("/session", Map.of(), Map.of()).statusCode(), "not cross-site");

    WebClient anonymous = new WebClient();
    HttpResponse<String> none = anonymous.post("/session", Map.of());
    assertEquals(401, none.statusCode());
    assertEquals("{\"signedIn\":false}", none.body());
    assertNull(anonymous.sessionId(), "no session for an anonymous visitor");
    WebClient stale = signedIn(user);
    stale.expireSession();
    assertEquals(
        401, stale.post("/session", Map.of()).statusCode(), "an ended session stays ended");
  }

  @ParameterizedTest
  @ValueSource(strings = {"instructor", "hr", "admin"})
  void onlyALearnerMayUndoALessonOrCompleteItFromTheNoticeAfterALogin(String user)
      throws Exception {
    WebClient other = signedIn(user);
    assertEquals(403, other.pressLessonButton("1", "lessonForm:undo").statusCode());
    assertEquals(
        403,
        other
            .post(
                "/learner/lesson.xhtml",
                Map.of(
                    "pendingForm", "pendingForm",
                    "lesson", "1",
                    "pending", "complete",
                    "pendingForm:completeNow", "pendingForm:completeNow",
                    "jakarta.faces.ViewState", "stateless"))
            .statusCode());
  }

  @Test
  void sessionIdChangesAtLoginAndTheCookieIsHttpOnlyAndSameSite() throws Exception {
    WebClient client = new WebClient();
    client.get("/login.xhtml");
    assertNull(client.sessionId(), "the login page opens no session");
    client.expireSession();
    String planted = client.sessionId();
    HttpResponse<String> login = client.login("learner", "medborger");
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElse("");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    String first = cookie.replaceAll("^JSESSIONID=([^;]*).*", "$1");
    assertNotEquals(planted, first, "a session id planted before login is not taken");
    String second =
        client.login("learner", "medborger").headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElse("");
    assertFalse(second.startsWith("JSESSIONID=" + first), "every login gives a new session id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "learner", "instructor", "hr", "admin"})
  void everyoneSwitchesTheLanguageByPostOnlyAndNoOneReadsMetricsWithoutTheToken(String user)
      throws Exception {
    WebClient client = new WebClient();
    if (!user.isEmpty()) {
      client.login(user, "medborger");
    }
    assertEquals(405, client.get("/language?to=da").statusCode(), user);
    HttpResponse<String> post = client.post("/language", Map.of("to", "da", "back", "/"));
    assertEquals(302, post.statusCode(), user);
    assertEquals(401, client.get("/metrics").statusCode(), user);
    if (user.isEmpty()) {
      assertNull(client.sessionId(), "switching the language opens no session");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "learner", "instructor", "hr", "admin"})
  void onlyAnAdministratorReadsTheMailOutbox(String user) throws Exception {
    WebClient client = new WebClient();
    if (!user.isEmpty()) {
      client.login(user, "medborger");
    }
    for (String page :
        List.of(
            "/admin/outbox.xhtml",
            "/admin/outbox.xhtml?state=FAILED",
            "/admin/outbox.xhtml?state=%3Cscript%3E&page=x")) {
      HttpResponse<String> response = client.get(page);
      switch (user) {
        case "" -> {
          assertEquals(302, response.statusCode(), page);
          assertTrue(response.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
        }
        case "admin" -> {
          assertEquals(200, response.statusCode(), page);
          assertTrue(response.body().contains("id=\"smtp-state\""), page);
          assertFalse(response.body().contains("<script>&"), "the state is never echoed raw");
          assertNoStackTrace(response);
        }
        default -> assertEquals(403, response.statusCode(), user + " " + page);
      }
    }
  }

  @Test
  void wrongCredentialsDoNotLogIn() throws Exception {
    WebClient client = new WebClient();
    HttpResponse<String> response = client.login("learner", "wrong-password");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("Brugernavn eller adgangskode er forkert"));
    assertEquals(302, client.get("/learner/dashboard.xhtml").statusCode());
  }

  @Test
  void healthReportsTheDatabaseReady() throws Exception {
    HttpResponse<String> response = new WebClient().get("/health/ready");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"UP\""));
  }

  /** A client signed in as {@code user} (every demo user's password is the same). */
  private static WebClient signedIn(String user) throws Exception {
    WebClient client = new WebClient();
    client.login(user, "medborger");
    return client;
  }

  /** The first assignment of the learner's first course, found by its links. */
  private static String firstAssignmentOf(WebClient learner) throws Exception {
    String course = PageLinks.courses(learner.get("/learner/dashboard.xhtml").body()).get(0);
    return firstMatch(
        learner, "/learner/course.xhtml?id=" + course, "/learner/assignment\\.xhtml\\?id=(\\d+)");
  }

  /** The first group of {@code regex} in the page at {@code path}, as {@code client} sees it. */
  private static String firstMatch(WebClient client, String path, String regex) throws Exception {
    return PageLinks.matches(client.get(path).body(), regex).get(0);
  }

  /** The answer has {@code status}, on a page of the application's, not a stack trace. */
  private static void assertAnswers(int status, HttpResponse<String> response, String message) {
    assertEquals(status, response.statusCode(), message);
    assertNoStackTrace(response);
  }

  private static void assertNoStackTrace(HttpResponse<String> response) {
    assertFalse(response.body().contains("Caused by"), "no stack trace in the page");
    assertFalse(
        response.body().matches("(?s).*\\bat (dk|org|com|java|jakarta)\\.[\\w.$]+\\(.*"),
        "no stack trace in the page");
  }

  @Test
  void aForgedViewStateOnAPageOfNothingGetsTheExpiredPageNotAnError() throws Exception {
    // The page's getter answers 404 or 403 while Faces builds the posted view again; the post's
    // view state is then found bad, and that must decide the answer (the expired page, 400).
    WebClient instructor = new WebClient();
    instructor.login("instructor", "medborger");
    for (String path :
        List.of(
            "/instructor/quiz-settings.xhtml?id=999999",
            "/instructor/submission.xhtml?id=999999",
            "/instructor/submission.xhtml",
            "/instructor/assignment-settings.xhtml?id=999999")) {
      HttpResponse<String> response =
          instructor.post(path, Map.of("f", "f", "jakarta.faces.ViewState", "-1:-1"));
      assertEquals(400, response.statusCode(), path);
      assertTrue(response.body().contains("Siden er udløbet"), path);
      assertNoStackTrace(response);
    }
    assertEquals(404, instructor.get("/instructor/quiz-settings.xhtml?id=999999").statusCode());
  }
}
