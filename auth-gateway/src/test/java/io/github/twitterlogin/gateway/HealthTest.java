package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthTest {

  @Test
  void healthReportsAReachableTwitterClient(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    JsonObject health = gateway.get("/health").bodyAsJsonObject();

    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonObject("twitterClient").getString("status")).isEqualTo("UP");
  }

  @Test
  void healthReportsAMissingTwitterClient(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject(), false);

    JsonObject health = gateway.get("/health").bodyAsJsonObject();

    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonObject("twitterClient").getString("status")).isEqualTo("DOWN");
  }

  @Test
  void healthCreatesNoSession(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/health").getHeader("Set-Cookie")).isNull();
  }
}
