package io.github.twitterlogin.service.browser;

import static io.github.twitterlogin.service.browser.SignInJourney.AUTHORIZE;
import static io.github.twitterlogin.service.browser.SignInJourney.SIGN_IN;
import static io.github.twitterlogin.service.browser.SignInJourney.SIGN_OUT;
import static io.github.twitterlogin.service.browser.SignInJourney.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The sign-in in a phone-sized window (390 x 844, a current phone): nothing to scroll sideways for. */
@ExtendWith(SecretsStayOutOfLogs.class)
class BrowserPhoneLayoutTest {

  @RegisterExtension
  final BrowserFixture<SingleGatewayService> fixture = new BrowserFixture<>(SingleGatewayService::start);

  private SingleGatewayService service;
  private HeadlessChromium browser;
  private SignInJourney journey;

  @BeforeEach
  void meetTheFixture() {
    service = fixture.service();
    browser = fixture.browser();
    browser.resizeTo(HeadlessChromium.PHONE);
    journey = new SignInJourney(browser);
  }

  @Test
  void signInPagesFitAPhoneScreenWithTheirActionsInReach() {
    List<String> problems = new ArrayList<>();
    browser.open(service.gatewayUrl() + "/");
    browser.expect(SIGN_IN);
    assertThat(browser.script("return window.innerWidth")).as("the page's width").isEqualTo(
        (long) HeadlessChromium.PHONE.width);
    problems.addAll(layoutProblems(SIGN_IN));
    browser.screenshot("phone-landing");

    browser.click(SIGN_IN);
    browser.expect(AUTHORIZE);
    problems.addAll(layoutProblems(AUTHORIZE));
    browser.screenshot("phone-consent");

    journey.authorizeAs(SandboxAccount.ADA);
    browser.expect(USER_NAME);
    problems.addAll(layoutProblems(SIGN_OUT));
    browser.screenshot("phone-profile");

    assertThat(problems).isEmpty();
  }

  /**
   * Nothing wider than the screen, and the page's main action inside it and at least 44 CSS
   * pixels high, the size of a fingertip (WCAG 2.5.5).
   */
  private List<String> layoutProblems(By action) {
    List<String> problems = new ArrayList<>();
    long pageWidth = (Long) browser.script("return document.documentElement.scrollWidth");
    long screenWidth = (Long) browser.script("return window.innerWidth");
    if (pageWidth > screenWidth) {
      problems.add(browser.currentUrl() + " is " + pageWidth + " px wide on a " + screenWidth + " px screen");
    }
    var box = browser.expect(action).getRect();
    if (box.x < 0 || box.x + box.width > screenWidth || box.height < 44) {
      problems.add(browser.currentUrl() + ": " + action + " is at " + box.x + "," + box.y + ", "
          + box.width + " x " + box.height + " px, on a " + screenWidth + " px screen");
    }
    return problems;
  }
}
