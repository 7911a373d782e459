package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A malformed message is answered BAD_REQUEST, never reaches Twitter, and the client keeps serving. */
@ExtendWith(VertxExtension.class)
class MalformedMessagesTest {

  private ClientFixture fixture;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx).onComplete(testContext.succeeding(started -> {
      fixture = started;
      testContext.completeNow();
    }));
  }

  @Test
  void textBodyIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.REQUEST_TOKEN, "https://app.example/callback",
        "must be a JSON object");
  }

  @Test
  void arrayBodyIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.VERIFY_CREDENTIALS,
        new JsonArray().add(FakeTwitter.USER_TOKEN.toJson()), "must be a JSON object");
  }

  @Test
  void missingVerifierIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.ACCESS_TOKEN,
        new JsonObject().put("token", "t").put("tokenSecret", "s"), "verifier is required");
  }

  @Test
  void missingTokenSecretIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.INVALIDATE_TOKEN,
        new JsonObject().put("token", "t"), "tokenSecret is required");
  }

  @Test
  void flagOfTheWrongTypeIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.REQUEST_TOKEN,
        new JsonObject().put("callbackUrl", "https://app.example/callback").put("forceLogin", "yes"),
        "forceLogin must be true or false");
  }

  @Test
  void accessTypeOtherThanReadOrWriteIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.REQUEST_TOKEN,
        new JsonObject().put("callbackUrl", "https://app.example/callback").put("accessType", "admin"),
        "accessType must be read or write");
  }

  @Test
  void unknownLoginPageIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.REQUEST_TOKEN,
        new JsonObject().put("callbackUrl", "https://app.example/callback").put("loginPage", "https://evil.example/"),
        "loginPage must be authenticate or authorize");
  }

  @Test
  void unknownProfileSourceIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.SIGN_IN,
        new JsonObject().put("token", "t").put("tokenSecret", "s").put("verifier", "v").put("profileSource", "v3"),
        "profileSource must be v2, v1.1 or token");
  }

  @Test
  void signInWithoutVerifierIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.SIGN_IN,
        new JsonObject().put("token", "t").put("tokenSecret", "s"), "verifier is required");
  }

  @Test
  void usersMeWithoutTokenSecretIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.USERS_ME,
        new JsonObject().put("token", "t"), "tokenSecret is required");
  }

  @Test
  void queryValueOfTheWrongTypeIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.API_CALL, FakeTwitter.USER_TOKEN.toJson()
            .put("method", "GET").put("path", "1.1/search/tweets.json").put("query", new JsonObject().put("q", 42)),
        "query.q must be a string or an array of strings");
  }

  @Test
  void pathLeavingTheApiIsABadRequest(Vertx vertx, VertxTestContext testContext) {
    assertRejectedThenStillServing(vertx, testContext, TwitterAddresses.API_CALL, FakeTwitter.USER_TOKEN.toJson()
        .put("method", "GET").put("path", "//attacker.example/steal"), "path must be a relative API path");
  }

  private void assertRejectedThenStillServing(
      Vertx vertx, VertxTestContext testContext, String address, Object body, String expectedText) {
    Checkpoint rejected = testContext.checkpoint();
    Checkpoint stillServing = testContext.checkpoint();
    vertx.eventBus().request(address, body).onComplete(testContext.failing(cause -> testContext.verify(() -> {
      assertThat(cause).isInstanceOf(ReplyException.class);
      ReplyException reply = (ReplyException) cause;
      assertThat(reply.failureCode()).isEqualTo(TwitterFailure.BAD_REQUEST.code());
      JsonObject failure = new JsonObject(reply.getMessage());
      assertThat(failure.getString("failure")).isEqualTo("BAD_REQUEST");
      assertThat(failure.getString("message")).contains(expectedText);
      assertThat(fixture.twitter.received()).isEmpty();
      rejected.flag();
      fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN)
          .onComplete(testContext.succeeding(user -> stillServing.flag()));
    })));
  }
}
