package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.gateway.GatewayOptions;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gateway A is killed with SIGKILL between a login's {@code /auth} and its {@code /callback},
 * after people signed in through it; gateway B, in another process, carries on. The Twitter
 * client and both gateways are processes of the service's jar, the sandbox one of its own.
 */
class GatewayKilledMidLoginIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  // Each session's primary copy lands on one of the 4 members: with this many, one on A is all but certain.
  private static final int MAX_SIGN_INS_THROUGH_A = 40;
  private static final Map<String, String> SANDBOX_USERS = Map.of(
      "1000000001", "ada", "1000000002", "zoe_angstrom", "1000000003", "hiro", "1000000004", "mallory");

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();
  private static final Map<Browser, String> signedInThroughA = new LinkedHashMap<>();

  private static LoopbackCluster cluster;
  private static int gatewayB;
  private static TestJvmMember member;
  private static Browser midLogin;
  private static URI pendingCallback;

  @BeforeAll
  static void signInThroughGatewayAThenKillIt() throws Exception {
    TestApp app = TestApp.create();
    WitnessedSandbox sandbox = WitnessedSandbox.start(processes, app);
    cluster = LoopbackCluster.start("gateway-killed");
    member = cluster.testJvm();
    ServiceProcess a = processes.startService("gateway-a", cluster.member().roles("gateway")
        .gateway(SignIn.LOAD_BALANCER_URL));
    ServiceProcess b = processes.startService("gateway-b", cluster.member().roles("gateway")
        .gateway(SignIn.LOAD_BALANCER_URL));
    ServiceProcess client = processes.startService("twitter-client",
        cluster.member().roles("twitter-client").twitterApi(sandbox.awaitWitness(browsers.vertx()).url(), app));
    ServiceProcess.awaitAllReady(client, a, b);
    // This JVM, the Twitter client, gateways A and B.
    member.awaitMemberCount(4, DEADLINE);
    gatewayB = b.httpPort();

    signInThroughAUntilASessionIsHeldByA(a.httpPort(), a.port("cluster"));
    midLogin = browsers.open();
    pendingCallback = SignIn.authorizeOnTwitter(midLogin, a.httpPort(), SignIn.ADA);
    a.kill();
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void loginStartedOnTheKilledGatewayCompletesOnTheOther() {
    SignIn.completeOn(midLogin, gatewayB, pendingCallback);

    assertThat(SignIn.signedInScreenName(midLogin, gatewayB)).isEqualTo(SignIn.ADA_SCREEN_NAME);
  }

  @Test
  void everySessionCreatedThroughTheKilledGatewayIsServedByTheOther() {
    signedInThroughA.forEach((browser, screenName) ->
        assertThat(SignIn.signedInScreenName(browser, gatewayB)).as(screenName).isEqualTo(screenName));
  }

  /**
   * Signing in through A does not put the session on A: Hazelcast places it by its id. Only a
   * session whose primary copy was on A shows that its backup took over, so sign-ins go on
   * until one is.
   */
  private static void signInThroughAUntilASessionIsHeldByA(int gatewayA, int gatewayAClusterPort) {
    List<String> userIds = List.copyOf(SANDBOX_USERS.keySet());
    boolean oneHeldByA = false;
    for (int i = 0; i < MAX_SIGN_INS_THROUGH_A && !oneHeldByA; i++) {
      Browser browser = browsers.open();
      String userId = userIds.get(i % userIds.size());
      SignIn.signInThrough(browser, gatewayA, userId);
      signedInThroughA.put(browser, SANDBOX_USERS.get(userId));
      String sessionId = browser.cookie(GatewayOptions.DEFAULT_COOKIE_NAME).orElseThrow();
      oneHeldByA = member.primaryOwnerPort(sessionId) == gatewayAClusterPort;
    }
    assertThat(oneHeldByA).as("a session held by gateway A after %d sign-ins into the map %s",
        signedInThroughA.size(), ClusterSettings.SESSION_MAP_NAME).isTrue();
  }
}
