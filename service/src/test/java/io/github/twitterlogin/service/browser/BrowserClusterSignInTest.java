package io.github.twitterlogin.service.browser;

import static io.github.twitterlogin.service.browser.SignInJourney.AVATAR;
import static io.github.twitterlogin.service.browser.SignInJourney.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One browser, two gateways of one cluster on two ports of 127.0.0.1. A browser sends its
 * 127.0.0.1 cookies to every port, as it would send them to every gateway behind one load
 * balancer, so one session spans both.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class BrowserClusterSignInTest {

  @RegisterExtension
  final BrowserFixture<TwoGatewayCluster> fixture = new BrowserFixture<>(TwoGatewayCluster::start);

  private TwoGatewayCluster cluster;
  private HeadlessChromium browser;
  private SignInJourney journey;

  @BeforeEach
  void meetTheFixture() {
    cluster = fixture.service();
    browser = fixture.browser();
    journey = new SignInJourney(browser);
  }

  @Test
  void signInStartedOnOneGatewayIsCompletedByTheOther() {
    journey.openConsentPage(cluster.firstGatewayUrl());
    journey.authorizeAs(SandboxAccount.ADA);

    browser.expectUrl(cluster.secondGatewayUrl() + "/app");
    browser.expectText(USER_NAME, SandboxAccount.ADA.name());
    browser.expectImageLoaded(AVATAR);
    browser.screenshot("cluster-signed-in-on-second-gateway");

    browser.open(cluster.firstGatewayUrl() + "/app");
    browser.expectText(USER_NAME, SandboxAccount.ADA.name());
    assertThat(browser.currentUrl()).isEqualTo(cluster.firstGatewayUrl() + "/app");
  }
}
