package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness in a cluster of two members in this JVM: the gateway on the first, the Twitter client
 * on the second. Ready is this member in the cluster, the cluster safe, and a Twitter client
 * answering, wherever it runs.
 */
class ClusteredHealthTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private ClusterMembers cluster;
  private Browser browser;
  private int gateway;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("health-test", 2);
    FakeTwitterClient.deploy(cluster.get(1)).await(30, TimeUnit.SECONDS);
    GatewayVerticle verticle = new GatewayVerticle();
    cluster.get(0).deployVerticle(verticle, new DeploymentOptions().setConfig(new JsonObject()
        .put("host", "127.0.0.1").put("port", 0).put("sessionEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS)))
        .await(30, TimeUnit.SECONDS);
    gateway = verticle.actualPort();
    browser = new Browser(cluster.get(0));
  }

  @AfterEach
  void closeCluster() throws Exception {
    cluster.close();
  }

  @Test
  void aMemberOfASafeClusterWithATwitterClientIsReady() {
    HttpResponse<Buffer> ready = awaitStatus(200);

    assertThat(status(ready, "cluster-member")).isEqualTo("UP");
    assertThat(status(ready, "cluster-safe")).isEqualTo("UP");
    assertThat(status(ready, "twitter-client")).isEqualTo("UP");
  }

  /** Its Hazelcast stopped at once, as when the cluster dropped it: the gateway serves on, and is not ready. */
  @Test
  void aGatewayWhoseMemberIsNoLongerInTheClusterIsNotReady() {
    awaitStatus(200);
    ((HazelcastClusterManager) ((VertxInternal) cluster.get(0)).clusterManager()).getHazelcastInstance()
        .getLifecycleService().terminate();

    HttpResponse<Buffer> ready = awaitStatus(503);

    assertThat(status(ready, "cluster-member")).isEqualTo("DOWN");
    assertThat(status(ready, "cluster-safe")).isEqualTo("DOWN");
    assertThat(browser.get(gateway, "/health/live").statusCode()).isEqualTo(200);
  }

  private HttpResponse<Buffer> awaitStatus(int status) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    HttpResponse<Buffer> last;
    do {
      last = browser.get(gateway, "/health/ready");
      if (last.statusCode() == status) {
        return last;
      }
    } while (System.nanoTime() < end);
    throw new AssertionError("/health/ready still answers " + last.statusCode() + ": " + last.bodyAsString());
  }

  private static String status(HttpResponse<Buffer> ready, String id) {
    JsonArray checks = ready.bodyAsJsonObject().getJsonArray("checks");
    for (int i = 0; i < checks.size(); i++) {
      if (checks.getJsonObject(i).getString("id").equals(id)) {
        return checks.getJsonObject(i).getString("status");
      }
    }
    throw new AssertionError("No check " + id + " in " + ready.bodyAsString());
  }
}
