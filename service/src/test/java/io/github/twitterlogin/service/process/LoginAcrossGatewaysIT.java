package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.testing.ListeningSockets;
import io.vertx.core.eventbus.DeliveryOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two gateway processes behind a load balancer without sticky sessions and a Twitter client
 * process, started from the service's jar with event-bus TLS on, and a sandbox process.
 */
class LoginAcrossGatewaysIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  // Long enough for a member with the certificate to be answered; the intruder waits it out.
  private static final DeliveryOptions SHORT_TIMEOUT = new DeliveryOptions().setSendTimeout(5_000);

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();

  private static LoopbackCluster cluster;
  private static int gatewayA;
  private static int gatewayB;
  private static TestJvmMember member;
  private static List<ServiceProcess> started;

  @BeforeAll
  static void startCluster() throws Exception {
    TestApp app = TestApp.create();
    WitnessedSandbox sandbox = WitnessedSandbox.start(processes, app);
    cluster = LoopbackCluster.startWithEventBusTls("login-across-gateways");
    member = cluster.testJvm();
    ServiceProcess a = processes.startService("gateway-a", cluster.member().roles("gateway")
        .gateway(SignIn.LOAD_BALANCER_URL));
    ServiceProcess b = processes.startService("gateway-b", cluster.member().roles("gateway")
        .gateway(SignIn.LOAD_BALANCER_URL));
    ServiceProcess client = processes.startService("twitter-client",
        cluster.member().roles("twitter-client").twitterApi(sandbox.awaitWitness(browsers.vertx()).url(), app));
    ServiceProcess.awaitAllReady(client, a, b);
    started = List.of(sandbox.process(), client, a, b);
    // This JVM, the Twitter client, gateways A and B.
    member.awaitMemberCount(4, DEADLINE);
    gatewayA = a.httpPort();
    gatewayB = b.httpPort();
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Every port of every role (HTTP, Hazelcast, the event bus, the sandbox) is on 127.0.0.1 only. */
  @Test
  void noProcessListensOnAWildcardAddress() {
    for (ServiceProcess process : started) {
      List<ListeningSockets.Socket> listening = ListeningSockets.of(process.pid());

      assertThat(listening).as(process + " listens").isNotEmpty();
      assertThat(listening).as(process + " on a wildcard address").noneMatch(ListeningSockets.Socket::isWildcard);
    }
  }

  @Test
  void loginStartedOnOneGatewayCompletesOnTheOther() {
    Browser browser = browsers.open();

    URI callback = SignIn.authorizeOnTwitter(browser, gatewayA, SignIn.ADA);
    SignIn.completeOn(browser, gatewayB, callback);

    assertThat(callback.toString()).startsWith(SignIn.LOAD_BALANCER_URL + "/callback?");
    assertThat(SignIn.signedInScreenName(browser, gatewayB)).isEqualTo(SignIn.ADA_SCREEN_NAME);
    assertThat(SignIn.signedInScreenName(browser, gatewayA)).isEqualTo(SignIn.ADA_SCREEN_NAME);
  }

  @Test
  void gatewayThatJoinsLaterServesExistingSessions() {
    Browser browser = browsers.open();
    SignIn.signInThrough(browser, gatewayA, SignIn.ADA);

    ServiceProcess late = processes.startService("gateway-c",
        cluster.member().roles("gateway").gateway(SignIn.LOAD_BALANCER_URL));
    late.awaitReady();

    assertThat(SignIn.signedInScreenName(browser, late.httpPort())).isEqualTo(SignIn.ADA_SCREEN_NAME);
    assertThat(late.terminate(DEADLINE)).as("exit status on SIGTERM").isZero();
  }

  @Test
  void memberWithoutTheClustersCertificateGetsNoAnswerOnTheEventBus() throws Exception {
    TwitterClient.create(member.vertx()).ping().await(60, TimeUnit.SECONDS);

    // Open-source Hazelcast lets it join; the event bus of every process refuses its connections.
    try (TestJvmMember intruder = cluster.joinWithoutTls()) {
      TwitterClient fromIntruder = TwitterClient.create(intruder.vertx(), SHORT_TIMEOUT);

      assertThatThrownBy(() -> fromIntruder.ping().await(30, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(TwitterFailureException.class,
              failure -> assertThat(failure.failure()).isEqualTo(TwitterFailure.CLIENT_TIMEOUT));
    }
  }
}
