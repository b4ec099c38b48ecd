package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.BrowserJourney;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The instructor in a real browser: the start page with what waits, a quiz's results with the chart
 * and its table, importing a GIFT file with an error (its line is named, nothing imported) and then
 * a good one, and grading a learner's reflection. axe-core checks every page.
 */
class InstructorJourneyIT extends BrowserJourney {

  @BeforeAll
  static void logIn() {
    browser.loginAs("instructor", "medborger");
  }

  @Test
  @Order(1)
  void instructorSeesTheirQuizzesAndAQuizsResults() {
    browser.go("/instructor/index.xhtml");
    browser.waitFor(By.id("awaiting-grading"));
    browser.assertAccessible("instructor-home");
    browser.find(By.cssSelector("a.results-link")).click();
    browser.waitFor(By.id("question-statistics"));
    browser.assertAccessible("quiz-results");
    assertFalse(browser.driver().findElements(By.cssSelector("#attempts tbody tr")).isEmpty());
    assertEquals(
        10, browser.driver().findElements(By.cssSelector("#distribution-table tbody tr")).size());
  }

  @Test
  @Order(2)
  void aGiftFileWithAnErrorNamesItsLineAndImportsNothingAndAGoodOneImports() throws Exception {
    browser.go("/instructor/index.xhtml");
    browser.find(By.cssSelector("a.bank-link")).click();
    browser.waitFor(By.id("categories"));
    browser.assertAccessible("question-bank");
    int before = browser.driver().findElements(By.cssSelector("#categories tbody tr")).size();

    Path bad = Files.createTempFile("fejl", ".gift");
    Files.writeString(bad, "::God::MitID er et login. {T}\n\n::Dårlig::Hvad er 2 + 2? {=4 ~5\n");
    browser.find(By.id("importForm:file")).sendKeys(bad.toAbsolutePath().toString());
    browser.find(By.id("importForm:import")).click();
    browser.waitFor(By.id("import-errors"));
    browser.assertAccessible("question-bank-errors");
    List<WebElement> lines =
        browser.driver().findElements(By.cssSelector("#import-errors .error-line"));
    assertEquals("3", lines.get(0).getText(), "the unclosed block is on line 3");
    assertEquals(
        before, browser.driver().findElements(By.cssSelector("#categories tbody tr")).size());

    browser.find(By.id("importForm:text")).sendKeys("::Ny::Borgerservice hjælper med pas. {T}\n");
    browser.find(By.id("importForm:category")).sendKeys("Nye spørgsmål");
    browser.find(By.id("importForm:import")).click();
    browser.waitFor(By.cssSelector(".message--info"));
    assertTrue(browser.text(By.cssSelector(".message--info")).startsWith("1 "));
    assertTrue(browser.text(By.id("categories")).contains("Nye spørgsmål"));
  }

  @Test
  @Order(3)
  void instructorGradesAReflectionAndItLeavesTheList() {
    browser.go("/instructor/grading.xhtml");
    browser.waitFor(By.id("waiting"));
    browser.assertAccessible("grading");
    int waiting = browser.driver().findElements(By.cssSelector("#waiting tbody tr")).size();
    browser.find(By.cssSelector("a.grade-link")).click();
    browser.waitFor(By.id("essay-answer"));
    browser.assertAccessible("grade");

    browser.find(By.id("gradeForm:save")).click();
    browser.waitFor(By.cssSelector(".message--error"));
    assertTrue(
        browser.text(By.cssSelector(".message--error")).contains("point"), "points are required");

    browser.find(By.id("gradeForm:points")).sendKeys("1");
    browser.find(By.id("gradeForm:comment")).sendKeys("Fint eksempel på venlig service.");
    browser.find(By.id("gradeForm:save")).click();
    browser.waitFor(By.cssSelector(".message--info"));
    int after =
        browser.driver().findElements(By.id("nothing-waiting")).isEmpty()
            ? browser.driver().findElements(By.cssSelector("#waiting tbody tr")).size()
            : 0;
    assertEquals(waiting - 1, after);
  }

  @Test
  @Order(4)
  void badQuizSettingsAreShownAtTheirFieldsAndSaveNothingAndGoodOnesSave() {
    browser.go("/instructor/index.xhtml");
    List<WebElement> links = browser.driver().findElements(By.cssSelector("a.settings-link"));
    links.get(links.size() - 1).click();
    browser.waitFor(By.id("settingsForm:save"));
    browser.assertAccessible("quiz-settings");
    boolean shuffled = browser.find(By.id("settingsForm:shuffle")).isSelected();

    browser.find(By.id("settingsForm:attempts")).clear();
    browser.find(By.id("settingsForm:attempts")).sendKeys("0");
    browser.find(By.id("settingsForm:minutes")).clear();
    browser.find(By.id("settingsForm:minutes")).sendKeys("ti");
    browser.find(By.id("settingsForm:shuffle")).click();
    browser.find(By.id("settingsForm:save")).click();
    browser.waitFor(By.id("settingsForm:minutes-error"));
    browser.assertAccessible("quiz-settings-errors");
    browser.screenshot("quiz-settings-errors");
    assertEquals("true", browser.find(By.id("settingsForm:minutes")).getAttribute("aria-invalid"));
    assertTrue(
        browser
            .find(By.id("settingsForm:minutes"))
            .getAttribute("aria-describedby")
            .contains("settingsForm:minutes-error"));

    browser.find(By.id("settingsForm:minutes")).clear();
    browser.find(By.id("settingsForm:save")).click();
    browser.waitFor(By.id("settingsForm:attempts-error"));
    assertTrue(browser.text(By.id("settingsForm:attempts-error")).contains("1 til 50"));
    browser.find(By.id("settingsForm:attempts")).clear();
    browser.find(By.id("settingsForm:save")).click();
    browser.waitFor(By.cssSelector(".message--info"));
    assertEquals(!shuffled, browser.find(By.id("settingsForm:shuffle")).isSelected());

    browser.find(By.id("settingsForm:shuffle")).click();
    browser.find(By.id("settingsForm:save")).click();
    browser.waitFor(By.cssSelector(".message--info"));
    assertEquals(shuffled, browser.find(By.id("settingsForm:shuffle")).isSelected());
  }

  @Test
  @Order(5)
  void aQuestionIsRevisedAsGiftTextWithItsErrorsByLine() {
    browser.go("/instructor/index.xhtml");
    browser.find(By.cssSelector("a.bank-link")).click();
    browser.waitFor(By.id("questions"));
    browser.driver().findElements(By.cssSelector("#questions tbody tr")).stream()
        .filter(row -> !row.findElements(By.tagName("td")).get(2).getText().equals("Rækkefølge"))
        .findFirst()
        .orElseThrow()
        .findElement(By.cssSelector("a.question-link"))
        .click();
    browser.waitFor(By.id("questionForm:gift"));
    browser.assertAccessible("question-edit");
    String version = browser.text(By.id("question-version"));

    browser.find(By.id("questionForm:save")).click();
    browser.waitFor(By.cssSelector(".message--info"));
    assertEquals(version, browser.text(By.id("question-version")), "nothing changed");

    WebElement gift = browser.find(By.id("questionForm:gift"));
    gift.clear();
    gift.sendKeys("::Dårlig::\nHvad er 2 + 2? {=4 ~5\n");
    browser.find(By.id("questionForm:save")).click();
    browser.waitFor(By.id("gift-errors"));
    browser.assertAccessible("question-edit-errors");
    assertEquals("2", browser.text(By.cssSelector("#gift-errors .error-line")));
    assertEquals(version, browser.text(By.id("question-version")));
  }
}
