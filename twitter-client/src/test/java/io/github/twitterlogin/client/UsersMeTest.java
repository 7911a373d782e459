package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class UsersMeTest {

  private static final String PATH = "/2/users/me";

  private ClientFixture fixture;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx).onComplete(testContext.succeeding(started -> {
      fixture = started;
      testContext.completeNow();
    }));
  }

  @Test
  void usersMeAsksForTheAvatarSignedWithTheUsersToken(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.usersMe(FakeTwitter.USER_TOKEN), user -> {
      ReceivedRequest request = fixture.twitter.onlyRequest();
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo(PATH);
      assertThat(request.query()).containsExactly(Map.entry("user.fields", "profile_image_url"));
      assertThat(request.oauth()).containsEntry("oauth_token", FakeTwitter.USER_TOKEN.token());
      assertThat(user.id()).isEqualTo(FakeTwitter.USER_ID);
      assertThat(user.screenName()).isEqualTo(FakeTwitter.SCREEN_NAME);
      assertThat(user.name()).isEqualTo("Twitter Dev ✓");
      assertThat(user.profileImageUrl()).isEqualTo(FakeTwitter.PROFILE_IMAGE_URL);
      assertThat(user.email()).isNull();
    });
  }

  @Test
  void unknownTokenIsRejectedWithV2sProblem(VertxTestContext testContext) {
    Outcome.failsWith(testContext, fixture.client.usersMe(new TokenCredentials("nobody", "nothing")),
        TwitterFailure.CREDENTIALS_REJECTED, failure ->
            assertThat(failure.getMessage()).isEqualTo("Twitter rejected the credentials of GET 2/users/me: Unauthorized"));
  }

  @Test
  void dataWithoutIdIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer(PATH, FakeTwitter.text(200, "application/json", "{\"data\":{\"username\":\"x\"}}"));
    Outcome.failsWith(testContext, fixture.client.usersMe(FakeTwitter.USER_TOKEN), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("has no data.id"));
  }

  @Test
  void usernameThatIsNotTextIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer(PATH, FakeTwitter.text(200, "application/json", "{\"data\":{\"id\":\"1\",\"username\":7}}"));
    Outcome.failsWith(testContext, fixture.client.usersMe(FakeTwitter.USER_TOKEN), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("username that is not text"));
  }

  @Test
  void rateLimitIsReportedWithItsResetTime(VertxTestContext testContext) {
    fixture.twitter.answer(PATH, ctx -> {
      ctx.response().putHeader("x-rate-limit-reset", "1700000900");
      FakeTwitter.problem(429, "Too Many Requests", "Too Many Requests", "about:blank").handle(ctx);
    });
    Outcome.failsWith(testContext, fixture.client.usersMe(FakeTwitter.USER_TOKEN), TwitterFailure.RATE_LIMITED,
        failure -> assertThat(failure.getMessage()).contains("Too Many Requests"));
  }
}
