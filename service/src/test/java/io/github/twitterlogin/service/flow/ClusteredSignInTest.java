package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import com.hazelcast.map.LocalMapStats;
import io.github.twitterlogin.service.process.Eventually;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Vert.x instances in one JVM, each its own Hazelcast member on 127.0.0.1: the sandbox, the
 * Twitter client and gateway A on one, gateway B on the other. Both gateways have B's public URL,
 * as behind a load balancer, so Twitter sends the browser back to B.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class ClusteredSignInTest {

  private static final String ZOE = "1000000002";
  private static final String HIRO = "1000000003";

  private static ClusterMembers cluster;
  private static Vertx nodeA;
  private static Vertx nodeB;
  private static String gatewayA;
  private static String gatewayB;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("sign-in-test", 2);
    nodeA = cluster.get(0);
    nodeB = cluster.get(1);
    String sandbox = LoopbackDeployments.sandbox(nodeA, SandboxConsumer.DEFAULT_CALLBACK_PREFIXES);
    LoopbackDeployments.twitterClient(nodeA, LoopbackDeployments.witness(nodeA, sandbox).url());
    gatewayB = LoopbackDeployments.gateway(nodeB);
    gatewayA = LoopbackDeployments.gatewayBehind(nodeA, gatewayB);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void loginStartedOnOneGatewayCompletesOnTheOther() {
    SignInBrowser browser = new SignInBrowser(nodeA);
    HttpResponse<Buffer> auth = browser.get(gatewayA + "/auth");
    String callback = browser.consent(auth.getHeader("Location"), ZOE, "authorize");
    assertThat(callback).startsWith(gatewayB + "/callback?");

    HttpResponse<Buffer> completed = browser.get(callback);

    assertThat(completed.statusCode()).isEqualTo(302);
    assertThat(browser.getJson(gatewayB + "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("zoe_angstrom");
    assertThat(browser.getJson(gatewayA + "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("zoe_angstrom");
  }

  /**
   * A first sign-in, started on A and finished on B, then the app read on B: the session is stored
   * at /auth, read and taken (left empty, so removed) at the callback and stored anew under its new
   * id, read at /app; the token is stored once, without a read, as she has none kept yet.
   */
  @Test
  void aLoginCostsFiveSessionOperationsAndOneToKeepTheToken() {
    long sessionsBefore = operations(ClusterSettings.SESSION_MAP_NAME);
    long tokensBefore = operations(ClusterSettings.USER_TOKEN_MAP_NAME);
    SignInBrowser browser = new SignInBrowser(nodeA);

    HttpResponse<Buffer> auth = browser.get(gatewayA + "/auth");
    browser.get(browser.consent(auth.getHeader("Location"), HIRO, "authorize"));
    assertThat(browser.getJson(gatewayB + "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("hiro");

    // Hazelcast counts an operation as it completes, which may be just after its caller goes on.
    Eventually.until("the login's map operations are counted", Duration.ofSeconds(10),
        () -> operations(ClusterSettings.SESSION_MAP_NAME) - sessionsBefore >= 5
            && operations(ClusterSettings.USER_TOKEN_MAP_NAME) - tokensBefore >= 1);
    assertThat(operations(ClusterSettings.SESSION_MAP_NAME) - sessionsBefore).as("session map operations").isEqualTo(5);
    assertThat(operations(ClusterSettings.USER_TOKEN_MAP_NAME) - tokensBefore).as("token map operations").isEqualTo(1);
  }

  /** Every operation on the map that the members made, as the benchmark counts them. */
  private static long operations(String mapName) {
    return Stream.of(nodeA, nodeB).map(node -> ClusterMembers.hazelcast(node).getMap(mapName).getLocalMapStats())
        .mapToLong(ClusteredSignInTest::operations).sum();
  }

  private static long operations(LocalMapStats stats) {
    return stats.getPutOperationCount() + stats.getSetOperationCount() + stats.getGetOperationCount()
        + stats.getRemoveOperationCount() + stats.getOtherOperationCount();
  }

  @Test
  void gatewayWithoutALocalTwitterClientServesTheWholeLogin() {
    SignInBrowser browser = new SignInBrowser(nodeB);

    HttpResponse<Buffer> completed = browser.signIn(gatewayB, ZOE);

    assertThat(completed.statusCode()).isEqualTo(302);
    assertThat(browser.get(gatewayB + "/app").bodyAsString()).contains("Zoë Ångström");
  }

}
