package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class InvalidateTokenTest {

  private ClientFixture fixture;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx).onComplete(testContext.succeeding(started -> {
      fixture = started;
      testContext.completeNow();
    }));
  }

  @Test
  void invalidationIsPostedWithTheUsersToken(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.invalidateToken(FakeTwitter.USER_TOKEN), done -> {
      ReceivedRequest request = fixture.twitter.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/1.1/oauth/invalidate_token");
      assertThat(request.query()).isEmpty();
      assertThat(request.form()).isEmpty();
      assertThat(request.oauth()).containsEntry("oauth_token", FakeTwitter.USER_TOKEN.token());
      assertThat(fixture.twitter.secretOfAccessToken(FakeTwitter.USER_TOKEN.token())).isNull();
    });
  }

  @Test
  void replyNamesTheTokenWithoutItsSecret(Vertx vertx, VertxTestContext testContext) {
    Outcome.succeeds(testContext,
        vertx.eventBus().<JsonObject>request(TwitterAddresses.INVALIDATE_TOKEN, FakeTwitter.USER_TOKEN.toJson()),
        reply -> assertThat(reply.body()).isEqualTo(new JsonObject().put("token", FakeTwitter.USER_TOKEN.token())));
  }
}
