package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /health/live}, {@code /health/ready} and {@code /health}, as a load balancer asks them, GET and HEAD. */
@ExtendWith(VertxExtension.class)
class HealthTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @Test
  void liveIsUpWhileTheGatewayServesEvenWithoutATwitterClient(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject(), false);

    HttpResponse<Buffer> live = gateway.get("/health/live");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(gateway.browser.request(HttpMethod.HEAD, gateway.port(), "/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void readyIsUpWithATwitterClient(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> ready = gateway.get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(check(ready.bodyAsJsonObject(), "twitter-client").getString("status")).isEqualTo("UP");
    assertThat(check(ready.bodyAsJsonObject(), "cluster-member").getJsonObject("data").getBoolean("clustered"))
        .as("a gateway outside a cluster").isFalse();
  }

  @Test
  void readyIsDownWithoutATwitterClientAndSaysWhy(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject(), false);

    HttpResponse<Buffer> ready = gateway.get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    JsonObject twitterClient = check(ready.bodyAsJsonObject(), "twitter-client");
    assertThat(twitterClient.getString("status")).isEqualTo("DOWN");
    assertThat(twitterClient.getJsonObject("data").getString("reason")).contains("No Twitter client");
    assertThat(gateway.browser.request(HttpMethod.HEAD, gateway.port(), "/health/ready").statusCode()).isEqualTo(503);
  }

  @Test
  void readyGoesDownWhenTheTwitterClientStopsAndUpWhenItIsBack(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    assertThat(gateway.get("/health/ready").statusCode()).isEqualTo(200);

    gateway.twitter.stop().await(20, TimeUnit.SECONDS);
    awaitStatus(gateway, "/health/ready", 503);

    FakeTwitterClient.deploy(vertx).await(20, TimeUnit.SECONDS);
    awaitStatus(gateway, "/health/ready", 200);
  }

  /** {@code /health} is every check: up exactly when ready is. */
  @Test
  void healthIsUpWhenReady(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
    assertThat(gateway.browser.request(HttpMethod.HEAD, gateway.port(), "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void healthIsDownWhenNotReady(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject(), false);

    assertThat(gateway.get("/health").statusCode()).isEqualTo(503);
    assertThat(gateway.browser.request(HttpMethod.HEAD, gateway.port(), "/health").statusCode()).isEqualTo(503);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health", "/health/live", "/health/ready"})
  void healthIsNeitherStoredNorASession(String path, Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> health = gateway.get(path);

    assertThat(health.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(health.getHeader("Set-Cookie")).isNull();
  }

  @Test
  void anUnknownCheckIsNotFound(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/health/nothing").statusCode()).isEqualTo(404);
  }

  private static void awaitStatus(GatewayFixture gateway, String path, int status) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    int last;
    do {
      last = gateway.get(path).statusCode();
      if (last == status) {
        return;
      }
    } while (System.nanoTime() < end);
    throw new AssertionError(path + " still answered " + last + " after " + DEADLINE.toSeconds() + " s, not " + status);
  }

  private static JsonObject check(JsonObject health, String id) {
    JsonArray checks = health.getJsonArray("checks");
    for (int i = 0; i < checks.size(); i++) {
      if (checks.getJsonObject(i).getString("id").equals(id)) {
        return checks.getJsonObject(i);
      }
    }
    throw new AssertionError("No check " + id + " in " + health.encode());
  }
}
