package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.oauth.PercentEncoding;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Failure texts cross the event bus and end up in logs and pages: no secret may be in them. */
@ExtendWith(VertxExtension.class)
class FailureTextsTest {

  private ClientFixture fixture;
  private RequestToken requestToken;

  @BeforeEach
  void startALogin(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx)
        .compose(started -> {
          fixture = started;
          return fixture.client.requestToken("https://app.example/callback");
        })
        .onComplete(testContext.succeeding(token -> {
          requestToken = token;
          testContext.completeNow();
        }));
  }

  @Test
  void twitterEchoingTheSecretsDoesNotLeakThem(Vertx vertx, VertxTestContext testContext) {
    String verifier = fixture.twitter.verifierFor(requestToken.token());
    List<String> secrets = List.of(FakeTwitter.CONSUMER_SECRET, requestToken.credentials().tokenSecret(), verifier);
    fixture.twitter.answer("/oauth/access_token", FakeTwitter.error(401, 32, "Could not authenticate you with "
        + echoed(secrets)));
    JsonObject request = new AccessTokenRequest(requestToken.credentials(), verifier).toJson();

    assertFailureHides(vertx, testContext, TwitterAddresses.ACCESS_TOKEN, request, secrets,
        "Twitter rejected the credentials");
  }

  @Test
  void signInWhoseExchangeEchoesTheSecretsDoesNotLeakThem(Vertx vertx, VertxTestContext testContext) {
    String verifier = fixture.twitter.verifierFor(requestToken.token());
    List<String> secrets = List.of(FakeTwitter.CONSUMER_SECRET, requestToken.credentials().tokenSecret(), verifier);
    fixture.twitter.answer("/oauth/access_token", FakeTwitter.error(401, 32, "Could not authenticate you with "
        + echoed(secrets)));
    JsonObject request = SignInRequest.of(requestToken.credentials(), verifier).toJson();

    assertFailureHides(vertx, testContext, TwitterAddresses.SIGN_IN, request, secrets,
        "Twitter rejected the credentials of POST oauth/access_token");
  }

  /** The access token's secret exists only once the exchange answered: users/me echoes it in v2's problem shape. */
  @Test
  void signInWhoseUsersMeEchoesTheSecretsDoesNotLeakThem(Vertx vertx, VertxTestContext testContext) {
    String verifier = fixture.twitter.verifierFor(requestToken.token());
    List<String> echoedSecrets = new CopyOnWriteArrayList<>();
    fixture.twitter.answer("/2/users/me", ctx -> {
      String accessToken = ScribeJavaSignatureCheck.oauthParameters(ctx.request().getHeader("Authorization"))
          .get("oauth_token");
      echoedSecrets.addAll(List.of(FakeTwitter.CONSUMER_SECRET, fixture.twitter.secretOfAccessToken(accessToken)));
      FakeTwitter.problem(403, "Forbidden " + echoed(echoedSecrets), "Detail " + echoed(echoedSecrets),
          "https://api.x.com/2/problems/" + PercentEncoding.encode(echoedSecrets.get(1))).handle(ctx);
    });
    JsonObject request = SignInRequest.of(requestToken.credentials(), verifier).toJson();

    assertFailureHides(vertx, testContext, TwitterAddresses.SIGN_IN, request, echoedSecrets,
        "Twitter refused GET 2/users/me");
  }

  private static String echoed(List<String> secrets) {
    return String.join(" ", secrets) + " " + String.join(" ", secrets.stream().map(PercentEncoding::encode).toList());
  }

  private static void assertFailureHides(Vertx vertx, VertxTestContext testContext, String address, JsonObject request,
      List<String> secrets, String expectedStart) {
    vertx.eventBus().request(address, request).onComplete(testContext.failing(cause ->
        testContext.verify(() -> {
          String text = ((ReplyException) cause).getMessage();
          String message = new JsonObject(text).getString("message");
          assertThat(message).startsWith(expectedStart).contains("(hidden)");
          assertThat(secrets).isNotEmpty();
          for (String secret : secrets) {
            assertThat(text).doesNotContain(secret, PercentEncoding.encode(secret));
            assertThat(message).doesNotContain(secret, PercentEncoding.encode(secret));
          }
          testContext.completeNow();
        })));
  }
}
