package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How Twitter's refusals and silences reach the caller, whatever the operation. */
@ExtendWith(VertxExtension.class)
class TwitterFailuresTest {

  private static final String CALLBACK = "https://app.example/callback";
  private static final String VERIFY_CREDENTIALS = "/1.1/account/verify_credentials.json";

  @Test
  void wrongConsumerSecretIsRejectedWithTwitterError32(Vertx vertx, VertxTestContext testContext) {
    Future<?> token = ClientFixture.start(vertx, new JsonObject().put("consumerSecret", "not-the-secret"))
        .compose(fixture -> fixture.client.requestToken(CALLBACK));
    Outcome.failsWith(testContext, token, TwitterFailure.CREDENTIALS_REJECTED, failure -> {
      assertThat(failure.twitterErrorCode()).hasValue(32);
      assertThat(failure.getMessage()).contains("Could not authenticate you.");
    });
  }

  @Test
  void unknownTokenIsRejectedWithTwitterError89(Vertx vertx, VertxTestContext testContext) {
    Future<TwitterUser> user = ClientFixture.start(vertx)
        .compose(fixture -> fixture.client.verifyCredentials(new TokenCredentials("nobody", "nothing")));
    Outcome.failsWith(testContext, user, TwitterFailure.CREDENTIALS_REJECTED, failure -> {
      assertThat(failure.twitterErrorCode()).hasValue(89);
      assertThat(failure.getMessage()).contains("Invalid or expired token.");
    });
  }

  @Test
  void timestampOutOfBoundsIsRejectedWithTwitterError135(Vertx vertx, VertxTestContext testContext) {
    Future<TwitterUser> user = ClientFixture.start(vertx).compose(fixture -> {
      fixture.twitter.answer(VERIFY_CREDENTIALS, FakeTwitter.error(401, 135, "Timestamp out of bounds."));
      return fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN);
    });
    Outcome.failsWith(testContext, user, TwitterFailure.CREDENTIALS_REJECTED,
        failure -> assertThat(failure.twitterErrorCode()).hasValue(135));
  }

  @Test
  void rateLimitIsReportedWithItsResetTime(Vertx vertx, VertxTestContext testContext) {
    Future<TwitterUser> user = ClientFixture.start(vertx).compose(fixture -> {
      fixture.twitter.answer(VERIFY_CREDENTIALS, ctx -> {
        ctx.response().putHeader("x-rate-limit-reset", "1700000600");
        FakeTwitter.error(429, 88, "Rate limit exceeded").handle(ctx);
      });
      return fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN);
    });
    Outcome.failsWith(testContext, user, TwitterFailure.RATE_LIMITED, failure -> {
      assertThat(failure.rateLimitReset()).hasValue(Instant.ofEpochSecond(1_700_000_600L));
      assertThat(failure.getMessage()).contains(Instant.ofEpochSecond(1_700_000_600L).toString());
    });
  }

  @Test
  void serverErrorIsATwitterErrorThatDoesNotRepeatTheBody(Vertx vertx, VertxTestContext testContext) {
    Future<TwitterUser> user = ClientFixture.start(vertx).compose(fixture -> {
      fixture.twitter.answer(VERIFY_CREDENTIALS, FakeTwitter.text(500, "text/html", "<html>stack trace 9c1e</html>"));
      return fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN);
    });
    Outcome.failsWith(testContext, user, TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("500").doesNotContain("9c1e"));
  }

  @Test
  void silentTwitterIsATimeout(Vertx vertx, VertxTestContext testContext) {
    Future<?> token = ClientFixture.start(vertx, new JsonObject().put("requestTimeoutMillis", 200))
        .compose(fixture -> {
          fixture.twitter.neverAnswer("/oauth/request_token");
          return fixture.client.requestToken(CALLBACK);
        });
    Outcome.failsWith(testContext, token, TwitterFailure.TIMEOUT,
        failure -> assertThat(failure.getMessage()).contains("POST oauth/request_token", "200 ms"));
  }

  @Test
  void portWithNothingListeningIsUnreachable(Vertx vertx, VertxTestContext testContext) {
    Future<?> token = closedPort(vertx)
        .compose(port -> ClientFixture.deploy(vertx, new JsonObject()
            .put("apiBaseUrl", "http://127.0.0.1:" + port)
            .put("consumerKey", FakeTwitter.CONSUMER_KEY)
            .put("consumerSecret", FakeTwitter.CONSUMER_SECRET)
            .put("userCalls", false)))
        .compose(deployment -> TwitterClient.create(vertx).requestToken(CALLBACK));
    Outcome.failsWith(testContext, token, TwitterFailure.UNREACHABLE,
        failure -> assertThat(failure.getMessage()).contains("POST oauth/request_token"));
  }

  /** A loopback port that was free a moment ago: bound, read, and closed again. */
  private static Future<Integer> closedPort(Vertx vertx) {
    return vertx.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1")
        .compose(server -> server.close().map(closed -> server.actualPort()));
  }
}
