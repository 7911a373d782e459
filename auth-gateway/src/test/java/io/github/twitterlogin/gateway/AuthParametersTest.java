package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class AuthParametersTest {

  @Test
  void relativeReturnToIsWhereTheLoginEnds(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("?return_to=%2Fdocs%3Fpage%3D2");

    assertThat(gateway.completeLogin(token).getHeader("Location")).isEqualTo("/docs?page=2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example",
      "javascript:alert(1)", "evil.example", "/\t/evil.example"})
  void returnToOutsideThisSiteIsIgnored(String returnTo, Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("?return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));

    assertThat(gateway.completeLogin(token).getHeader("Location")).isEqualTo("/app");
  }

  @Test
  void repeatedReturnToIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/auth?return_to=/a&return_to=/b").statusCode()).isEqualTo(400);
  }

  @Test
  void malformedScreenNameIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/auth?screen_name=not%20a%20name").statusCode()).isEqualTo(400);
  }

  @Test
  void malformedForceLoginIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/auth?force_login=maybe").statusCode()).isEqualTo(400);
  }

  /** One limit, 2,048 characters: up to it a safe return_to is kept, beyond it the start is refused. */
  @Test
  void returnToOfTheLimitsLengthIsKept(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String longest = "/" + "a".repeat(2047);
    String token = gateway.startLogin("?return_to=" + longest);

    assertThat(gateway.completeLogin(token).getHeader("Location")).isEqualTo(longest);
  }

  @Test
  void returnToOneCharacterLongerThanTheLimitIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> auth = gateway.get("/auth?return_to=/" + "a".repeat(2048));

    assertThat(auth.statusCode()).isEqualTo(400);
    assertThat(auth.bodyAsString()).contains("return_to");
    assertThat(gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN)).isEmpty();
  }

  @Test
  void overlongReturnToIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/auth?return_to=/" + "a".repeat(2100)).statusCode()).isEqualTo(400);
  }

  @Test
  void urlLongerThanTheServerReadsIsRejected(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/auth?return_to=/" + "a".repeat(8192)).statusCode()).isEqualTo(414);
    assertThat(gateway.get("/").statusCode()).isEqualTo(200);
  }

  /** The clock moves between the logins, so that oldest and newest differ: the oldest makes room. */
  @Test
  void theOldestLoginMakesRoomForANewOne(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, GatewayFixture.auth(new JsonObject().put("maxPendingLogins", 2)), true);
    String oldest = gateway.startLogin("?return_to=/oldest");
    gateway.clock.advance(Duration.ofSeconds(1));
    String middle = gateway.startLogin("?return_to=/middle");
    gateway.clock.advance(Duration.ofSeconds(1));
    String newest = gateway.startLogin("?return_to=/newest");

    assertThat(gateway.completeLogin(oldest).statusCode()).isEqualTo(400);
    assertThat(gateway.completeLogin(middle).getHeader("Location")).isEqualTo("/middle");
    assertThat(gateway.completeLogin(newest).getHeader("Location")).isEqualTo("/newest");
  }
}
