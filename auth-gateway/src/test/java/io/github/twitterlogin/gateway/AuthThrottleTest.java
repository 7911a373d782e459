package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /auth} is throttled per client address and per session, each a token bucket of
 * {@code authRatePerMinute}: three here, so a token comes back every 20 s of the test clock.
 */
@ExtendWith(VertxExtension.class)
class AuthThrottleTest {

  private static final int RATE = 3;

  @Test
  void anAddressStartsAsManyAsTheRateThenGets429WithRetryAfter(Vertx vertx) throws Exception {
    GatewayFixture gateway = throttled(vertx, new JsonObject());

    List<Integer> statuses = startsFromNewBrowsers(vertx, gateway, RATE);
    HttpResponse<Buffer> refused = new Browser(vertx).get(gateway.port(), "/auth");

    assertThat(statuses).containsOnly(302);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
    assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(refused.bodyAsString()).contains("data-code=\"too_many_sign_ins\"", "Wait a minute");
    assertThat(gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN)).as("Twitter asked").hasSize(RATE);
  }

  @Test
  void aScriptThatIsThrottledGetsJson(Vertx vertx) throws Exception {
    GatewayFixture gateway = throttled(vertx, new JsonObject());
    startsFromNewBrowsers(vertx, gateway, RATE);

    HttpResponse<Buffer> refused = new Browser(vertx).getJson(gateway.port(), "/auth");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("too_many_sign_ins");
  }

  @Test
  void aTokenComesBackAfterSixtySecondsOverTheRate(Vertx vertx) throws Exception {
    GatewayFixture gateway = throttled(vertx, new JsonObject());
    startsFromNewBrowsers(vertx, gateway, RATE);
    gateway.clock.advance(Duration.ofSeconds(19));
    assertThat(new Browser(vertx).get(gateway.port(), "/auth").statusCode()).isEqualTo(429);

    gateway.clock.advance(Duration.ofSeconds(1));

    assertThat(startsFromNewBrowsers(vertx, gateway, 2)).containsExactly(302, 429);
  }

  /** Addresses of their own, through a trusted proxy, and one session: the session's bucket runs out. */
  @Test
  void aSessionIsThrottledWhateverAddressItComesFrom(Vertx vertx) throws Exception {
    GatewayFixture gateway = throttled(vertx, new JsonObject().put("trustedProxies", new JsonArray().add("127.0.0.1")));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i <= RATE + 2; i++) {
      statuses.add(gateway.browser.getWithHeader(gateway.port(), "/auth", "X-Forwarded-For", "198.51.100." + i)
          .statusCode());
    }

    // The first start makes the session; the rate's worth of starts follow in it, then it is refused.
    assertThat(statuses).containsExactly(302, 302, 302, 302, 429);
  }

  /** Without trusted proxies anyone can write X-Forwarded-For: the connection's address is the client. */
  @Test
  void forwardedForIsIgnoredWithoutTrustedProxies(Vertx vertx) throws Exception {
    GatewayFixture gateway = throttled(vertx, new JsonObject());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i <= RATE + 1; i++) {
      statuses.add(new Browser(vertx).getWithHeader(gateway.port(), "/auth", "X-Forwarded-For", "203.0.113." + i)
          .statusCode());
    }

    assertThat(statuses).containsExactly(302, 302, 302, 429);
  }

  /** The client is the first hop from the right that is not a trusted proxy; what it wrote left of that is its own. */
  @Test
  void behindATrustedProxyTheClientIsTheFirstUntrustedHop(Vertx vertx) throws Exception {
    GatewayFixture gateway = throttled(vertx, new JsonObject()
        .put("trustedProxies", new JsonArray().add("127.0.0.1").add("10.0.0.0/8")));
    List<Integer> others = new ArrayList<>();
    for (int i = 1; i <= RATE + 1; i++) {
      others.add(new Browser(vertx).getWithHeader(gateway.port(), "/auth", "X-Forwarded-For",
          "203.0.113." + i + ", 10.1.2.3").statusCode());
    }
    List<Integer> oneClient = new ArrayList<>();
    for (int i = 1; i <= RATE + 1; i++) {
      oneClient.add(new Browser(vertx).getWithHeader(gateway.port(), "/auth", "X-Forwarded-For",
          "192.0.2." + i + ", 198.51.100.7, 10.1.2.3").statusCode());
    }

    assertThat(others).as("each client its own bucket").containsOnly(302);
    assertThat(oneClient).as("one client, whatever it wrote before its address").containsExactly(302, 302, 302, 429);
  }

  @Test
  void headStartsNothingAndCountsNothing(Vertx vertx) throws Exception {
    GatewayFixture gateway = throttled(vertx, new JsonObject());
    for (int i = 0; i < RATE + 2; i++) {
      assertThat(new Browser(vertx).request(HttpMethod.HEAD, gateway.port(), "/auth").statusCode()).isEqualTo(200);
    }

    assertThat(startsFromNewBrowsers(vertx, gateway, RATE)).containsOnly(302);
  }

  @Test
  void aRateOfZeroTurnsTheLimitOff(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject().put("authRatePerMinute", 0), true);

    int moreThanTheDefault = GatewayOptions.DEFAULT_AUTH_RATE_PER_MINUTE + 5;

    assertThat(startsFromNewBrowsers(vertx, gateway, moreThanTheDefault)).containsOnly(302);
  }

  private static GatewayFixture throttled(Vertx vertx, JsonObject config) throws Exception {
    return GatewayFixture.start(vertx, config.put("authRatePerMinute", RATE), true);
  }

  /** Browsers without a session, all from 127.0.0.1. */
  private static List<Integer> startsFromNewBrowsers(Vertx vertx, GatewayFixture gateway, int count) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statuses.add(new Browser(vertx).get(gateway.port(), "/auth").statusCode());
    }
    return statuses;
  }
}
