package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CallbackRejectionTest {

  private static final String NOT_STARTED_HERE = "This sign-in was not started here or has expired. Try again.";

  /** The first callback used the login, and failed: the same callback again finds nothing to complete. */
  @Test
  void replayedCallbackIsRejected(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    gateway.get("/callback?oauth_token=" + token + "&oauth_verifier=wrong");

    HttpResponse<Buffer> replay = gateway.completeLogin(token);

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.bodyAsString()).contains(NOT_STARTED_HERE);
    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_IN)).hasSize(1);
  }

  /** Back, or a reload, on the callback of one's own sign-in: nothing is signed in twice, and the app opens. */
  @Test
  void usedCallbackOfASignedInSessionGoesOnToTheApp(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("?return_to=/docs");
    assertThat(gateway.completeLogin(token).getHeader("Location")).isEqualTo("/docs");

    HttpResponse<Buffer> again = gateway.completeLogin(token);

    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.getHeader("Location")).isEqualTo("/app");
    assertThat(again.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_IN)).hasSize(1);
  }

  @Test
  void callbackForAnotherSessionsTokenIsRejected(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String victimsToken = gateway.startLogin("");
    Browser attacker = new Browser(vertx);

    HttpResponse<Buffer> callback = attacker.get(gateway.port(),
        "/callback?oauth_token=" + victimsToken + "&oauth_verifier=" + gateway.twitter.verifierFor(victimsToken));

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).contains(NOT_STARTED_HERE);
    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_IN)).isEmpty();
  }

  @Test
  void expiredLoginIsRejected(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, GatewayFixture.auth(new JsonObject().put("loginTimeoutSeconds", 300)), true);
    String token = gateway.startLogin("");
    gateway.clock.advance(Duration.ofSeconds(301));

    HttpResponse<Buffer> callback = gateway.completeLogin(token);

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).contains(NOT_STARTED_HERE);
  }

  @Test
  void loginWithinItsLifetimeIsAccepted(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, GatewayFixture.auth(new JsonObject().put("loginTimeoutSeconds", 300)), true);
    String token = gateway.startLogin("");
    gateway.clock.advance(Duration.ofSeconds(299));

    assertThat(gateway.completeLogin(token).statusCode()).isEqualTo(302);
  }

  @Test
  void callbackWithoutVerifierIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");

    HttpResponse<Buffer> callback = gateway.get("/callback?oauth_token=" + token);

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).contains("no oauth_verifier");
  }

  @Test
  void callbackWithoutAnyParameterIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.get("/callback").statusCode()).isEqualTo(400);
  }

  @Test
  void repeatedTokenIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");

    HttpResponse<Buffer> callback = gateway.get("/callback?oauth_token=" + token + "&oauth_token=" + token
        + "&oauth_verifier=" + gateway.twitter.verifierFor(token));

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).contains("oauth_token was sent more than once");
  }

  @Test
  void overlongTokenIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> callback = gateway.get("/callback?oauth_token=" + "a".repeat(201) + "&oauth_verifier=v");

    assertThat(callback.statusCode()).isEqualTo(400);
  }

  @Test
  void malformedTokenIsBadRequest(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> callback = gateway.get("/callback?oauth_token=%3Cscript%3E&oauth_verifier=v");

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).doesNotContain("<script>");
  }

  @Test
  void cancelledLoginShowsTheCancelledPage(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");

    HttpResponse<Buffer> cancelled = gateway.get("/callback?denied=" + token);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsString()).contains("Sign-in cancelled", "href=\"/auth\"");
    assertThat(gateway.completeLogin(token).statusCode()).isEqualTo(400);
  }

  /** A wrong verifier is a sign-in that failed, not Twitter failing: 400, and a way to try again. */
  @Test
  void verifierRejectedByTwitterIsAFailedSignIn(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");

    HttpResponse<Buffer> callback = gateway.get("/callback?oauth_token=" + token + "&oauth_verifier=wrong");

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).contains("Sign-in failed", "Twitter did not accept this sign-in. Try again.",
        "data-code=\"sign_in_failed\"", "href=\"/auth\"");
    assertThat(gateway.browser.getJson(gateway.port(), "/app").statusCode()).isEqualTo(401);
  }
}
