package dk.medborger.lms.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium, with an axe-core check for WCAG 2.1 AA and screenshots in {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private final WebDriver driver;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser open() throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromiumBinary());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver, profile);
  }

  private static String chromiumBinary() {
    for (String candidate : List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium")) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "Chromium is not installed (apt-get install chromium chromium-driver)");
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(RunningApplication.baseUrl() + path);
  }

  public WebElement find(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public String text(By by) {
    return find(by).getText();
  }

  /**
   * The learner's draft text on an assignment page: the contenteditable inside the rich-text
   * editor, once rich-text.js has made it a named textbox (ADR 32).
   */
  public WebElement draftText() {
    return find(By.cssSelector(".rich-text [contenteditable='true'][role='textbox']"));
  }

  /**
   * A wait for an ajax answer: a part it re-renders may replace an element between finding it and
   * reading it, which means "not yet", not a failure. Chromium says so as a stale element or as a
   * plain {@link org.openqa.selenium.WebDriverException} ("node does not belong to the document").
   */
  public WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    return wait;
  }

  public void waitFor(By by) {
    find(by);
  }

  /**
   * Switches the interface language with the header's language button (a form post) and waits until
   * the new page has replaced the old one: the old page's nodes go stale, and Chromium may say so
   * as a plain {@link org.openqa.selenium.WebDriverException} rather than a stale-element one, so
   * any driver error while the page changes means "not yet".
   */
  public void switchLanguage(String language) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    find(By.id("language-" + language)).click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.WebDriverException.class);
    wait.until(ExpectedConditions.stalenessOf(oldPage));
    wait.until(
        d ->
            language.equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                && "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  public void loginAs(String username, String password) {
    go("/login.xhtml");
    find(By.id("login:username")).sendKeys(username);
    driver.findElement(By.id("login:password")).sendKeys(password);
    driver.findElement(By.id("login:submit")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                !d.getCurrentUrl().contains("/login.xhtml")
                    || !d.findElements(By.cssSelector(".message--error")).isEmpty());
  }

  /** Fails on any serious or critical WCAG 2.1 A/AA violation axe-core finds on this page. */
  public void assertAccessible(String page) {
    screenshot(page);
    Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
    List<Rule> bad =
        results.getViolations().stream()
            .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
            .toList();
    if (!bad.isEmpty()) {
      fail(
          page
              + " has accessibility violations:\n"
              + bad.stream()
                  .map(
                      r ->
                          r.getImpact()
                              + " "
                              + r.getId()
                              + ": "
                              + r.getHelp()
                              + " → "
                              + r.getNodes().stream()
                                  .limit(3)
                                  .map(n -> n.getTarget().toString())
                                  .collect(Collectors.joining(", ")))
                  .collect(Collectors.joining("\n")));
    }
  }

  /** The element that has the keyboard focus. */
  public WebElement active() {
    return driver.switchTo().activeElement();
  }

  /** Presses Tab once, as a keyboard user moves on. */
  public void tab() {
    new org.openqa.selenium.interactions.Actions(driver)
        .sendKeys(org.openqa.selenium.Keys.TAB)
        .perform();
  }

  /** Presses Tab until the focus is on {@code target}; fails when 60 presses do not reach it. */
  public void tabTo(java.util.function.Predicate<WebElement> target) {
    for (int i = 0; i < 60; i++) {
      tab();
      if (target.test(active())) {
        return;
      }
    }
    throw new AssertionError("not reachable by Tab");
  }

  public void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    RunningApplication.deleteRecursively(profile);
  }
}
