package io.github.twitterlogin.service.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test, the service freshly started and a new browser with an empty profile: every
 * test meets the service as a new visitor. When a test fails, what the browser showed is saved
 * as {@code <TestClass>.<test>-failed.png} before the browser is quit. Both are stopped after
 * each test, whether it passed or not.
 *
 * @param <S> the service the browser talks to
 */
public final class BrowserFixture<S extends AutoCloseable> implements BeforeEachCallback, AfterTestExecutionCallback,
    AfterEachCallback {

  /** Starts the service, on loopback ports; fails when it cannot. */
  interface Starter<S> {
    S start() throws Exception;
  }

  private final Starter<S> starter;
  private S service;
  private HeadlessChromium browser;

  public BrowserFixture(Starter<S> starter) {
    this.starter = starter;
  }

  public S service() {
    return service;
  }

  public HeadlessChromium browser() {
    return browser;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    service = starter.start();
    try {
      browser = HeadlessChromium.start();
    } catch (RuntimeException | Error browserFailed) {
      stop();
      throw browserFailed;
    }
  }

  /** Runs right after the test method, while the browser still shows where the test stopped. */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty() || browser == null) {
      return;
    }
    String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    try {
      browser.screenshot(name + "-failed");
    } catch (RuntimeException cannotShoot) {
      context.getExecutionException().get().addSuppressed(cannotShoot);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    stop();
  }

  private void stop() throws Exception {
    try (S closing = service) {
      if (browser != null) {
        browser.close();
      }
    } finally {
      browser = null;
      service = null;
    }
  }
}
