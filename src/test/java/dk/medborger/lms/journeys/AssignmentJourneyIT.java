package dk.medborger.lms.journeys;

import static dk.medborger.lms.testing.TestDocuments.pdf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.BrowserJourney;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reflection from hand-in to grade in a real browser: a learner writes it in the rich text
 * editor, formatting by keyboard (the draft saved as typed), attaches a PDF, is stopped by the
 * citizen data guard and removes the CPR number with one click, and hands in; the instructor finds
 * it in the grading queue, grades it with the competence rubric, attaches a feedback PDF, releases
 * it and moves to the next submission without a page load; the learner sees the grade and the
 * feedback and downloads the feedback file. axe-core checks every page on the way.
 */
class AssignmentJourneyIT extends BrowserJourney {

  private static final String LEARNER = "camilla.thomsen";

  /**
   * Waits for an ajax answer: a form it re-renders may replace an element between finding it and
   * reading it, which means "not yet", not a failure.
   */
  private WebDriverWait waiting() {
    return browser.waiting();
  }

  /**
   * The draft's editable text: the contenteditable inside the editor, once rich-text.js has made it
   * a named textbox (ADR 32).
   */
  private WebElement draftText() {
    return browser.draftText();
  }

  private WebElement focused() {
    return browser.driver().switchTo().activeElement();
  }

  private static String chord(CharSequence... keys) {
    return Keys.chord(keys);
  }

  @Test
  @Order(1)
  void learnerWritesAttachesAPdfRemovesACprNumberAndHandsIn() throws IOException {
    browser.loginAs(LEARNER, "medborger");
    browser.find(By.cssSelector(".course-card__title a")).click();
    browser.waitFor(By.cssSelector(".modules"));
    browser.find(By.cssSelector("a.activity__link[href*='/learner/assignment.xhtml']")).click();
    browser.waitFor(By.id("instructions-heading"));
    browser.assertAccessible("assignment");

    // Written and formatted by keyboard only: Ctrl+B for bold, Shift+Tab to the toolbar (one tab
    // stop), the arrow keys to the bulleted list, Enter, and back in the text where it was.
    WebElement text = draftText();
    text.click();
    text.sendKeys(
        "En borger med nummer 120356-1234 fik hjælp til ",
        chord(Keys.CONTROL, "b"),
        "Digital Post",
        chord(Keys.CONTROL, "b"),
        ". Jeg viste hende, hvordan hun selv finder sine breve, og hun skrev trinene ned:",
        Keys.ENTER);
    text.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertEquals(
        "Fed", focused().getAttribute("aria-label"), "the toolbar's first button, one tab stop");
    focused().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    assertEquals("Punktopstilling", focused().getAttribute("aria-label"));
    browser.screenshot("assignment-toolbar-focus");
    assertEquals(
        "-1", browser.find(By.cssSelector("#text-toolbar .ql-bold")).getAttribute("tabindex"));
    focused().sendKeys(Keys.ENTER);
    waiting().until(d -> "true".equals(focused().getAttribute("contenteditable")));
    focused().sendKeys("Log ind med MitID", Keys.ENTER, "Åbn Digital Post");
    focused().sendKeys(Keys.TAB);
    assertFalse(
        "true".equals(focused().getAttribute("contenteditable")), "Tab leaves the text forwards");
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "Gemt"));
    assertEquals(
        2,
        browser
            .driver()
            .findElements(By.cssSelector(".rich-text .ql-editor li[data-list='bullet']"))
            .size());
    browser.assertAccessible("assignment-rich-text");

    Path pdf = Files.createTempFile("refleksion-", ".pdf");
    Files.write(pdf, pdf("Noter fra vagten ved skranken"));
    browser.find(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
    browser.find(By.id("upload")).click();
    browser.waitFor(By.id("upload-message"));
    assertTrue(browser.text(By.id("upload-message")).contains("vedhæftet"));
    assertEquals(1, browser.driver().findElements(By.cssSelector("#draft-files li")).size());
    assertEquals(
        "Digital Post",
        browser.find(By.cssSelector(".rich-text .ql-editor strong")).getText(),
        "the draft was kept on the server, formatted");
    assertEquals(
        List.of("Log ind med MitID", "Åbn Digital Post"),
        browser
            .driver()
            .findElements(By.cssSelector(".rich-text .ql-editor li[data-list='bullet']"))
            .stream()
            .map(WebElement::getText)
            .toList());
    browser.assertAccessible("assignment-with-file");

    browser.find(By.id("handInForm:ownWork")).click();
    browser.find(By.id("handInForm:submit")).click();
    browser.waitFor(By.id("handInForm:guard"));
    assertTrue(browser.text(By.id("handInForm:guard")).contains("120356-1234"));
    browser.assertAccessible("assignment-guard");
    browser.find(By.cssSelector("#handInForm\\:guard .redact")).click();
    waiting()
        .until(
            d ->
                d.findElement(By.cssSelector(".rich-text [contenteditable='true']"))
                    .getText()
                    .contains("[fjernet]"));
    assertTrue(browser.driver().findElements(By.id("handInForm:guard")).isEmpty());

    if (!browser.find(By.id("handInForm:ownWork")).isSelected()) {
      browser.find(By.id("handInForm:ownWork")).click();
    }
    browser.find(By.id("handInForm:submit")).click();
    browser.waitFor(By.id("versions"));
    assertTrue(browser.text(By.id("assignment-status")).contains("Afleveret"));
    assertFalse(browser.text(By.id("versions")).contains("120356-1234"));
    browser.assertAccessible("assignment-submitted");
    browser.find(By.id("logout")).click();
  }

  @Test
  @Order(2)
  void instructorGradesFromTheQueueReleasesAndMovesOnWithoutAPageLoad() throws IOException {
    browser.loginAs("instructor", "medborger");
    browser.find(By.id("queue-link")).click();
    browser.waitFor(By.id("queue"));
    browser.assertAccessible("grading-queue");
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("tr.queue-row--ASSIGNMENT"));
    assertTrue(rows.size() >= 2, "the demo's waiting reflections and the new one");
    rows.stream()
        .filter(r -> r.getText().contains("Camilla Thomsen"))
        .findFirst()
        .orElseThrow()
        .findElement(By.cssSelector("a.grade-link"))
        .click();
    browser.waitFor(By.id("grading-heading"));
    browser.assertAccessible("grading");
    assertTrue(browser.text(By.id("grading-heading")).contains("Camilla Thomsen"));
    assertTrue(browser.text(By.cssSelector(".submitted-text")).contains("[fjernet]"));
    assertEquals(
        "Digital Post", browser.text(By.cssSelector(".submitted-text strong")), "the rich text");
    assertEquals(2, browser.driver().findElements(By.cssSelector(".submitted-text ul li")).size());
    assertFalse(browser.driver().findElements(By.cssSelector("a.file-link")).isEmpty());

    // A feedback file: attached through the page's own file field, which posts and comes back.
    Path annotated = Files.createTempFile("kommentarer-", ".pdf");
    Files.write(annotated, pdf("Kommentarer i margenen"));
    browser.find(By.id("feedback-file")).sendKeys(annotated.toAbsolutePath().toString());
    browser.find(By.id("feedback-attach")).click();
    browser.waitFor(By.id("feedback-files-message"));
    assertTrue(browser.text(By.id("feedback-files-message")).contains("vedhæftet"));
    assertTrue(browser.text(By.id("grading-heading")).contains("Camilla Thomsen"), "back on it");
    assertEquals(1, browser.driver().findElements(By.cssSelector("#feedback-file-list li")).size());
    assertTrue(browser.text(By.id("grade-history")).contains("Feedbackfil vedhæftet"));
    browser.assertAccessible("grading-feedback-file");
    Path picture = Files.createTempFile("tavle-", ".png");
    Files.write(picture, png());
    browser.find(By.id("feedback-file")).sendKeys(picture.toAbsolutePath().toString());
    browser.find(By.id("feedback-attach")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#feedback-file-list li")).size() == 2);

    // "Vis": the handed-in PDF in a frame of the page, the picture with its name as alt text.
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    browser.find(By.cssSelector("#file-previews summary")).click();
    waiting()
        .until(
            d ->
                "application/pdf"
                    .equals(
                        js.executeScript(
                            "var f = document.querySelector('#file-previews iframe');"
                                + " return f && f.contentDocument"
                                + " ? f.contentDocument.contentType : null;")));
    assertTrue(
        browser
            .find(By.cssSelector("#file-previews iframe"))
            .getAttribute("title")
            .endsWith(".pdf"),
        "the frame is named by the file");
    WebElement shown = browser.find(By.cssSelector("#feedback-file-list li:nth-child(2) summary"));
    shown.click();
    waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "var i = document.querySelector('#feedback-file-list li:nth-child(2) img');"
                            + " return !!i && i.complete && i.naturalWidth === 120;")));
    assertTrue(
        browser
            .find(By.cssSelector("#feedback-file-list li:nth-child(2) img"))
            .getAttribute("alt")
            .startsWith("tavle-"));
    browser.assertAccessible("grading-previews");

    for (WebElement pass : browser.driver().findElements(By.cssSelector("input[value='PASS']"))) {
      pass.click();
    }
    browser
        .find(By.id("gradingForm:feedback"))
        .sendKeys("Godt set – og godt, at du fjernede CPR-nummeret.");
    ((JavascriptExecutor) browser.driver()).executeScript("window.__samePage = true;");
    browser.find(By.id("gradingForm:release")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("gradingForm:messages"), "frigivet"));
    assertTrue(browser.text(By.id("grading-status")).contains("Bedømt"));
    assertTrue(browser.text(By.id("grade-history")).contains("frigivet"));

    if (browser.find(By.id("gradingForm:next")).isEnabled()) {
      browser.find(By.id("gradingForm:feedback")).sendKeys(" Ikke gemt.");
      browser.find(By.id("gradingForm:next")).click();
      waiting().until(ExpectedConditions.alertIsPresent()).dismiss();
      assertTrue(
          browser.text(By.id("grading-heading")).contains("Camilla Thomsen"),
          "unsaved changes: the grader is asked first and can stay");
      assertTrue(
          browser.find(By.id("gradingForm:feedback")).getAttribute("value").endsWith("Ikke gemt."));
      browser.find(By.id("gradingForm:next")).click();
      waiting().until(ExpectedConditions.alertIsPresent()).accept();
      waiting()
          .until(
              d -> !d.findElement(By.id("grading-heading")).getText().contains("Camilla Thomsen"));
      browser.assertAccessible("grading-next");
    }
    assertEquals(
        Boolean.TRUE,
        ((JavascriptExecutor) browser.driver()).executeScript("return window.__samePage === true;"),
        "release and next without a page load");
    browser.find(By.id("logout")).click();
  }

  @Test
  @Order(3)
  void learnerSeesTheGradeAndTheFeedback() {
    browser.loginAs(LEARNER, "medborger");
    browser.find(By.cssSelector(".course-card__title a")).click();
    browser.find(By.cssSelector("a.activity__link[href*='/learner/assignment.xhtml']")).click();
    browser.waitFor(By.id("assignment-result"));
    assertTrue(browser.text(By.id("assignment-grade")).contains("Bestået"));
    assertTrue(browser.text(By.id("assignment-feedback")).contains("Godt set"));
    WebElement feedbackFile = browser.find(By.cssSelector("#feedback-files a.feedback-file-link"));
    assertTrue(feedbackFile.getText().startsWith("kommentarer-"), feedbackFile.getText());
    Object fetched =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' '"
                    + " + r.headers.get('Content-Type') + ' ' + t.substring(0, 5))));",
                feedbackFile.getAttribute("href"));
    assertEquals("200 application/pdf %PDF-", fetched, "the learner downloads the PDF");
    browser.assertAccessible("assignment-graded");
  }

  @Test
  @Order(4)
  void aBlindReflectionIsGradedWithTheCommentBankAndReleasedInBulkAfterAConfirmation() {
    browser.loginAs("instructor", "medborger");
    browser.go("/instructor/queue.xhtml");
    browser.waitFor(By.id("queue"));
    WebElement blind =
        browser.driver().findElements(By.cssSelector("tr.queue-row--ASSIGNMENT")).stream()
            .filter(r -> r.getText().contains("Blind bedømmelse"))
            .findFirst()
            .orElseThrow();
    assertTrue(blind.getText().contains("Deltager "), blind.getText());
    assertFalse(blind.getText().contains("Anna Jensen"), "the demo's blind reflection is hers");
    blind.findElement(By.cssSelector("a.grade-link")).click();
    browser.waitFor(By.id("grading-heading"));
    String pseudonym = browser.text(By.id("grading-heading"));
    assertTrue(pseudonym.contains("Deltager "), pseudonym);
    assertTrue(browser.text(By.id("gradingForm:blind-notice")).contains("Blind bedømmelse"));
    browser.assertAccessible("grading-blind");
    for (WebElement pass : browser.driver().findElements(By.cssSelector("input[value='PASS']"))) {
      pass.click();
    }
    WebElement feedback = browser.find(By.id("gradingForm:feedback"));
    feedback.sendKeys("God kobling til historien.");
    List<WebElement> comments = browser.driver().findElements(By.cssSelector(".comment-insert"));
    assertTrue(comments.size() >= 2, "the demo's comment bank");
    String firstComment = comments.get(0).getAttribute("data-comment");
    String secondComment = comments.get(1).getAttribute("data-comment");
    comments.get(0).click();
    waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("bank-status"), "sat ind"));
    assertEquals(
        "God kobling til historien. " + firstComment,
        browser.find(By.id("gradingForm:feedback")).getAttribute("value"),
        "inserted where the cursor was, after a space");
    assertEquals(
        "gradingForm:feedback",
        browser.driver().switchTo().activeElement().getAttribute("id"),
        "the cursor stays in the feedback");
    new org.openqa.selenium.interactions.Actions(browser.driver())
        .keyDown(org.openqa.selenium.Keys.ALT)
        .keyDown(org.openqa.selenium.Keys.SHIFT)
        .sendKeys("2")
        .keyUp(org.openqa.selenium.Keys.SHIFT)
        .keyUp(org.openqa.selenium.Keys.ALT)
        .perform();
    waiting()
        .until(
            d ->
                d.findElement(By.id("gradingForm:feedback"))
                    .getAttribute("value")
                    .endsWith(firstComment + " " + secondComment));
    browser.assertAccessible("grading-comment-bank");
    browser.find(By.id("gradingForm:save")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("gradingForm:messages"), "gemt"));
    assertTrue(browser.text(By.id("grading-heading")).contains("Deltager "), "saved: still blind");

    browser.find(By.id("release-assignment")).click();
    browser.waitFor(By.id("release-list"));
    assertEquals(1, browser.driver().findElements(By.cssSelector("tr.release-row")).size());
    assertTrue(browser.text(By.id("release-list")).contains("Deltager "));
    assertTrue(browser.text(By.id("release-list")).contains("Bestået"));
    browser.assertAccessible("release-confirm");
    browser.find(By.id("releaseForm:confirm")).click();
    browser.waitFor(By.id("messages"));
    assertTrue(browser.text(By.id("messages")).contains("Én bedømmelse er frigivet"));
    browser.assertAccessible("grading-queue-released");

    browser.find(By.id("bank-link")).click();
    browser.waitFor(By.id("bank-list"));
    int before = browser.driver().findElements(By.cssSelector("li.comment-row")).size();
    browser.find(By.id("commentsForm:add")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("commentsForm:text-error"), "Skriv kommentaren"));
    assertEquals(before, browser.driver().findElements(By.cssSelector("li.comment-row")).size());
    browser.find(By.id("commentsForm:text")).sendKeys("Tak – en klar og konkret aflevering.");
    browser.find(By.id("commentsForm:add")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("commentsForm:messages"), "gemt i din kommentarbank"));
    assertTrue(browser.text(By.id("bank-list")).contains("Tak – en klar og konkret aflevering."));
    browser.assertAccessible("comment-bank");
    List<WebElement> remove = browser.driver().findElements(By.cssSelector(".comment-remove"));
    assertEquals(before + 1, remove.size());
    remove.get(remove.size() - 1).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("commentsForm:messages"), "slettet"));
    assertFalse(browser.text(By.id("bank-list")).contains("Tak – en klar og konkret aflevering."));
    browser.find(By.id("logout")).click();
  }

  /** A small orange PNG of 120 × 80 pixels. */
  static byte[] png() throws IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(120, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(0, 0, 120, 80);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
