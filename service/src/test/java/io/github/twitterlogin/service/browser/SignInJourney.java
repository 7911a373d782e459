package io.github.twitterlogin.service.browser;

import org.openqa.selenium.By;

/** What a person does to sign in, and the elements they look at on the way. */
public final class SignInJourney {

  public static final By SIGN_IN = By.id("sign-in");
  public static final By AUTHORIZE = By.id("authorize");
  public static final By CANCEL = By.id("cancel");
  public static final By USER_NAME = By.id("user-name");
  public static final By SCREEN_NAME = By.id("screen-name");
  public static final By AVATAR = By.id("avatar");
  public static final By SIGN_OUT = By.id("sign-out");
  public static final By MESSAGE_TITLE = By.id("message-title");
  public static final By TRY_AGAIN = By.id("try-again");

  private final HeadlessChromium browser;

  public SignInJourney(HeadlessChromium browser) {
    this.browser = browser;
  }

  /** Opens the gateway's start page, follows "Sign in with Twitter" and waits for the sandbox's consent page. */
  public void openConsentPage(String gatewayUrl) {
    browser.open(gatewayUrl + "/");
    browser.click(SIGN_IN);
    browser.expect(AUTHORIZE);
  }

  public void authorizeAs(SandboxAccount account) {
    browser.click(sandboxUser(account));
    browser.click(AUTHORIZE);
  }

  /** The choice of an account on the sandbox's consent page. */
  public static By sandboxUser(SandboxAccount account) {
    return By.id("user-" + account.id());
  }
}
