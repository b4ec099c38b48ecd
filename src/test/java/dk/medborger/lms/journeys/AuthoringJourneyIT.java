package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.BrowserJourney;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An instructor changes assignments with the keyboard alone, in a real browser: an assignment's
 * settings (a problem shown at its field and the focus put there, then a points rubric chosen), its
 * rubric (criteria removed, levels added and moved, the focus kept where the work goes on), blind
 * grading switched on for a reflection nobody has handed in, and one participant's extension given
 * from a blind submission's grading page, which names the participant by the pseudonym only, and
 * one given to a learner chosen by name. axe-core checks every page, and each is photographed.
 */
class AuthoringJourneyIT extends BrowserJourney {

  /** The demo course's reflections this journey changes: nobody has handed them in. */
  private static final String POINTS = "Samarbejdet mellem bibliotek og borgerservice";

  private static final String BLIND = "Dine egne kompetencer";

  private static WebDriverWait waiting() {
    return browser.waiting();
  }

  private static Predicate<WebElement> id(String id) {
    return e -> id.equals(e.getAttribute("id"));
  }

  private static Predicate<WebElement> hrefEnds(String end) {
    return e -> e.getAttribute("href") != null && e.getAttribute("href").endsWith(end);
  }

  /** Presses Tab until the focus is on the element of this id, then Enter. */
  private static void enterOn(String elementId) {
    browser.tabTo(id(elementId));
    browser.active().sendKeys(Keys.ENTER);
  }

  /** The id of the demo course's reflection whose title contains {@code title}. */
  private static String assignmentId(String title) {
    browser.go("/instructor/index.xhtml");
    return browser
        .find(
            By.xpath(
                "//a[contains(@class,'assignment-queue-link') and contains(., '" + title + "')]"))
        .getAttribute("href")
        .replaceAll(".*assignment=(\\d+).*", "$1");
  }

  /**
   * Sets a {@code datetime-local} field reached by Tab: the browser's own control takes typed
   * digits in its locale's order, so the value is set as the form sends it.
   */
  private static void setDateTime(int daysFromNow) {
    String value =
        LocalDateTime.now(ZoneId.of("Europe/Copenhagen"))
            .plusDays(daysFromNow)
            .withHour(12)
            .withMinute(0)
            .toString()
            .substring(0, 16);
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", browser.active(), value);
  }

  @Test
  @Order(1)
  void settingsAreChangedByKeyboardAProblemIsShownAtItsFieldAndAPointsRubricIsChosen() {
    browser.loginAs("instructor", "medborger");
    String assignment = assignmentId(POINTS);
    browser.go("/instructor/index.xhtml");
    browser.assertAccessible("authoring-instructor-home");
    browser.tabTo(hrefEnds("/instructor/assignment-settings.xhtml?id=" + assignment));
    browser.active().sendKeys(Keys.ENTER);
    browser.waitFor(By.id("settingsForm:save"));
    assertTrue(browser.text(By.tagName("h1")).contains(POINTS));
    browser.assertAccessible("assignment-settings");

    browser.tabTo(id("settingsForm:maxFiles"));
    browser.active().sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
    enterOn("settingsForm:save");
    browser.waitFor(By.id("settingsForm:maxFiles-error"));
    assertEquals("settingsForm:maxFiles", browser.active().getAttribute("id"), "focus at it");
    assertEquals("true", browser.active().getAttribute("aria-invalid"));
    assertTrue(browser.text(By.id("settingsForm:maxFiles-error")).contains("1 til 20"));
    browser.assertAccessible("assignment-settings-problem");

    browser.active().sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
    browser.tabTo(e -> "POINTS_RUBRIC".equals(e.getAttribute("value")) || isRadio(e, "grading"));
    while (!"POINTS_RUBRIC".equals(browser.active().getAttribute("value"))) {
      browser.active().sendKeys(Keys.ARROW_DOWN);
    }
    assertTrue(browser.active().isSelected(), "arrow keys choose within the group");
    browser.tabTo(id("settingsForm:maxPoints"));
    browser.active().sendKeys(Keys.chord(Keys.CONTROL, "a"), "10");
    browser.tab();
    browser.active().sendKeys(Keys.chord(Keys.CONTROL, "a"), "6");
    enterOn("settingsForm:save");
    waiting().until(d -> d.findElement(By.id("settingsForm:messages")).getText().contains("gemt"));
    assertEquals("4", browser.find(By.id("settingsForm:maxFiles")).getAttribute("value"));
    assertTrue(browser.find(By.cssSelector("input[value='POINTS_RUBRIC']")).isSelected());
    browser.assertAccessible("assignment-settings-saved");
  }

  private static boolean isRadio(WebElement e, String group) {
    return "radio".equals(e.getAttribute("type"))
        && e.getAttribute("name") != null
        && e.getAttribute("name").endsWith(group);
  }

  @Test
  @Order(2)
  void aPointsRubricIsWrittenByKeyboardWithTheFocusKeptWhereTheWorkGoesOn() {
    enterOn("rubric-link");
    browser.waitFor(By.id("rubricForm:save"));
    browser.assertAccessible("rubric");
    assertEquals(3, criteria().size(), "the reflection's three competence criteria");

    enterOn("rubricForm:save");
    browser.waitFor(By.id("rubricForm:criteria:0:addLevel-error"));
    assertTrue(browser.text(By.id("rubricForm:criteria:0:addLevel-error")).contains("niveau"));
    browser.assertAccessible("rubric-problems");

    enterOn("rubricForm:criteria:2:remove");
    waitForCriteria(2);
    assertEquals("rubricForm:criteria:1:title", browser.active().getAttribute("id"));
    assertTrue(browser.text(By.id("rubricForm:messages")).contains("fjernet"));
    enterOn("rubricForm:criteria:1:remove");
    waitForCriteria(1);

    browser.tabTo(id("rubricForm:criteria:0:addLevel"));
    browser.active().sendKeys(Keys.ENTER);
    waiting().until(d -> "rubricForm:criteria:0:levels:0:levelTitle".equals(focused()));
    browser.active().sendKeys("Beskrevet");
    browser.tab();
    browser.active().sendKeys("10");
    enterOn("rubricForm:criteria:0:addLevel");
    waiting().until(d -> "rubricForm:criteria:0:levels:1:levelTitle".equals(focused()));
    browser.active().sendKeys("Ikke beskrevet");
    browser.tab();
    browser.active().sendKeys("0");
    enterOn("rubricForm:criteria:0:levels:1:levelUp");
    waiting().until(d -> "rubricForm:criteria:0:levels:0:levelDown".equals(focused()));
    assertEquals(
        "Ikke beskrevet",
        browser.find(By.id("rubricForm:criteria:0:levels:0:levelTitle")).getAttribute("value"),
        "moved up, typed text kept");
    browser.assertAccessible("rubric-editing");

    enterOn("rubricForm:save");
    waiting().until(d -> d.findElement(By.id("rubricForm:messages")).getText().contains("gemt"));
    assertEquals(1, criteria().size());
    assertEquals(
        "Beskrevet",
        browser.find(By.id("rubricForm:criteria:0:levels:1:levelTitle")).getAttribute("value"));
    assertTrue(browser.text(By.id("rubric-total")).contains("10 / 10"));
    browser.assertAccessible("rubric-saved");
  }

  private static List<WebElement> criteria() {
    return browser.driver().findElements(By.cssSelector(".rubric-editor__criterion"));
  }

  private static void waitForCriteria(int count) {
    waiting().until(d -> criteria().size() == count);
  }

  private static String focused() {
    return browser.active().getAttribute("id");
  }

  @Test
  @Order(3)
  void aBlindParticipantsExtensionIsGivenFromTheGradingPageUnderTheirPseudonymOnly() {
    String assignment = assignmentId(BLIND);
    browser.go("/instructor/assignment-settings.xhtml?id=" + assignment);
    browser.tabTo(id("settingsForm:blind"));
    browser.active().sendKeys(Keys.SPACE);
    enterOn("settingsForm:save");
    waiting().until(d -> d.findElement(By.id("settingsForm:messages")).getText().contains("gemt"));
    assertTrue(browser.find(By.id("settingsForm:blind")).isSelected());
    browser.find(By.id("logout")).click();

    browser.loginAs("anna.jensen", "medborger");
    browser.go("/learner/assignment.xhtml?id=" + assignment);
    browser
        .draftText()
        .sendKeys(
            "Jeg bruger allerede kompetencen til at guide borgere i MitID og til at vise Digital"
                + " Post. Jeg vil styrke min undervisning af begyndere.");
    waiting().until(d -> d.findElement(By.id("draft-status")).getText().contains("Gemt"));
    browser.find(By.id("handInForm:ownWork")).click();
    browser.find(By.id("handInForm:submit")).click();
    browser.waitFor(By.id("versions"));
    browser.find(By.id("logout")).click();

    browser.loginAs("instructor", "medborger");
    browser.go("/instructor/queue.xhtml?assignment=" + assignment);
    WebElement row = browser.find(By.cssSelector("tr.queue-row--ASSIGNMENT"));
    assertTrue(row.getText().contains("Deltager "), row.getText());
    browser.go(
        row.findElement(By.cssSelector("a.grade-link"))
            .getAttribute("href")
            .replaceFirst("^https?://[^/]+", ""));
    browser.waitFor(By.id("grading-heading"));
    String pseudonym =
        browser.text(By.id("grading-heading")).replaceAll(".*(Deltager \\d+).*", "$1");
    enterOn("extend-participant");
    browser.waitFor(By.id("chosen-heading"));
    assertTrue(browser.text(By.id("chosen-heading")).endsWith(pseudonym));
    assertFalse(browser.driver().getPageSource().contains("Anna Jensen"), "no name anywhere");
    browser.assertAccessible("extension-blind");

    browser.tabTo(id("extensionForm:due"));
    setDateTime(60);
    browser.tab();
    browser.active().sendKeys("Sygdom");
    enterOn("extensionForm:save");
    waiting().until(d -> d.findElement(By.id("messages")).getText().contains("forlænget"));
    assertTrue(browser.text(By.id("extensions")).contains(pseudonym));
    assertTrue(browser.text(By.id("chosen-extension")).startsWith("Har forlænget frist"));
    assertFalse(browser.driver().getPageSource().contains("Anna Jensen"));
    browser.assertAccessible("extension-blind-granted");

    enterOn("extensionForm:remove");
    waiting().until(d -> d.findElement(By.id("messages")).getText().contains("fjernet"));
    assertTrue(
        browser.driver().findElements(By.cssSelector("#extensions th[scope='row']")).stream()
            .noneMatch(e -> e.getText().equals(pseudonym)),
        "no longer listed");
    enterOn("back-to-grading");
    browser.waitFor(By.id("grading-heading"));
  }

  @Test
  @Order(4)
  void aLearnerChosenByNameIsGivenAnExtensionFromTheAssignment() {
    String assignment = assignmentId("Borgeren ved din skranke");
    browser.go("/instructor/index.xhtml");
    browser.tabTo(hrefEnds("/instructor/extensions.xhtml?assignment=" + assignment));
    browser.active().sendKeys(Keys.ENTER);
    browser.waitFor(By.id("learner"));
    browser.assertAccessible("extensions");
    browser.tabTo(id("learner"));
    browser.active().sendKeys(Keys.ARROW_DOWN);
    String chosen = browser.find(By.cssSelector("#learner option:checked")).getText();
    enterOn("choose");
    browser.waitFor(By.id("chosen-heading"));
    assertTrue(browser.text(By.id("chosen-heading")).endsWith(chosen));
    browser.tabTo(id("extensionForm:due"));
    setDateTime(60);
    enterOn("extensionForm:save");
    waiting().until(d -> d.findElement(By.id("messages")).getText().contains("forlænget"));
    assertTrue(browser.text(By.id("extensions")).contains(chosen));
    assertTrue(browser.text(By.id("extensions")).contains("Jens Holm"), "who gave it");
    browser.assertAccessible("extensions-granted");
    enterOn("extensionForm:remove");
    waiting().until(d -> d.findElement(By.id("messages")).getText().contains("fjernet"));
    browser.find(By.id("logout")).click();
  }
}
