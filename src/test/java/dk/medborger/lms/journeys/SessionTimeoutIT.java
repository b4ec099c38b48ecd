package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.Browser;
import dk.medborger.lms.testing.RunningApplication;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The time-out warning (WCAG 2.2.1, issue 6), on an application of its own whose sessions last one
 * minute ({@code MEDBORGER_SESSION_TIMEOUT_MINUTES=1}): the shared one keeps the default 30. The
 * page warns half a minute before the end, with the focus on "stay signed in", and staying is
 * answered by the server for the live session. Waiting out the first end as well would cost the
 * suite another half minute; that a request extends its session is the container's own rule.
 */
class SessionTimeoutIT {

  @Test
  void theLearnerIsWarnedBeforeTheSessionEndsAndStaysSignedInWithOneClick() throws Exception {
    try (RunningApplication.Separate app =
            RunningApplication.startSeparately(
                "short-sessions", Map.of("MEDBORGER_SESSION_TIMEOUT_MINUTES", "1"));
        Browser browser = Browser.open()) {
      WebDriver driver = browser.driver();
      driver.get(app.baseUrl() + "/login.xhtml");
      browser.find(By.id("login:username")).sendKeys("learner");
      driver.findElement(By.id("login:password")).sendKeys("medborger");
      driver.findElement(By.id("login:submit")).click();
      browser.waitFor(By.cssSelector(".course-card"));
      long signedIn = System.nanoTime();
      WebElement warning = driver.findElement(By.id("session-warning"));
      assertFalse(warning.isDisplayed(), "no warning while there is time");

      new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> warning.isDisplayed());
      long warnedAfter = Duration.ofNanos(System.nanoTime() - signedIn).toSeconds();
      assertTrue(
          warnedAfter >= 25, "warned half a minute before the end, not at once: " + warnedAfter);
      assertEquals("alertdialog", warning.getAttribute("role"));
      assertTrue(warning.getText().contains("logget ud om højst 1 min."), warning.getText());
      assertEquals(
          "session-stay",
          driver.switchTo().activeElement().getAttribute("id"),
          "focus on staying signed in");
      browser.assertAccessible("session-warning");

      driver.findElement(By.id("session-stay")).click();
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(
              d ->
                  !warning.isDisplayed()
                      && d.findElement(By.id("session-status"))
                          .getAttribute("textContent")
                          .contains("stadig logget ind"));

      // The server answered for a live session (an ended one gets 401, AccessControlIT): the page
      // is still the learner's.
      driver.navigate().refresh();
      browser.waitFor(By.cssSelector(".course-card"));
      assertTrue(
          driver.getCurrentUrl().contains("/learner/dashboard.xhtml"), driver.getCurrentUrl());
    }
  }
}
