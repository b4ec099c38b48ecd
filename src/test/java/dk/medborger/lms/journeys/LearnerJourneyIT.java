package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.BrowserJourney;
import dk.medborger.lms.testing.RunningApplication;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner's way through the course in a real browser against the real application: log in, see
 * the dashboard, continue, complete lessons, watch the progress move, log out, come back, and find
 * everything still there — also after the application restarts. axe-core checks every page.
 */
class LearnerJourneyIT extends BrowserJourney {

  private static int percentAfterWork;
  private static String resumeLessonTitle;

  @Test
  @Order(1)
  void anonymousVisitorIsSentToTheLoginPage() {
    browser.go("/learner/dashboard.xhtml");
    browser.waitFor(By.id("login:username"));
    assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"));
    assertEquals("da", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
    browser.assertAccessible("login");
  }

  @Test
  @Order(2)
  void wrongPasswordAndUnknownUserGetTheSameDanishMessage() {
    browser.loginAs("learner", "forkert");
    String wrongPassword = browser.text(By.cssSelector(".message--error"));
    browser.loginAs("ingen.saadan.bruger", "medborger");
    String unknownUser = browser.text(By.cssSelector(".message--error"));
    assertEquals(wrongPassword, unknownUser);
    assertTrue(wrongPassword.contains("Brugernavn eller adgangskode er forkert"), wrongPassword);
    browser.assertAccessible("login-failed");
  }

  @Test
  @Order(2)
  void loginErrorsStandAtTheirFieldsWhichAreMarkedInvalidAndTheFocusMovesToTheFirst() {
    browser.loginAs("learner", "forkert");
    WebElement password = browser.find(By.id("login:password"));
    assertEquals("true", password.getAttribute("aria-invalid"));
    assertEquals(
        password, browser.driver().switchTo().activeElement(), "focus on the field to fix");
    assertTrue(
        browser
            .driver()
            .findElement(By.id(password.getAttribute("aria-describedby")))
            .getText()
            .contains("Brugernavn eller adgangskode er forkert"),
        "the error is linked to its field");
    assertEquals("2px", password.getCssValue("border-top-width"), "and visibly marked");

    // Nothing typed: each field says what is missing, and the focus goes to the first.
    browser.go("/login.xhtml");
    browser.find(By.id("login:submit")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(
            d ->
                "true".equals(d.findElement(By.id("login:username")).getAttribute("aria-invalid")));
    WebElement username = browser.find(By.id("login:username"));
    assertEquals("true", browser.find(By.id("login:password")).getAttribute("aria-invalid"));
    assertEquals(username, browser.driver().switchTo().activeElement());
    assertEquals("Skriv dit brugernavn.", browser.text(By.id("login:username-error")));
    assertEquals("Skriv din adgangskode.", browser.text(By.id("login:password-error")));
    browser.assertAccessible("login-empty");
  }

  @Test
  @Order(3)
  void learnerCompletesLessonsAndSeesTheProgressBarMove() {
    browser.loginAs("learner", "medborger");
    browser.waitFor(By.cssSelector(".course-card"));
    browser.assertAccessible("dashboard");
    int before = dashboardPercent();

    browser.find(By.cssSelector(".course-card .continue-button")).click();
    browser.waitFor(By.cssSelector(".lesson-content"));
    browser.assertAccessible("lesson");
    completeCurrentLesson();

    browser.find(By.id("lesson-next")).click();
    browser.waitFor(By.cssSelector(".lesson-content"));
    completeCurrentLesson();
    String nextId = idIn(browser.find(By.id("lesson-next")).getAttribute("href"));

    browser.find(By.cssSelector(".breadcrumb li:nth-child(2) a")).click();
    browser.waitFor(By.cssSelector(".modules"));
    browser.assertAccessible("course");
    assertTrue(
        browser.driver().findElements(By.cssSelector(".module--LOCKED .notice--locked")).size() > 0,
        "later modules are locked, with the reason");

    browser.go("/learner/dashboard.xhtml");
    percentAfterWork = dashboardPercent();
    assertTrue(percentAfterWork > before, before + " -> " + percentAfterWork);

    // The last completed lesson ends its module: continue leads to the module's quiz.
    browser.find(By.cssSelector(".course-card .continue-button")).click();
    browser.waitFor(By.cssSelector(".quiz-overview"));
    assertEquals(
        nextId,
        idIn(browser.driver().getCurrentUrl()),
        "continue leads on after the last completed lesson");
    resumeLessonTitle = browser.text(By.tagName("h1"));
  }

  @Test
  @Order(4)
  void learnerLogsOutAndResumesWhereTheyWereAfterLoggingInAgain() {
    browser.find(By.id("logout")).click();
    browser.waitFor(By.cssSelector(".notice--info"));
    assertTrue(browser.driver().getCurrentUrl().contains("loggedOut=true"));
    assertEquals("status", browser.find(By.id("logged-out")).getAttribute("role"));
    browser.loginAs("learner", "medborger");
    assertResumesWhereTheyWere();
  }

  @Test
  @Order(5)
  void progressSurvivesARestartOfTheApplication() throws Exception {
    RunningApplication.restart();
    browser.driver().manage().deleteAllCookies();
    browser.loginAs("learner", "medborger");
    assertResumesWhereTheyWere();
  }

  @Test
  @Order(6)
  void languageCanBeSwitchedToEnglishAndIsRememberedForTheUser() {
    browser.go("/learner/dashboard.xhtml");
    browser.switchLanguage("en");
    assertEquals("My courses", browser.text(By.tagName("h1")));
    assertEquals("en", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
    browser.assertAccessible("dashboard-en");
    browser.find(By.id("logout")).click();
    browser.driver().manage().deleteAllCookies();
    browser.loginAs("learner", "medborger");
    assertEquals("My courses", browser.text(By.tagName("h1")));
    browser.switchLanguage("da");
    assertEquals("Mine kurser", browser.text(By.tagName("h1")));
  }

  @Test
  @Order(7)
  void errorPagesAreFriendlyAndAccessible() {
    browser.go("/learner/lesson.xhtml?id=abc");
    assertEquals("Siden findes ikke", browser.text(By.tagName("h1")));
    browser.assertAccessible("error-404");
    browser.go("/admin/index.xhtml");
    assertEquals("Ingen adgang", browser.text(By.tagName("h1")));
    browser.assertAccessible("error-403");
  }

  @Test
  @Order(8)
  void aLearnerCanDoEverythingWithTheKeyboardAloneAndSeesWhereTheFocusIs() {
    browser.driver().manage().deleteAllCookies();
    browser.go("/login.xhtml");
    browser.tab();
    assertEquals("Gå til indhold", browser.active().getText(), "the skip link comes first");
    browser.tabTo(e -> "login:username".equals(e.getAttribute("id")));
    assertNotEquals("none", browser.active().getCssValue("outline-style"), "focus is visible");
    browser.active().sendKeys("maria.sorensen");
    browser.tab();
    browser.active().sendKeys("medborger", Keys.ENTER);
    browser.waitFor(By.cssSelector(".course-card"));

    browser.tabTo(
        e ->
            e.getAttribute("class") != null && e.getAttribute("class").contains("continue-button"));
    assertNotEquals("none", browser.active().getCssValue("outline-style"));
    browser.active().sendKeys(Keys.ENTER);
    browser.waitFor(By.cssSelector(".lesson-content"));

    browser.tabTo(e -> "lessonForm:complete".equals(e.getAttribute("id")));
    browser.active().sendKeys(Keys.ENTER);
    browser.waitFor(By.id("lessonForm:completedBadge"));
  }

  @Test
  @Order(9)
  void inACourseThatCompletesOnReachingTheEndScrollingToTheEndCompletesTheLesson() {
    browser.driver().manage().deleteAllCookies();
    browser.loginAs("anna.jensen", "medborger");
    browser.find(By.partialLinkText("Lær mere om it")).click();
    browser.waitFor(By.cssSelector(".modules"));
    browser.find(By.cssSelector(".activity--NOT_STARTED .activity__link")).click();
    browser.waitFor(By.cssSelector(".lesson-content"));
    assertTrue(
        browser.driver().findElements(By.id("lessonForm:complete")).isEmpty(),
        "no button: reaching the end completes the lesson");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("window.scrollTo(0, document.body.scrollHeight)");
    browser.waitFor(By.id("lessonForm:completedBadge"));
    browser.assertAccessible("lesson-on-reaching-end");
  }

  private void assertResumesWhereTheyWere() {
    browser.waitFor(By.cssSelector(".course-card"));
    assertEquals(percentAfterWork, dashboardPercent());
    browser.find(By.cssSelector(".course-card .continue-button")).click();
    browser.waitFor(By.cssSelector("h1"));
    assertEquals(resumeLessonTitle, browser.text(By.tagName("h1")));
  }

  private void completeCurrentLesson() {
    int before = lessonPercent();
    browser.find(By.id("lessonForm:complete")).click();
    browser.waitFor(By.id("lessonForm:completedBadge"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> lessonPercent() != before);
    assertNotEquals(before, lessonPercent());
  }

  private int lessonPercent() {
    return Integer.parseInt(
        browser
            .driver()
            .findElement(By.cssSelector("#lessonStatus .progress__value"))
            .getAttribute("data-percent"));
  }

  private int dashboardPercent() {
    return Integer.parseInt(
        browser.find(By.cssSelector(".course-card .progress__value")).getAttribute("data-percent"));
  }

  private static String idIn(String url) {
    return url.replaceAll(".*[?&]id=(\\d+).*", "$1");
  }
}
