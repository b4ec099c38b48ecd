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
}
