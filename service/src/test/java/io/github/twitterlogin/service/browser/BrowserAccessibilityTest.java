package io.github.twitterlogin.service.browser;

import static io.github.twitterlogin.service.browser.SignInJourney.AUTHORIZE;
import static io.github.twitterlogin.service.browser.SignInJourney.CANCEL;
import static io.github.twitterlogin.service.browser.SignInJourney.MESSAGE_TITLE;
import static io.github.twitterlogin.service.browser.SignInJourney.SIGN_IN;
import static io.github.twitterlogin.service.browser.SignInJourney.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page of the sign-in, as the browser renders it, passes {@link PageAudit}: the gateway's
 * landing, profile and cancelled pages, and the sandbox's consent and error pages.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class BrowserAccessibilityTest {

  @RegisterExtension
  final BrowserFixture<SingleGatewayService> fixture = new BrowserFixture<>(SingleGatewayService::start);

  private SingleGatewayService service;
  private HeadlessChromium browser;
  private SignInJourney journey;
  private PageAudit audit;

  @BeforeEach
  void meetTheFixture() {
    service = fixture.service();
    browser = fixture.browser();
    journey = new SignInJourney(browser);
    audit = new PageAudit(browser);
  }

  @Test
  void everySignInPageHasLabelsAltTextsOneHeadingContrastAndNothingExternal() {
    List<String> problems = new ArrayList<>();
    browser.open(service.gatewayUrl() + "/");
    browser.expect(SIGN_IN);
    problems.addAll(audit.pageProblems());

    browser.click(SIGN_IN);
    browser.expect(AUTHORIZE);
    problems.addAll(audit.pageProblems());

    journey.authorizeAs(SandboxAccount.ADA);
    browser.expect(USER_NAME);
    problems.addAll(audit.pageProblems());

    browser.open(service.gatewayUrl() + "/");
    browser.expect(USER_NAME);
    problems.addAll(audit.pageProblems());
    browser.screenshot("accessibility-signed-in-landing");

    browser.click(SignInJourney.SIGN_OUT);
    // The signed-out start page: opening another page before it comes would cancel the sign-out's POST.
    browser.expect(SIGN_IN);
    journey.openConsentPage(service.gatewayUrl());
    browser.click(CANCEL);
    browser.expect(MESSAGE_TITLE);
    problems.addAll(audit.pageProblems());

    browser.open(service.sandboxUrl() + "/oauth/authenticate?oauth_token=unknown");
    browser.expect(MESSAGE_TITLE);
    problems.addAll(audit.pageProblems());

    assertThat(problems).isEmpty();
  }

  @Test
  void keyboardReachesEveryActionInReadingOrderWithAVisibleFocusRing() {
    List<String> problems = new ArrayList<>();
    browser.open(service.gatewayUrl() + "/");
    browser.expect(SIGN_IN);
    problems.addAll(audit.keyboardProblems("sign-in"));

    browser.click(SIGN_IN);
    browser.expect(AUTHORIZE);
    problems.addAll(audit.keyboardProblems("authorize"));
    screenshotWithKeyboardOn("authorize", "keyboard-focus-consent");

    journey.authorizeAs(SandboxAccount.ADA);
    browser.expect(USER_NAME);
    problems.addAll(audit.keyboardProblems("sign-out"));
    screenshotWithKeyboardOn("sign-out", "keyboard-focus-profile");

    browser.click(SignInJourney.SIGN_OUT);
    // The signed-out start page: opening another page before it comes would cancel the sign-out's POST.
    browser.expect(SIGN_IN);
    journey.openConsentPage(service.gatewayUrl());
    browser.click(CANCEL);
    browser.expect(MESSAGE_TITLE);
    problems.addAll(audit.keyboardProblems("try-again"));

    assertThat(problems).isEmpty();
  }

  /** Tabs to the element, so that the screenshot shows its focus ring as a keyboard user sees it. */
  private void screenshotWithKeyboardOn(String id, String screenshot) {
    browser.keyboardToTopOfPage();
    for (int stop = 0; stop < 20 && !browser.focusedId().equals(id); stop++) {
      browser.pressTab();
    }
    assertThat(browser.focusedId()).as("the focus after tabbing to #" + id).isEqualTo(id);
    browser.screenshot(screenshot);
  }
}
