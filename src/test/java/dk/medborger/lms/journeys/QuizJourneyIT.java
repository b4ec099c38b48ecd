package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.BrowserJourney;
import dk.medborger.lms.testing.RunningApplication;
import dk.medborger.lms.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner takes the first quiz of the demo course in a real browser: starts it, answers every
 * question (by keyboard where a learner would type), sees each answer saved, reloads and finds the
 * answers kept, hands in from the summary and reads the review. axe-core checks every quiz page.
 */
class QuizJourneyIT extends BrowserJourney {

  @Test
  @Order(1)
  void learnerStartsTheQuizAndEveryAnswerIsSavedAndKeptOverAReload() {
    browser.loginAs("henrik.andersen", "medborger");
    browser.find(By.cssSelector(".course-card__title a")).click();
    browser.waitFor(By.cssSelector(".modules"));
    browser.find(By.cssSelector("a.activity__link[href*='/learner/quiz.xhtml']")).click();
    browser.waitFor(By.cssSelector(".quiz-intro"));
    browser.assertAccessible("quiz");

    browser.find(By.id("quizForm:start")).click();
    browser.waitFor(By.cssSelector("fieldset.question"));
    browser.assertAccessible("attempt");

    List<WebElement> questions = browser.driver().findElements(By.cssSelector("fieldset.question"));
    assertTrue(questions.size() >= 5);
    for (WebElement q : questions) {
      answer(q);
      String slot = q.getAttribute("data-slot");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(
              ExpectedConditions.attributeContains(
                  By.id("q" + slot + "-saved"), "class", "question__saved--saved"));
    }
    assertTrue(
        browser.text(By.id("save-status")).startsWith("Gemt"),
        "the live region says the answer was saved");
    browser.screenshot("attempt-answered");

    browser.driver().navigate().refresh();
    browser.waitFor(By.cssSelector("fieldset.question"));
    for (WebElement q : browser.driver().findElements(By.cssSelector("fieldset.question"))) {
      assertTrue(answered(q), "slot " + q.getAttribute("data-slot") + " kept its answer");
    }
  }

  @Test
  @Order(2)
  void learnerHandsInFromTheSummaryAndReadsTheReview() {
    browser.find(By.id("to-summary")).click();
    browser.waitFor(By.id("answered-count"));
    browser.assertAccessible("quiz-summary");
    assertFalse(browser.driver().findElements(By.cssSelector(".summary-row--answered")).isEmpty());

    browser.find(By.id("submitForm:submit")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
    browser.waitFor(By.cssSelector(".quiz-review"));
    browser.assertAccessible("quiz-review");
    assertTrue(browser.text(By.id("review-score")).contains("%"));
    assertFalse(
        browser
            .driver()
            .findElements(By.cssSelector(".review-flag--right, .right-answers"))
            .isEmpty(),
        "the right answers are shown after hand-in, as the quiz allows");

    browser.find(By.id("back-to-quiz")).click();
    browser.waitFor(By.cssSelector(".attempts"));
    browser.assertAccessible("quiz-after");
    assertEquals(1, browser.driver().findElements(By.cssSelector("tr.attempt")).size());
  }

  /** Gives an answer the way a learner would, by keyboard for typed answers. */
  private static void answer(WebElement q) {
    String type = q.getAttribute("data-type");
    switch (type) {
      case "SINGLE_CHOICE", "TRUE_FALSE" ->
          q.findElement(By.cssSelector("input[type=radio]")).click();
      case "MULTIPLE_CHOICE" -> {
        List<WebElement> boxes = q.findElements(By.cssSelector("input[type=checkbox]:not(.flag)"));
        boxes.get(0).click();
        boxes.get(1).click();
      }
      case "SHORT_ANSWER" ->
          q.findElement(By.cssSelector("input.text-answer")).sendKeys("hjælp til selvhjælp");
      case "NUMERIC" -> q.findElement(By.cssSelector("input.text-answer")).sendKeys("15", Keys.TAB);
      case "ESSAY" -> q.findElement(By.cssSelector("textarea")).sendKeys("Jeg lyttede først.");
      case "MATCHING", "ORDERING" -> {
        for (WebElement select : q.findElements(By.tagName("select"))) {
          new Select(select).selectByIndex(1);
        }
      }
      default -> throw new IllegalStateException(type);
    }
  }

  private static boolean answered(WebElement q) {
    return !q.findElements(
                By.cssSelector(
                    "input[type=radio]:checked, input[type=checkbox]:checked:not(.flag)"))
            .isEmpty()
        || q.findElements(By.cssSelector("input.text-answer, textarea")).stream()
            .anyMatch(i -> !i.getAttribute("value").isBlank())
        || q.findElements(By.tagName("select")).stream()
            .anyMatch(s -> !new Select(s).getFirstSelectedOption().getAttribute("value").isEmpty());
  }

  @Test
  @Order(3)
  void everyAcknowledgedAnswerSurvivesAKill9OfTheWholeApplication() throws Exception {
    WebClient learner = new WebClient();
    learner.login("lone.hansen", "medborger");
    String attempt = learner.startFirstQuiz();
    String page = learner.get("/learner/attempt.xhtml?id=" + attempt).body();
    String token = WebClient.saveToken(page);
    Map<String, String> firstChoice = new LinkedHashMap<>();
    Matcher m =
        Pattern.compile(
                "type=\"(?:radio|checkbox)\" name=\"q(\\d+)\" id=\"[^\"]+\" value=\"(\\w+)\"")
            .matcher(page);
    while (m.find()) {
      firstChoice.putIfAbsent(m.group(1), m.group(2));
    }
    assertTrue(firstChoice.size() >= 3, "choice questions: " + firstChoice);
    int saved = 0;
    for (Map.Entry<String, String> choice : firstChoice.entrySet()) {
      HttpResponse<String> answer =
          learner.postJson(
              "/api/quiz-attempts/" + attempt + "/answers/" + choice.getKey(),
              "{\"token\":\""
                  + token
                  + "\",\"version\":0,\"keys\":[\""
                  + choice.getValue()
                  + "\"]}",
              "same-origin");
      assertEquals(200, answer.statusCode(), answer.body());
      saved++;
    }

    // Straight after the last acknowledgement: launcher, Payara and MariaDB die at once.
    RunningApplication.killEverythingHard();
    RunningApplication.restart();

    WebClient again = new WebClient();
    again.login("lone.hansen", "medborger");
    String summary = again.get("/learner/quiz-summary.xhtml?id=" + attempt).body();
    assertTrue(
        summary.contains("Besvaret: " + saved + " af "),
        "every acknowledged answer is there after the kill: "
            + summary.replaceAll("(?s).*(id=\"answered-count\"[^<]*).*", "$1"));
  }
}
