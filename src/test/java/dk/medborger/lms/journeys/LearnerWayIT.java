package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.BrowserJourney;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The learner's way through a course, as a review with a screen reader, a phone and an interrupted
 * employee found it (issue 6): where am I, how long is left, is it overdue and whom do I ask; the
 * way forward never leads into a locked module; completing a lesson is announced and focus lands on
 * the result; Danish content is marked Danish in the English interface; nothing scrolls sideways at
 * 320 px. {@code camilla.thomsen} has done one lesson and is two days overdue.
 */
class LearnerWayIT extends BrowserJourney {

  private static String lostClickLesson;

  @BeforeAll
  static void logIn() {
    browser.loginAs("camilla.thomsen", "medborger");
  }

  @Test
  @Order(1)
  void theCoursePageSaysHowLateTheLearnerIsWhatIsLeftAndWhomToAsk() {
    browser.go("/learner/dashboard.xhtml");
    assertTrue(browser.text(By.cssSelector(".overdue-warning")).contains("2 dage"));
    browser.find(By.cssSelector(".course-card__title a")).click();
    browser.waitFor(By.id("overdue"));
    String overdue = browser.text(By.id("overdue"));
    assertTrue(overdue.contains("2 dage siden"), overdue);
    assertTrue(overdue.contains("Du mangler"), overdue);
    assertTrue(overdue.contains("Henrik Andersen"), "the unit's manager: " + overdue);
    assertTrue(overdue.contains("Jens Holm"), "the course's instructor: " + overdue);
    assertTrue(browser.text(By.id("course-time")).contains("min."));
    assertTrue(browser.text(By.id("continue")).contains(":"), "continue says what it opens");
    browser.assertAccessible("course-overdue");
  }

  @Test
  @Order(2)
  void theLessonPageSaysWhereTheLearnerIsAndTheCourseIndexOpensByKeyboard() {
    browser.find(By.id("continue")).click();
    browser.waitFor(By.cssSelector(".lesson-content"));
    String place = browser.text(By.id("lesson-place"));
    assertTrue(place.startsWith("Modul 1:"), place);
    assertTrue(place.contains("Aktivitet 2 af 5"), place); // 3 lessons, the quiz, the reflection
    assertTrue(browser.driver().findElement(By.id("overdue")).isDisplayed());
    WebElement summary = browser.find(By.cssSelector("#course-index > summary"));
    assertFalse(
        browser.driver().findElement(By.cssSelector("#course-index .modules")).isDisplayed());
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus()", summary);
    summary.sendKeys(Keys.ENTER);
    assertTrue(
        browser.driver().findElement(By.cssSelector("#course-index .modules")).isDisplayed());
    browser.assertAccessible("lesson-with-index");
  }

  @Test
  @Order(3)
  void markingALessonCompletedIsAnnouncedInARegionThatWasThereBeforeAndFocusLandsOnTheResult() {
    WebElement region = browser.driver().findElement(By.id("lesson-announce"));
    assertEquals("", region.getText());
    browser.find(By.id("lessonForm:complete")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> !region.getAttribute("textContent").isBlank());
    assertTrue(region.getAttribute("textContent").contains("gennemført"));
    assertEquals(
        "lessonForm:completedBadge",
        browser.driver().switchTo().activeElement().getAttribute("id"),
        "focus lands on the result, not on the page's body");
    assertTrue(
        browser.find(By.id("lesson-next")).getAttribute("class").equals("button"),
        "once completed, moving on is the primary action");
  }

  @Test
  @Order(4)
  void theWayForwardNeverLeadsIntoALockedModule() {
    browser.go("/learner/dashboard.xhtml");
    browser.find(By.cssSelector(".course-card__title a")).click();
    browser.waitFor(By.cssSelector(".modules"));
    // The module ends with its quiz and then its reflection; after that comes the next module.
    browser.find(By.cssSelector("a.activity__link[href*='/learner/quiz.xhtml']")).click();
    browser.waitFor(By.cssSelector(".quiz-overview"));
    browser.find(By.id("activity-next")).click();
    browser.waitFor(By.cssSelector(".assignment-page"));
    assertTrue(
        browser.driver().findElements(By.id("activity-next")).isEmpty(),
        "the next module is locked: no link into it");
    assertTrue(browser.driver().findElement(By.id("next-locked")).isDisplayed());
    assertTrue(browser.driver().findElement(By.id("activity-back-to-course")).isDisplayed());
  }

  @Test
  @Order(5)
  void danishContentIsMarkedDanishInTheEnglishInterface() {
    browser.go("/learner/dashboard.xhtml");
    browser.switchLanguage("en");
    browser.find(By.cssSelector(".course-card .continue-button")).click();
    browser.waitFor(By.tagName("h1"));
    assertEquals("da", browser.driver().findElement(By.tagName("h1")).getAttribute("lang"));
    List<WebElement> content =
        browser.driver().findElements(By.cssSelector(".lesson-content, .quiz-intro"));
    assertFalse(content.isEmpty());
    assertEquals("da", content.get(0).getAttribute("lang"));
    browser.assertAccessible("activity-en");
    browser.switchLanguage("da");
    assertTrue(
        browser.driver().findElement(By.tagName("h1")).getAttribute("lang") == null
            || browser.driver().findElement(By.tagName("h1")).getAttribute("lang").isEmpty(),
        "no lang attribute where the interface is Danish too");
  }

  @Test
  @Order(6)
  void noLearnerPageScrollsSidewaysAt320Pixels() {
    browser.driver().manage().window().setSize(new Dimension(320, 800));
    try {
      browser.go("/learner/dashboard.xhtml");
      String course = browser.find(By.cssSelector(".course-card__title a")).getAttribute("href");
      List<String> pages = new ArrayList<>(List.of("/learner/dashboard.xhtml"));
      pages.add(course.substring(course.indexOf("/learner/")));
      browser.driver().get(course);
      for (WebElement link :
          browser.driver().findElements(By.cssSelector("#main a.activity__link"))) {
        String href = link.getAttribute("href");
        if (pages.stream().noneMatch(p -> p.contains("lesson")) && href.contains("lesson.xhtml")
            || pages.stream().noneMatch(p -> p.contains("quiz.xhtml"))
                && href.contains("quiz.xhtml")
            || pages.stream().noneMatch(p -> p.contains("assignment.xhtml"))
                && href.contains("assignment.xhtml")) {
          pages.add(href.substring(href.indexOf("/learner/")));
        }
      }
      for (String page : pages) {
        browser.go(page);
        browser.waitFor(By.tagName("h1"));
        Number overflow =
            (Number)
                ((JavascriptExecutor) browser.driver())
                    .executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        browser.screenshot("320px-" + page.replaceAll("\\W+", "-"));
        assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px");
      }
    } finally {
      browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  @Order(7)
  void aClickAfterTheSessionEndedReturnsTheLearnerToTheLessonAfterLoginAndSaysItWasNotMarked() {
    String lesson = aLessonNotYetCompleted();
    lostClickLesson = lesson;
    // The session cookie is gone (a browser that cleared it, a session the server forgot).
    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.find(By.id("lessonForm:complete")).click();

    WebElement why = browser.find(By.id("interrupted"));
    assertTrue(why.getText().contains("ikke blevet gemt"), why.getText());
    assertEquals("status", why.getAttribute("role"));
    browser.assertAccessible("login-after-lost-click");
    browser.find(By.id("login:username")).sendKeys("camilla.thomsen");
    browser.driver().findElement(By.id("login:password")).sendKeys("medborger");
    browser.driver().findElement(By.id("login:submit")).click();

    WebElement notice = browser.find(By.id("pending-notice"));
    assertTrue(browser.driver().getCurrentUrl().contains("id=" + lesson), "back on the lesson");
    assertTrue(notice.getText().contains("ikke markeret som gennemført endnu"), notice.getText());
    assertEquals(
        "pending-notice",
        browser.driver().switchTo().activeElement().getAttribute("id"),
        "focus starts on what happened to the click");
    assertFalse(
        browser.driver().findElements(By.id("lessonForm:complete")).isEmpty(),
        "the way back did not mark the lesson: only the learner's click does");
    browser.assertAccessible("lesson-after-lost-click");

    browser.find(By.id("pendingForm:completeNow")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.id("lessonForm:completedBadge")).isEmpty());
    assertTrue(
        browser.text(By.id("pending-notice")).contains("er markeret som gennemført"),
        browser.text(By.id("pending-notice")));
  }

  @Test
  @Order(8)
  void withTheSessionCookieGoneTheLoginPageSaysWhyTheLearnerIsThere() {
    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.go("/learner/dashboard.xhtml");
    WebElement why = browser.find(By.id("page-asked-for"));
    assertEquals("status", why.getAttribute("role"));
    assertTrue(why.getText().contains("den side, du bad om"), why.getText());
    browser.find(By.id("login:username")).sendKeys("camilla.thomsen");
    browser.driver().findElement(By.id("login:password")).sendKeys("medborger");
    browser.driver().findElement(By.id("login:submit")).click();
    browser.waitFor(By.cssSelector(".course-card"));
  }

  @Test
  @Order(9)
  void aLessonTheLearnerMarkedCanBeUndoneWhichIsAnnouncedAndFocusReturnsToMarkAsCompleted() {
    // The lesson the learner marked after the lost click; the course marks lessons by hand.
    browser.go("/learner/lesson.xhtml?id=" + lostClickLesson);
    browser.waitFor(By.id("lessonForm:undo"));
    int completed = percent();
    WebElement region = browser.driver().findElement(By.id("lesson-announce"));

    browser.find(By.id("lessonForm:undo")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> region.getAttribute("textContent").contains("ikke længere"));
    assertEquals(
        "lessonForm:complete", browser.driver().switchTo().activeElement().getAttribute("id"));
    assertTrue(percent() < completed, "the course's progress goes back");
    browser.assertAccessible("lesson-undone");
  }

  private int percent() {
    return Integer.parseInt(
        browser
            .driver()
            .findElement(By.cssSelector("#lessonStatus .progress__value"))
            .getAttribute("data-percent"));
  }

  /** Opens the first open lesson of the learner's course that is not completed; its id. */
  private String aLessonNotYetCompleted() {
    browser.go("/learner/dashboard.xhtml");
    browser.find(By.cssSelector(".course-card__title a")).click();
    browser.waitFor(By.cssSelector(".modules"));
    List<String> lessons = new ArrayList<>();
    for (WebElement link :
        browser.driver().findElements(By.cssSelector("a.activity__link[href*='lesson.xhtml']"))) {
      lessons.add(link.getAttribute("href"));
    }
    for (String href : lessons) {
      browser.driver().get(href);
      browser.waitFor(By.tagName("h1"));
      if (!browser.driver().findElements(By.id("lessonForm:complete")).isEmpty()) {
        return href.replaceAll(".*[?&]id=(\\d+).*", "$1");
      }
    }
    throw new AssertionError("no open lesson left to complete");
  }
}
