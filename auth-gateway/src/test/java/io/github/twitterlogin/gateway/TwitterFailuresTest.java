package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the browser sees when the Twitter client, or Twitter behind it, fails. */
@ExtendWith(VertxExtension.class)
class TwitterFailuresTest {

  @Test
  void missingTwitterClientIsServiceUnavailable(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject(), false);

    HttpResponse<Buffer> auth = gateway.get("/auth");

    assertThat(auth.statusCode()).isEqualTo(503);
    assertThat(auth.bodyAsString()).contains("Signing in with Twitter is unavailable right now");
  }

  @Test
  void silentTwitterClientIsGatewayTimeout(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, GatewayFixture.auth(new JsonObject().put("twitterClientTimeoutMillis", 300)), true);
    gateway.twitter.silenceOn(TwitterAddresses.REQUEST_TOKEN);

    assertThat(gateway.get("/auth").statusCode()).isEqualTo(504);
  }

  @Test
  void twitterTimeoutIsGatewayTimeout(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.failOn(TwitterAddresses.REQUEST_TOKEN,
        new TwitterFailureException(TwitterFailure.TIMEOUT, "Twitter did not answer"));

    assertThat(gateway.get("/auth").statusCode()).isEqualTo(504);
  }

  @Test
  void twitterServerErrorIsBadGateway(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.failOn(TwitterAddresses.REQUEST_TOKEN,
        new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter answered 503"));

    HttpResponse<Buffer> auth = gateway.get("/auth");

    assertThat(auth.statusCode()).isEqualTo(502);
    assertThat(auth.bodyAsString()).contains("Twitter could not complete the sign-in");
  }

  @Test
  void unreachableTwitterIsBadGateway(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.failOn(TwitterAddresses.REQUEST_TOKEN,
        new TwitterFailureException(TwitterFailure.UNREACHABLE, "Connection refused"));

    assertThat(gateway.get("/auth").statusCode()).isEqualTo(502);
  }

  @Test
  void rateLimitIsServiceUnavailableWithRetryAfter(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    Instant reset = gateway.clock.instant().plusSeconds(120);
    gateway.twitter.failOn(TwitterAddresses.REQUEST_TOKEN,
        new TwitterFailureException(TwitterFailure.RATE_LIMITED, "Rate limit exceeded", 88, reset));

    HttpResponse<Buffer> auth = gateway.get("/auth");

    assertThat(auth.statusCode()).isEqualTo(503);
    assertThat(auth.getHeader("Retry-After")).isEqualTo("120");
  }

  @Test
  void failureDuringExchangeLeavesNoSession(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    gateway.twitter.failOn(TwitterAddresses.SIGN_IN,
        new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter answered 500"));

    assertThat(gateway.completeLogin(token).statusCode()).isEqualTo(502);
    assertThat(gateway.browser.getJson(gateway.port(), "/app").statusCode()).isEqualTo(401);
  }

  /** The member whose Twitter client had the sign-in left the cluster: the person is told to try again. */
  @Test
  void twitterClientLostMidSignInIsServiceUnavailable(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    gateway.twitter.failOn(TwitterAddresses.SIGN_IN,
        new TwitterFailureException(TwitterFailure.CLIENT_UNAVAILABLE, "The member left the cluster"));

    HttpResponse<Buffer> callback = gateway.completeLogin(token);

    assertThat(callback.statusCode()).isEqualTo(503);
    assertThat(callback.bodyAsString()).contains("data-code=\"twitter_client_lost\"", "Try again");
  }

  @Test
  void aFailedTwitterCallIsOneLogLineThatNamesTheFailure(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    gateway.twitter.failOn(TwitterAddresses.SIGN_IN,
        new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter answered 503 to POST oauth/access_token"));

    try (CapturedLog log = CapturedLog.start()) {
      assertThat(gateway.completeLogin(token).statusCode()).isEqualTo(502);

      assertThat(log.warningsAndStackTraces()).singleElement().asString()
          .endsWith("Twitter call failed on GET /callback: TWITTER_ERROR, Twitter answered 503 to POST oauth/access_token")
          .doesNotContain("{}");
    }
  }

  @Test
  void errorPagesShowNoInternals(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.failOn(TwitterAddresses.REQUEST_TOKEN,
        new TwitterFailureException(TwitterFailure.INTERNAL_ERROR, "NullPointerException at TwitterApi.java:42"));

    HttpResponse<Buffer> auth = gateway.get("/auth");

    assertThat(auth.statusCode()).isEqualTo(500);
    assertThat(auth.bodyAsString()).doesNotContain("Exception", "TwitterApi", "at io.");
  }

  @Test
  void jsonClientsGetJsonErrors(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject(), false);

    HttpResponse<Buffer> auth = gateway.browser.getJson(gateway.port(), "/auth");

    assertThat(auth.statusCode()).isEqualTo(503);
    assertThat(auth.bodyAsJsonObject().getString("error")).isEqualTo("twitter_client_unavailable");
  }

  @Test
  void gatewayKeepsServingAfterFailures(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.failOn(TwitterAddresses.REQUEST_TOKEN,
        new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter answered 500"));
    gateway.get("/auth");
    gateway.get("/callback?oauth_token=x");

    assertThat(gateway.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPageIsNotFound(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> missing = gateway.get("/nowhere");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsString()).contains("Page not found");
  }
}
