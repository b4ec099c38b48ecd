package dk.medborger.lms.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser journey shares: the runnable jar running ({@link RunningApplication}), one
 * headless Chromium for the whole class, and the tests in their {@code @Order}, since a journey's
 * steps follow each other. A subclass's own {@code @BeforeAll} (a login) runs after the browser is
 * open.
 */
@ExtendWith(RunningApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class BrowserJourney {

  protected static Browser browser;

  @BeforeAll
  static void openBrowser() throws Exception {
    browser = Browser.open();
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    browser.close();
  }
}
