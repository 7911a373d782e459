package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.StartedThreads;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logins through two gateways on two real Hazelcast members start no thread per login, on a JVM
 * whose common pool has one thread (a 2-core machine: the build sets its parallelism to 1), where
 * Hazelcast would otherwise start a thread for each completion of a map operation.
 */
class ThreadsPerLoginTest {

  private static final int WARM_UP = 50;
  private static final int LOGINS = 200;

  private static ClusterMembers cluster;
  private static FakeTwitterClient twitter;
  private static int gatewayA;
  private static int gatewayB;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("threads-per-login", 2);
    twitter = FakeTwitterClient.deploy(cluster.get(0)).await(30, TimeUnit.SECONDS);
    gatewayA = deployGateway(cluster.get(0));
    gatewayB = deployGateway(cluster.get(1));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void twoHundredLoginsAcrossTwoGatewaysStartFewerThanTenThreads() {
    assertThat(ForkJoinPool.getCommonPoolParallelism()).as("the common pool of a 2-core machine").isEqualTo(1);
    for (int i = 0; i < WARM_UP; i++) {
      signInAndOpenTheApp(new Browser(cluster.get(0)));
    }
    Browser[] browsers = new Browser[LOGINS];
    for (int i = 0; i < LOGINS; i++) {
      browsers[i] = new Browser(cluster.get(0));
    }

    StartedThreads started = StartedThreads.countFromNow();
    for (Browser browser : browsers) {
      signInAndOpenTheApp(browser);
    }

    assertThat(started.count()).as("threads started over %d logins; still alive: %s", LOGINS, started.stillAlive())
        .isLessThan(10);
  }

  /** Each login a new visitor: it starts on one gateway and completes on the other. */
  private static void signInAndOpenTheApp(Browser browser) {
    HttpResponse<Buffer> auth = browser.get(gatewayA, "/auth");
    String token = auth.getHeader("Location").replaceAll(".*oauth_token=([^&]*).*", "$1");
    HttpResponse<Buffer> callback = browser.get(gatewayB,
        "/callback?oauth_token=" + token + "&oauth_verifier=" + twitter.verifierFor(token));
    assertThat(callback.statusCode()).as(callback.bodyAsString()).isEqualTo(302);
    assertThat(browser.getJson(gatewayA, "/app").statusCode()).isEqualTo(200);
  }

  private static int deployGateway(Vertx node) throws Exception {
    GatewayVerticle gateway = new GatewayVerticle();
    // Many logins from one address, on purpose: not throttled (AuthThrottleTest is about that).
    JsonObject config = new JsonObject().put("host", "127.0.0.1").put("port", 0)
        .put("sessionEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS).put("authRatePerMinute", 0);
    node.deployVerticle(gateway, new DeploymentOptions().setConfig(config)).await(30, TimeUnit.SECONDS);
    return gateway.actualPort();
  }
}
