package io.github.twitterlogin.service.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, driven headless through Debian's ChromeDriver, with a new empty profile.
 * When it cannot start, the test fails and says why: a browser test is never skipped silently.
 * Every wait has a deadline, and a wait that ends without what it expected fails with the page
 * the browser shows instead.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path CHROMIUM = Paths.get(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Paths.get(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  public static final Dimension DESKTOP = new Dimension(1280, 900);
  public static final Dimension PHONE = new Dimension(390, 844);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration COMMAND_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration COMMAND_READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  // Selenium warns at every start that it has no DevTools bindings for this Chromium's version.
  // None are used: screenshots go through ChromeDriver's own CDP endpoint, which needs none.
  // The field keeps the logger, and so its level, from being garbage-collected.
  private static final Logger DEVTOOLS_LOG = quiet(Logger.getLogger("org.openqa.selenium.devtools"));

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static HeadlessChromium start() {
    requireExecutable(CHROMIUM, "chromium");
    requireExecutable(CHROMEDRIVER, "chromium-driver");
    Path profile = newProfile();
    // --no-sandbox: CI runs as root, where Chromium's own sandbox cannot start. Without
    // --disable-background-networking Chromium calls Google's hosts at start; a test machine
    // may not reach them, and no test should depend on them.
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
            "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    try {
      // Every command to ChromeDriver, every page load and every script has a deadline.
      ChromeDriver driver = new ChromeDriver(service, options, ClientConfig.defaultConfig()
          .connectionTimeout(COMMAND_CONNECT_TIMEOUT).readTimeout(COMMAND_READ_TIMEOUT));
      driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT).scriptTimeout(WAIT);
      return new HeadlessChromium(driver, profile);
    } catch (WebDriverException cannotStart) {
      deleteQuietly(profile.toFile());
      throw new AssertionError("Chromium could not be started through " + CHROMEDRIVER + " (" + CHROMIUM
          + "): " + cannotStart.getMessage(), cannotStart);
    }
  }

  public void open(String url) {
    driver.get(url);
  }

  public void reload() {
    driver.navigate().refresh();
  }

  /** Waits for the element to be shown; when it does not come, fails with the page that came instead. */
  public WebElement expect(By locator) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(locator), "Expected " + locator);
  }

  /** Waits for the element to show exactly this text. */
  public WebElement expectText(By locator, String text) {
    waitFor(ExpectedConditions.textToBe(locator, text), "Expected " + locator + " to read \"" + text + "\"");
    return driver.findElement(locator);
  }

  public void expectUrl(String url) {
    waitFor(ExpectedConditions.urlToBe(url), "Expected to be at " + url);
  }

  /** Waits for the image to be loaded and drawn: an {@code <img>} whose source failed has no natural width. */
  public void expectImageLoaded(By locator) {
    WebElement image = expect(locator);
    waitFor(browser -> (Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0;", image),
        "Expected the image " + locator + " (" + image.getAttribute("src") + ") to load");
  }

  public void click(By locator) {
    expect(locator).click();
  }

  public boolean isPresent(By locator) {
    return !driver.findElements(locator).isEmpty();
  }

  /**
   * Whether a JavaScript dialog is open. An open one would also make every other command fail;
   * asking is immediate, so no time has to pass to prove there is none.
   */
  public boolean hasOpenDialog() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException none) {
      return false;
    }
  }

  public Object script(String javaScript, Object... arguments) {
    return driver.executeScript(javaScript, arguments);
  }

  /**
   * Puts the keyboard at the top of the page, as after a fresh load. Blurring the focused
   * element is not enough: the browser would go on tabbing from where it was.
   */
  public void keyboardToTopOfPage() {
    script("const start = document.createElement('span'); start.tabIndex = -1; document.body.prepend(start);"
        + " start.focus(); start.remove(); window.scrollTo(0, 0);");
  }

  /** The id of the element that has the keyboard focus, empty when none has. */
  public String focusedId() {
    return (String) script("return document.activeElement === document.body ? '' : document.activeElement.id;");
  }

  /** Moves the keyboard focus as a person does, with the Tab key. */
  public void pressTab() {
    new Actions(driver).sendKeys(Keys.TAB).perform();
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  public void resizeTo(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** Saves the whole page, below the fold too, as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    List<?> size = (List<?>) script("const page = document.documentElement;"
        + " return [Math.max(page.scrollWidth, window.innerWidth), page.scrollHeight];");
    Map<String, Object> wholePage = Map.of("x", 0, "y", 0, "scale", 1,
        "width", ((Number) size.get(0)).doubleValue(), "height", ((Number) size.get(1)).doubleValue());
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", wholePage));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile.toFile());
    }
  }

  private <T> T waitFor(Function<WebDriver, T> condition, String expectation) {
    try {
      return new WebDriverWait(driver, WAIT).until(condition);
    } catch (TimeoutException missing) {
      throw new AssertionError(expectation + " on " + driver.getCurrentUrl() + " within " + WAIT
          + "; the page was:\n" + driver.getPageSource(), missing);
    }
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static void requireExecutable(Path path, String debianPackage) {
    if (!Files.isExecutable(path)) {
      throw new AssertionError(path + " is missing: install Debian's " + debianPackage
          + " (apt-get install -y chromium chromium-driver); .ci/run does it");
    }
  }

  private static Path newProfile() {
    try {
      return Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteQuietly(child);
      }
    }
    file.delete();
  }
}
