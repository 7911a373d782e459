package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.oauth.PercentEncoding;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
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
    String tokenSecret = requestToken.credentials().tokenSecret();
    List<String> secrets = List.of(FakeTwitter.CONSUMER_SECRET, tokenSecret, verifier);
    fixture.twitter.answer("/oauth/access_token", FakeTwitter.error(401, 32, "Could not authenticate you with "
        + String.join(" ", secrets) + " " + String.join(" ", secrets.stream().map(PercentEncoding::encode).toList())));
    JsonObject request = new AccessTokenRequest(requestToken.credentials(), verifier).toJson();

    vertx.eventBus().request(TwitterAddresses.ACCESS_TOKEN, request).onComplete(testContext.failing(cause ->
        testContext.verify(() -> {
          String text = ((ReplyException) cause).getMessage();
          String message = new JsonObject(text).getString("message");
          assertThat(message).startsWith("Twitter rejected the credentials").contains("(hidden)");
          for (String secret : secrets) {
            assertThat(text).doesNotContain(secret, PercentEncoding.encode(secret));
            assertThat(message).doesNotContain(secret, PercentEncoding.encode(secret));
          }
          testContext.completeNow();
        })));
  }
}
