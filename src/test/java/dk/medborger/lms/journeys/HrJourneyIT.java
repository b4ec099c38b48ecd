package dk.medborger.lms.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.medborger.lms.testing.BrowserJourney;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * HR in a real browser: the completion report of the whole organisation, a drill-down from
 * municipality to unit to person, a filter kept in the address, sorting, and the CSV link for
 * exactly the filtered view. axe-core checks every page (the chart has its table).
 */
class HrJourneyIT extends BrowserJourney {

  @BeforeAll
  static void logIn() {
    browser.loginAs("hr", "medborger");
  }

  @Test
  @Order(1)
  void hrSeesEveryMunicipalityAndDrillsDownToAUnitAndAPerson() {
    browser.go("/hr/index.xhtml");
    browser.waitFor(By.id("groups"));
    assertEquals(
        "page",
        browser
            .driver()
            .findElement(By.cssSelector(".site-nav a[href$='/hr/index.xhtml']"))
            .getAttribute("aria-current"),
        "the menu says where HR is");
    browser.assertAccessible("hr-report");
    List<WebElement> municipalities =
        browser.driver().findElements(By.cssSelector("#groups a.drill-down"));
    assertEquals(
        List.of("Horsens Kommune", "Kolding Kommune", "Skanderborg Kommune"),
        municipalities.stream().map(WebElement::getText).toList());

    browser.find(By.linkText("Kolding Kommune")).click();
    browser.waitFor(By.cssSelector("#report-place [aria-current='page']"));
    assertEquals(
        "Kolding Kommune", browser.text(By.cssSelector("#report-place [aria-current='page']")));
    browser.find(By.linkText("Borgerservice Kolding")).click();
    browser.waitFor(By.id("people"));
    assertFalse(browser.driver().getCurrentUrl().isEmpty());
    assertTrue(browser.driver().getCurrentUrl().contains("unit="), "the place is in the address");
    browser.assertAccessible("hr-report-unit");
    browser.find(By.cssSelector("#people a.person-link")).click();
    browser.waitFor(By.id("activities"));
    browser.assertAccessible("hr-person");
  }

  @Test
  @Order(2)
  void aFilterIsKeptInTheAddressAndTheExportIsOfExactlyThatView() {
    browser.go("/hr/index.xhtml");
    browser.waitFor(By.id("filter"));
    new Select(browser.find(By.id("status"))).selectByValue("OVERDUE");
    browser.find(By.id("show")).click();
    browser.waitFor(By.id("people"));
    assertTrue(browser.driver().getCurrentUrl().contains("status=OVERDUE"));
    assertEquals(
        "OVERDUE",
        new Select(browser.find(By.id("status"))).getFirstSelectedOption().getAttribute("value"));
    List<WebElement> rows = browser.driver().findElements(By.cssSelector("#people tbody tr"));
    assertFalse(rows.isEmpty());
    assertTrue(rows.stream().allMatch(r -> r.getAttribute("class").contains("row--overdue")));
    assertTrue(browser.find(By.id("export-csv")).getAttribute("href").contains("status=OVERDUE"));

    browser
        .find(By.linkText(browser.text(By.cssSelector("#people thead th:nth-child(5) a"))))
        .click();
    browser.waitFor(By.cssSelector("#people thead th[aria-sort]"));
    assertEquals(
        "ascending",
        browser.find(By.cssSelector("#people thead th:nth-child(5)")).getAttribute("aria-sort"));
    browser.screenshot("hr-report-overdue");
  }

  @Test
  @Order(3)
  void hrCreatesAnApiTokenSeesItOnceAndRevokesIt() {
    browser.go("/hr/index.xhtml");
    browser.find(By.id("tokens-link")).click();
    browser.waitFor(By.id("tokenForm:create"));
    browser.assertAccessible("hr-tokens");
    browser.find(By.id("tokenForm:create")).click();
    browser.waitFor(By.id("tokenForm:name-error"));
    assertEquals("true", browser.find(By.id("tokenForm:name")).getAttribute("aria-invalid"));

    browser.find(By.id("tokenForm:name")).sendKeys("Lønsystemet");
    browser.find(By.id("tokenForm:create")).click();
    browser.waitFor(By.id("token-value"));
    assertTrue(browser.text(By.id("token-value")).startsWith("mbr_"));
    browser.assertAccessible("hr-tokens-created");
    int revokable = browser.driver().findElements(By.cssSelector("#tokens .revoke")).size();
    browser.find(By.cssSelector("#tokens .revoke")).click();
    browser.waitFor(By.cssSelector(".message--info"));
    assertEquals(
        revokable - 1, browser.driver().findElements(By.cssSelector("#tokens .revoke")).size());
    browser.go("/hr/tokens.xhtml");
    browser.waitFor(By.id("tokens"));
    assertTrue(browser.driver().findElements(By.id("token-value")).isEmpty(), "shown once only");
  }

  @Test
  @Order(4)
  void aCompletedPersonsCertificateOpensItsPublicVerificationPage() {
    browser.go("/hr/index.xhtml?status=COMPLETED");
    browser.waitFor(By.id("people"));
    browser.find(By.cssSelector("#people a.person-link")).click();
    browser.waitFor(By.id("certificate"));
    browser.assertAccessible("hr-person-certificate");
    browser.find(By.cssSelector("#certificate a")).click();
    browser.waitFor(By.id("verify-valid"));
    browser.assertAccessible("verify");
    assertEquals(
        3,
        browser.driver().findElements(By.cssSelector("#verify-facts dt")).size(),
        "name, course, date");
  }

  @Test
  @Order(5)
  void hrSubscribesToTheFilteredReportByMailAndCancelsIt() {
    browser.go("/hr/index.xhtml?status=OVERDUE");
    browser.find(By.id("subscribe-link")).click();
    browser.waitFor(By.id("offered"));
    assertTrue(browser.text(By.id("offered")).contains("Over fristen"), "the filter in words");
    browser.assertAccessible("hr-subscriptions");
    browser.find(By.id("subscriptionForm:subscribe")).click();
    browser.waitFor(By.id("subscriptions"));
    assertEquals(
        1, browser.driver().findElements(By.cssSelector("#subscriptions tbody tr")).size());
    assertTrue(browser.driver().getCurrentUrl().endsWith("/hr/subscriptions.xhtml"));
    browser.assertAccessible("hr-subscriptions-one");
    browser.find(By.cssSelector("#subscriptions .cancel-subscription")).click();
    browser.waitFor(By.id("no-subscriptions"));

    browser.go("/hr/index.xhtml");
    browser.find(By.id("trend-link")).click();
    browser.waitFor(By.id("trend"));
    assertEquals(12, browser.driver().findElements(By.cssSelector("#trend tbody tr")).size());
    browser.assertAccessible("hr-trend");
  }

  @Test
  @Order(6)
  void hrRemindsTheOverdueOnceAndTheAdministratorReadsTheMailsInTheOutbox() {
    browser.go("/hr/index.xhtml");
    browser.find(By.id("remind-link")).click();
    browser.waitFor(By.id("overdue"));
    browser.assertAccessible("hr-remind");
    int chosen = browser.driver().findElements(By.cssSelector("#overdue .remind-choice")).size();
    assertTrue(chosen > 0, "everyone who can be reminded is chosen at first");
    browser.find(By.id("remindForm:send")).click();
    browser.waitFor(By.cssSelector("#remind-messages .message--info"));
    assertTrue(
        browser.text(By.cssSelector("#remind-messages .message--info")).contains("påmindelse"));
    assertTrue(
        browser.driver().findElements(By.cssSelector("#overdue .remind-choice")).isEmpty(),
        "nobody can be reminded twice in a week");
    browser.assertAccessible("hr-remind-sent");

    browser.find(By.id("logout")).click();
    browser.loginAs("admin", "medborger");
    browser.go("/admin/index.xhtml");
    browser.find(By.id("admin-outbox")).click();
    browser.waitFor(By.id("mails"));
    assertTrue(browser.text(By.id("smtp-state")).contains("MEDBORGER_SMTP_HOST"));
    assertTrue(browser.text(By.id("mails")).contains("Påmindelse: kurset"));
    browser.assertAccessible("admin-outbox");
  }
}
