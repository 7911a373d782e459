package io.github.twitterlogin.service.browser;

import static io.github.twitterlogin.service.browser.SignInJourney.AUTHORIZE;
import static io.github.twitterlogin.service.browser.SignInJourney.AVATAR;
import static io.github.twitterlogin.service.browser.SignInJourney.CANCEL;
import static io.github.twitterlogin.service.browser.SignInJourney.MESSAGE_TITLE;
import static io.github.twitterlogin.service.browser.SignInJourney.SCREEN_NAME;
import static io.github.twitterlogin.service.browser.SignInJourney.SIGN_IN;
import static io.github.twitterlogin.service.browser.SignInJourney.SIGN_OUT;
import static io.github.twitterlogin.service.browser.SignInJourney.TRY_AGAIN;
import static io.github.twitterlogin.service.browser.SignInJourney.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** A person signs in with a real browser, against the gateway with the sandbox playing Twitter. */
@ExtendWith(SecretsStayOutOfLogs.class)
class BrowserSignInTest {

  @RegisterExtension
  final BrowserFixture<SingleGatewayService> fixture = new BrowserFixture<>(SingleGatewayService::start);

  private SingleGatewayService service;
  private HeadlessChromium browser;
  private SignInJourney journey;

  @BeforeEach
  void meetTheFixture() {
    service = fixture.service();
    browser = fixture.browser();
    journey = new SignInJourney(browser);
  }

  @Test
  void newVisitorSignsInStaysSignedInOnReloadAndSignsOut() {
    journey.openConsentPage(service.gatewayUrl());
    journey.authorizeAs(SandboxAccount.ADA);

    browser.expectUrl(service.gatewayUrl() + "/app");
    browser.expectText(USER_NAME, SandboxAccount.ADA.name());
    browser.expectText(SCREEN_NAME, "@" + SandboxAccount.ADA.screenName());
    browser.expectImageLoaded(AVATAR);
    browser.screenshot("sign-in-profile");

    browser.reload();
    browser.expectUrl(service.gatewayUrl() + "/app");
    browser.expectText(USER_NAME, SandboxAccount.ADA.name());

    browser.click(SIGN_OUT);
    browser.expectUrl(service.gatewayUrl() + "/");
    browser.expect(SIGN_IN);
    browser.screenshot("sign-in-signed-out");

    browser.open(service.gatewayUrl() + "/app");
    browser.expect(AUTHORIZE);
    assertThat(browser.isPresent(USER_NAME)).as("a profile after sign-out").isFalse();
  }

  @Test
  void cancelOnTheConsentPageShowsSignInCancelledWithAWayToTryAgain() {
    journey.openConsentPage(service.gatewayUrl());
    browser.click(CANCEL);

    browser.expectText(MESSAGE_TITLE, "Sign-in cancelled");
    assertThat(browser.currentUrl()).startsWith(service.gatewayUrl() + "/callback?denied=");
    browser.screenshot("sign-in-cancelled");

    browser.click(TRY_AGAIN);
    browser.expect(SignInJourney.AUTHORIZE);
    assertThat(browser.isPresent(SignInJourney.sandboxUser(SandboxAccount.ADA))).isTrue();
  }

  @Test
  void nameMadeOfHtmlIsShownAsTextAndRunsNoScript() {
    journey.openConsentPage(service.gatewayUrl());
    assertThat(browser.expect(By.cssSelector("label[for='user-" + SandboxAccount.MALLORY.id() + "']")).getText())
        .contains(SandboxAccount.MALLORY.name());
    assertNoScriptInThePage();
    journey.authorizeAs(SandboxAccount.MALLORY);

    browser.expectText(USER_NAME, SandboxAccount.MALLORY.name());
    browser.screenshot("html-name-as-text");
    assertNoScriptInThePage();

    browser.open(service.gatewayUrl() + "/");
    browser.expectText(USER_NAME, SandboxAccount.MALLORY.name());
    assertNoScriptInThePage();
  }

  /**
   * The pages have no script of their own, so any script element came from a name. The page's
   * Content-Security-Policy would also stop it from running, which is why its presence is
   * checked too, and not only the dialog it would open.
   */
  private void assertNoScriptInThePage() {
    assertThat(browser.hasOpenDialog()).as("a dialog opened by a name on " + browser.currentUrl()).isFalse();
    assertThat(browser.script("return document.scripts.length")).as("script elements on " + browser.currentUrl())
        .isEqualTo(0L);
  }
}
