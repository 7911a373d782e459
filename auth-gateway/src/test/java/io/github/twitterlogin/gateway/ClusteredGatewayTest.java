package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Vert.x instances in one JVM, each its own Hazelcast member on 127.0.0.1 and each with a
 * gateway: a login started on one completes on the other, without sticky sessions.
 */
class ClusteredGatewayTest {

  private static ClusterMembers cluster;
  private static Vertx nodeA;
  private static Vertx nodeB;
  private static FakeTwitterClient twitter;
  private static int gatewayA;
  private static int gatewayB;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("gateway-test", 2);
    nodeA = cluster.get(0);
    nodeB = cluster.get(1);
    twitter = FakeTwitterClient.deploy(nodeA).await(30, TimeUnit.SECONDS);
    // Behind a load balancer every gateway has the same public URL: here, gateway B's.
    gatewayB = deployGateway(nodeB, null);
    gatewayA = deployGateway(nodeA, "http://127.0.0.1:" + gatewayB);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void loginStartedOnOneGatewayCompletesOnTheOther() {
    Browser browser = new Browser(nodeA);
    HttpResponse<Buffer> auth = browser.get(gatewayA, "/auth");
    String token = auth.getHeader("Location").replaceAll(".*oauth_token=([^&]*).*", "$1");

    HttpResponse<Buffer> callback = browser.get(gatewayB,
        "/callback?oauth_token=" + token + "&oauth_verifier=" + twitter.verifierFor(token));

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(browser.getJson(gatewayB, "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("ada");
    assertThat(browser.getJson(gatewayA, "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("ada");
  }

  @Test
  void gatewayWithoutALocalTwitterClientUsesTheOneOnAnotherMember() {
    Browser browser = new Browser(nodeB);

    HttpResponse<Buffer> auth = browser.get(gatewayB, "/auth");

    assertThat(auth.statusCode()).isEqualTo(302);
    assertThat(browser.get(gatewayB, "/health/ready/twitter-client").statusCode()).isEqualTo(200);
  }

  private static int deployGateway(Vertx node, String publicUrl) throws Exception {
    GatewayVerticle gateway = new GatewayVerticle();
    JsonObject config = new JsonObject().put("host", "127.0.0.1").put("port", 0)
        .put("sessionEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS);
    if (publicUrl != null) {
      config.put("publicUrl", publicUrl);
    }
    node.deployVerticle(gateway, new DeploymentOptions().setConfig(config)).await(30, TimeUnit.SECONDS);
    return gateway.actualPort();
  }
}
