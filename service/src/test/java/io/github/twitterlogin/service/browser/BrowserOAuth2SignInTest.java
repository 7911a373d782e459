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

/**
 * A person signs in with a real browser through OAuth 2.0 with PKCE ({@code TWITTER_AUTH=oauth2}):
 * the same pages, the same profile, the same sign-out as OAuth 1.0a's, through the sandbox's
 * {@code i/oauth2/authorize}.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class BrowserOAuth2SignInTest {

  @RegisterExtension
  final BrowserFixture<SingleGatewayService> fixture = new BrowserFixture<>(SingleGatewayService::startOAuth2);

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
  void newVisitorSignsInWithOAuth2StaysSignedInOnReloadAndSignsOut() {
    journey.openConsentPage(service.gatewayUrl());
    assertThat(browser.currentUrl()).contains("/i/oauth2/authorize?response_type=code&client_id=",
        "code_challenge_method=S256");
    journey.authorizeAs(SandboxAccount.ADA);

    browser.expectUrl(service.gatewayUrl() + "/app");
    browser.expectText(USER_NAME, SandboxAccount.ADA.name());
    browser.expectText(SCREEN_NAME, "@" + SandboxAccount.ADA.screenName());
    browser.expectImageLoaded(AVATAR);
    browser.screenshot("oauth2-sign-in-profile");

    browser.reload();
    browser.expectText(USER_NAME, SandboxAccount.ADA.name());

    browser.click(SIGN_OUT);
    browser.expectUrl(service.gatewayUrl() + "/");
    browser.expect(SIGN_IN);
    browser.open(service.gatewayUrl() + "/app");
    browser.expect(AUTHORIZE);
    assertThat(browser.isPresent(USER_NAME)).as("a profile after sign-out").isFalse();
  }

  @Test
  void cancelOnTheConsentPageShowsSignInCancelledWithAWayToTryAgain() {
    journey.openConsentPage(service.gatewayUrl());
    browser.click(CANCEL);

    browser.expectText(MESSAGE_TITLE, "Sign-in cancelled");
    assertThat(browser.currentUrl()).startsWith(service.gatewayUrl() + "/callback?state=")
        .endsWith("&error=access_denied");
    browser.screenshot("oauth2-sign-in-cancelled");

    browser.click(TRY_AGAIN);
    browser.expect(AUTHORIZE);
    assertThat(browser.currentUrl()).contains("/i/oauth2/authorize?");
  }
}
