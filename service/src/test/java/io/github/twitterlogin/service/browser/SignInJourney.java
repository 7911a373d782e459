package io.github.twitterlogin.service.browser;

import org.openqa.selenium.By;

/** What a person does to sign in, and the elements they look at on the way. */
final class SignInJourney {

  static final By SIGN_IN = By.id("sign-in");
  static final By AUTHORIZE = By.id("authorize");
  static final By CANCEL = By.id("cancel");
  static final By USER_NAME = By.id("user-name");
  static final By SCREEN_NAME = By.id("screen-name");
  static final By AVATAR = By.id("avatar");
  static final By SIGN_OUT = By.id("sign-out");
  static final By MESSAGE_TITLE = By.id("message-title");
  static final By TRY_AGAIN = By.id("try-again");

  private final HeadlessChromium browser;

  SignInJourney(HeadlessChromium browser) {
    this.browser = browser;
  }

  /** Opens the gateway's start page, follows "Sign in with Twitter" and waits for the sandbox's consent page. */
  void openConsentPage(String gatewayUrl) {
    browser.open(gatewayUrl + "/");
    browser.click(SIGN_IN);
    browser.expect(AUTHORIZE);
  }

  void authorizeAs(SandboxAccount account) {
    browser.click(sandboxUser(account));
    browser.click(AUTHORIZE);
  }

  /** The choice of an account on the sandbox's consent page. */
  static By sandboxUser(SandboxAccount account) {
    return By.id("user-" + account.id());
  }
}
