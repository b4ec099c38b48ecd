package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.AtOnce;
import dk.medborger.lms.testing.PageLinks;
import dk.medborger.lms.testing.RunningApplication;
import dk.medborger.lms.testing.WebClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What hostile traffic finds (issue 7): anonymous requests open no session, state changes only by a
 * POST from this application's pages, the security headers are there, odd requests get the
 * application's own pages with a 4xx, and failed logins are throttled and cost a password check
 * whether the user exists or not.
 */
@ExtendWith(RunningApplication.class)
class HostileRequestsIT {

  @Test
  void anonymousRequestsOpenNoSession() throws Exception {
    String longQuery = "x".repeat(900);
    for (String path :
        List.of(
            "/login.xhtml",
            "/",
            "/login.xhtml?expired=true",
            "/learner/dashboard.xhtml",
            "/learner/course.xhtml?id=1&q=" + longQuery,
            "/learner/course.xhtml?id=1&q=" + longQuery + longQuery,
            "/no/such/page.xhtml")) {
      WebClient anonymous = new WebClient();
      HttpResponse<String> response = anonymous.get(path);
      assertTrue(response.statusCode() < 500, path + ": " + response.statusCode());
      assertNull(anonymous.sessionId(), path + " opened a session");
    }
  }

  @Test
  void afterLoginTheUserReturnsToThePageAskedForAndNeverToAnotherSite() throws Exception {
    WebClient learner = new WebClient();
    HttpResponse<String> asked = learner.get("/learner/course.xhtml?id=1");
    String location = asked.headers().firstValue("Location").orElse("");
    assertTrue(location.contains("/login.xhtml?back=%2Flearner%2Fcourse.xhtml%3Fid%3D1"), location);
    HttpResponse<String> login =
        learner.login("learner", "medborger", "/learner/course.xhtml?id=1");
    assertEquals(302, login.statusCode());
    assertTrue(
        login.headers().firstValue("Location").orElse("").endsWith("/learner/course.xhtml?id=1"));

    for (String elsewhere : List.of("//evil.example/", "/\\evil.example", "https://evil.example")) {
      HttpResponse<String> other = new WebClient().login("learner", "medborger", elsewhere);
      assertTrue(
          other.headers().firstValue("Location").orElse("").endsWith("/learner/dashboard.xhtml"),
          elsewhere);
    }
  }

  @Test
  void aLoginPageOpenForHoursStillLogsInAtTheFirstTry() throws Exception {
    // The page is stateless: what it posts holds nothing that could expire.
    WebClient client = new WebClient();
    HttpResponse<String> page = client.get("/login.xhtml");
    assertTrue(page.body().contains("value=\"stateless\""), "stateless login form");
    client.expireSession();
    HttpResponse<String> login = client.login("learner", "medborger");
    assertEquals(302, login.statusCode());
  }

  @Test
  void theLanguageChosenBeforeLoginIsKeptAndStoredForTheUser() throws Exception {
    WebClient client = new WebClient();
    HttpResponse<String> switched =
        client.post("/language", Map.of("to", "en", "back", "/login.xhtml"));
    assertEquals(302, switched.statusCode());
    assertNull(client.sessionId(), "switching the language opens no session");
    assertEquals("en", client.cookie("medborger-language"));
    assertEquals("en", pageLanguage(client.get("/login.xhtml").body()));
    client.login("ole.frederiksen", "medborger");
    assertTrue("en".equals(pageLanguage(client.get("/learner/dashboard.xhtml").body())));

    WebClient elsewhere = new WebClient();
    elsewhere.login("ole.frederiksen", "medborger");
    assertTrue(
        "en".equals(pageLanguage(elsewhere.get("/learner/dashboard.xhtml").body())),
        "stored for the user");
    elsewhere.post("/language", Map.of("to", "da", "back", "/learner/dashboard.xhtml"));
    assertTrue("da".equals(pageLanguage(elsewhere.get("/learner/dashboard.xhtml").body())));
  }

  @Test
  void aLanguageLinkFromAnotherSiteChangesNothing() throws Exception {
    WebClient learner = new WebClient();
    learner.login("lars.christensen", "medborger");
    HttpResponse<String> get = learner.get("/language?to=en&back=/learner/dashboard.xhtml");
    assertEquals(405, get.statusCode());
    assertNoStackTrace(get);
    HttpResponse<String> crossSite =
        learner.post(
            "/language",
            Map.of("to", "en"),
            Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
    assertEquals(403, crossSite.statusCode());
    assertTrue("da".equals(pageLanguage(learner.get("/learner/dashboard.xhtml").body())));
  }

  @Test
  void aGetCarryingAViewStateCompletesNoLesson() throws Exception {
    WebClient learner = new WebClient();
    learner.login("fatima.hussein", "medborger");
    String course = PageLinks.courses(learner.get("/learner/dashboard.xhtml").body()).get(0);
    String before = learner.get("/learner/course.xhtml?id=" + course).body();
    String lesson = PageLinks.lessons(before).get(1);
    HttpResponse<String> response =
        learner.get(
            "/learner/lesson.xhtml?lessonForm=lessonForm&lesson="
                + lesson
                + "&lessonForm%3Acomplete=x&jakarta.faces.ViewState=stateless");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("Forkert forespørgsel"), response.body());
    assertEquals(states(before), states(learner.get("/learner/course.xhtml?id=" + course).body()));
  }

  @Test
  void aPostFromAnotherPortOrWithoutOriginChangesNothing() throws Exception {
    WebClient learner = new WebClient();
    learner.login("fatima.hussein", "medborger");
    String course = PageLinks.courses(learner.get("/learner/dashboard.xhtml").body()).get(0);
    String before = learner.get("/learner/course.xhtml?id=" + course).body();
    String lesson = PageLinks.lessons(before).get(1);
    Map<String, String> form =
        Map.of(
            "lessonForm",
            "lessonForm",
            "lesson",
            lesson,
            "lessonForm:complete",
            "x",
            "jakarta.faces.ViewState",
            "stateless");
    String otherPort = RunningApplication.baseUrl().replaceAll(":\\d+$", ":1");
    for (Map<String, String> headers :
        List.of(
            Map.of("Origin", otherPort, "Sec-Fetch-Site", "same-site"),
            Map.of("Origin", otherPort),
            Map.<String, String>of())) {
      HttpResponse<String> complete = learner.post("/learner/lesson.xhtml", form, headers);
      assertEquals(403, complete.statusCode(), headers.toString());
      assertTrue(complete.body().contains("Handlingen blev afvist"), complete.body());
      HttpResponse<String> logout = learner.post("/logout", Map.of(), headers);
      assertEquals(403, logout.statusCode(), headers.toString());
    }
    assertEquals(200, learner.get("/learner/dashboard.xhtml").statusCode(), "still signed in");
    assertEquals(states(before), states(learner.get("/learner/course.xhtml?id=" + course).body()));
    HttpResponse<String> own = learner.pressLessonButton(lesson, "lessonForm:complete");
    assertTrue(own.statusCode() < 400, "the page's own post works: " + own.statusCode());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndNoServerVersion() throws Exception {
    WebClient learner = new WebClient();
    HttpResponse<String> login = learner.get("/login.xhtml");
    learner.login("learner", "medborger");
    HttpResponse<String> dashboard = learner.get("/learner/dashboard.xhtml");
    for (HttpResponse<String> r : List.of(login, dashboard)) {
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'self'"), csp);
      assertTrue(csp.contains("img-src 'self'"), csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""));
      assertTrue(r.headers().firstValue("Server").isEmpty(), r.headers().toString());
      assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), r.headers().toString());
    }
    assertEquals("no-store", dashboard.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty(), "plain HTTP");
    HttpResponse<String> claimed =
        learner.send(
            HttpRequest.newBuilder(WebClient.uri("/login.xhtml"))
                .header("X-Forwarded-Proto", "https"));
    assertTrue(
        claimed.headers().firstValue("Strict-Transport-Security").isEmpty(),
        "X-Forwarded-Proto is believed only with MEDBORGER_FORWARDED_HEADERS=true");
  }

  @Test
  void oddRequestsGetTheApplicationsOwnPagesWith4xx() throws Exception {
    WebClient client = new WebClient();
    HttpResponse<String> getLogout = client.get("/logout");
    assertEquals(405, getLogout.statusCode());
    assertTrue(getLogout.body().contains("Det kan man ikke her"), getLogout.body());

    HttpResponse<String> tooLarge =
        client.send(
            HttpRequest.newBuilder(WebClient.uri("/login.xhtml"))
                .header("Origin", RunningApplication.baseUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(10 * 1024 * 1024))));
    assertEquals(413, tooLarge.statusCode());
    assertTrue(tooLarge.body().contains("For meget på én gang"), tooLarge.body());

    WebClient learner = new WebClient();
    learner.login("learner", "medborger");
    String course = PageLinks.courses(learner.get("/learner/dashboard.xhtml").body()).get(0);
    String quiz =
        PageLinks.matches(
                learner.get("/learner/course.xhtml?id=" + course).body(),
                "/learner/quiz\\.xhtml\\?id=(\\d+)")
            .get(0);
    HttpResponse<String> forged =
        learner.post(
            "/learner/quiz.xhtml?id=" + quiz,
            Map.of(
                "quizForm", "quizForm",
                "quiz", quiz,
                "quizForm:start", "x",
                "jakarta.faces.ViewState", "-123456789:forged"));
    assertEquals(400, forged.statusCode());
    assertTrue(forged.body().contains("Siden er udløbet"), forged.body());
    for (HttpResponse<String> r : List.of(getLogout, tooLarge, forged)) {
      assertNoStackTrace(r);
    }
  }

  @Test
  void repeatedFailedLoginsLockTheUserNameAndSaySoInPlainDanish() throws Exception {
    WebClient client = new WebClient();
    String name = "no.such.user." + System.nanoTime();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = client.login(name, "wrong");
      assertEquals(200, wrong.statusCode());
      assertTrue(wrong.body().contains("Brugernavn eller adgangskode er forkert"));
    }
    HttpResponse<String> locked = client.login(name, "wrong");
    assertEquals(429, locked.statusCode());
    assertTrue(locked.body().contains("for mange forkerte forsøg"), locked.body());
    HttpResponse<String> stillLocked = client.login(name, "wrong");
    assertEquals(429, stillLocked.statusCode());
  }

  @Test
  void anUnknownUserNameCostsAPasswordCheckAsAKnownOneDoes() throws Exception {
    double before = passwordChecks();
    new WebClient().login("nobody." + System.nanoTime(), "whatever");
    assertEquals(before + 1, passwordChecks(), "the unknown user's password was hashed too");
    new WebClient().login("learner", "wrong-again");
    assertEquals(before + 2, passwordChecks());
  }

  @Test
  void metricsNeedTheMonitoringToken() throws Exception {
    WebClient client = new WebClient();
    assertEquals(401, client.get("/metrics").statusCode());
    client.login("admin", "medborger");
    assertEquals(401, client.get("/metrics").statusCode(), "a signed-in admin is no monitor");
    assertEquals(
        401,
        client
            .send(
                HttpRequest.newBuilder(WebClient.uri("/metrics"))
                    .header("Authorization", "Bearer wrong"))
            .statusCode());
    assertEquals(200, metrics().statusCode());
  }

  @Test
  void healthTellsWhetherTheHeapHasRoom() throws Exception {
    HttpResponse<String> ready = new WebClient().get("/health/ready");
    assertEquals(200, ready.statusCode());
    assertTrue(ready.body().contains("\"memory\""), ready.body());
  }

  @Test
  void manyLoginsAtOnceAreAnsweredBusyNeverWithAnError() throws Exception {
    String form = form("learner", "medborger");
    List<HttpResponse<String>> answers =
        AtOnce.run(
            12,
            i ->
                new WebClient()
                    .send(
                        HttpRequest.newBuilder(WebClient.uri("/login.xhtml"))
                            .header("Origin", RunningApplication.baseUrl())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))));
    int busy = 0;
    for (HttpResponse<String> r : answers) {
      assertTrue(r.statusCode() == 302 || r.statusCode() == 503, "status " + r.statusCode());
      if (r.statusCode() == 503) {
        busy++;
        assertTrue(WebClient.isBusy(r.body()), r.body());
      }
    }
    assertTrue(busy > 0, "12 logins at once, one password check at a time: some are told to wait");
  }

  private static String form(String user, String password) {
    return "login=login&login%3Ausername="
        + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&login%3Apassword="
        + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&login%3Asubmit=&jakarta.faces.ViewState=stateless";
  }

  private static HttpResponse<String> metrics() throws Exception {
    return new WebClient()
        .send(
            HttpRequest.newBuilder(WebClient.uri("/metrics?scope=application"))
                .header("Authorization", "Bearer " + RunningApplication.METRICS_TOKEN));
  }

  private static double passwordChecks() throws Exception {
    String body = metrics().body();
    Matcher m =
        Pattern.compile("(?m)^medborger_password_checks_total(?:\\{[^}]*\\})?\\s+([0-9.Ee+-]+)")
            .matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** The language the page says it is in ({@code <html lang>}). */
  private static String pageLanguage(String html) {
    Matcher m = Pattern.compile("<html[^>]*\\slang=\"(\\w+)\"").matcher(html);
    return m.find() ? m.group(1) : null;
  }

  private static List<String> states(String html) {
    return PageLinks.matches(html, "class=\"activity activity--(\\w+)\"");
  }

  private static void assertNoStackTrace(HttpResponse<String> response) {
    assertFalse(response.body().contains("Caused by"), "no stack trace in the page");
    assertFalse(
        response.body().matches("(?s).*\\bat (dk|org|com|java|jakarta)\\.[\\w.$]+\\(.*"),
        "no stack trace in the page");
  }
}
