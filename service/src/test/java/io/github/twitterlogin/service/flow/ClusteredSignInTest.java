package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
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

  @Test
  void gatewayWithoutALocalTwitterClientServesTheWholeLogin() {
    SignInBrowser browser = new SignInBrowser(nodeB);

    HttpResponse<Buffer> completed = browser.signIn(gatewayB, ZOE);

    assertThat(completed.statusCode()).isEqualTo(302);
    assertThat(browser.get(gatewayB + "/app").bodyAsString()).contains("Zoë Ångström");
  }

}
