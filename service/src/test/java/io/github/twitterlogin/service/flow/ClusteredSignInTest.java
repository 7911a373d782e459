package io.github.twitterlogin.service.flow;

import io.github.twitterlogin.shared.testing.LoopbackPorts;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.gateway.GatewayVerticle;
import io.github.twitterlogin.sandbox.TwitterSandboxVerticle;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Vert.x instances in one JVM, each its own Hazelcast member on 127.0.0.1: the sandbox, the
 * Twitter client and gateway A on one, gateway B on the other. Both gateways have B's public URL,
 * as behind a load balancer, so Twitter sends the browser back to B.
 */
class ClusteredSignInTest {

  private static final String ZOE = "1000000002";

  private static Vertx nodeA;
  private static Vertx nodeB;
  private static String gatewayA;
  private static String gatewayB;

  @BeforeAll
  static void startCluster() throws Exception {
    String name = "sign-in-test-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.distinct(2);
    List<Vertx> nodes = Future.all(
            ClusteredVertx.start(ClusterSettings.loopback(name, ports.get(0), ports)),
            ClusteredVertx.start(ClusterSettings.loopback(name, ports.get(1), ports)))
        .await(120, TimeUnit.SECONDS).list();
    nodeA = nodes.get(0);
    nodeB = nodes.get(1);
    TwitterSandboxVerticle sandbox = new TwitterSandboxVerticle();
    LoginStack.deploy(nodeA, sandbox, LoginStack.loopback());
    LoginStack.deployTwitterClient(nodeA, sandbox, new JsonObject());
    gatewayB = deployGateway(nodeB, new JsonObject());
    gatewayA = deployGateway(nodeA, new JsonObject().put("publicUrl", gatewayB));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    Future.join(nodeA.close(), nodeB.close()).await(60, TimeUnit.SECONDS);
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

  private static String deployGateway(Vertx node, JsonObject config) throws Exception {
    GatewayVerticle gateway = new GatewayVerticle();
    LoginStack.deploy(node, gateway, LoginStack.loopback().mergeIn(config));
    return "http://127.0.0.1:" + gateway.actualPort();
  }

}
