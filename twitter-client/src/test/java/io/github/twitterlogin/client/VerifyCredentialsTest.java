package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class VerifyCredentialsTest {

  private static final String PATH = "/1.1/account/verify_credentials.json";

  private ClientFixture fixture;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx).onComplete(testContext.succeeding(started -> {
      fixture = started;
      testContext.completeNow();
    }));
  }

  @Test
  void verifyCredentialsSkipsTheStatusAndSignsWithTheUsersToken(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN), user -> {
      ReceivedRequest request = fixture.twitter.onlyRequest();
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo(PATH);
      assertThat(request.query()).containsExactly(Map.entry("skip_status", "true"));
      assertThat(request.contentType()).isNull();
      assertThat(request.oauth()).containsEntry("oauth_token", FakeTwitter.USER_TOKEN.token());
    });
  }

  @Test
  void userIsReadFromTwittersAnswer(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN), user -> {
      assertThat(user.id()).isEqualTo(FakeTwitter.USER_ID);
      assertThat(user.screenName()).isEqualTo(FakeTwitter.SCREEN_NAME);
      assertThat(user.name()).isEqualTo("Twitter Dev ✓");
      assertThat(user.profileImageUrl()).isEqualTo("https://pbs.twimg.com/profile_images/1/dev_normal.png");
      assertThat(user.email()).isNull();
    });
  }

  @Test
  void includeEmailAsksTwitterForTheEmail(VertxTestContext testContext) {
    VerifyCredentialsRequest request = new VerifyCredentialsRequest(FakeTwitter.USER_TOKEN, true);
    Outcome.succeeds(testContext, fixture.client.verifyCredentials(request), user -> {
      assertThat(fixture.twitter.onlyRequest().query())
          .containsExactly(Map.entry("skip_status", "true"), Map.entry("include_email", "true"));
      assertThat(user.email()).isEqualTo(FakeTwitter.EMAIL);
    });
  }

  @Test
  void accessTierWithoutV1_1IsForbiddenAndSuggestsV2(VertxTestContext testContext) {
    fixture.twitter.answer(PATH, FakeTwitter.error(403, 453, "You currently have access to a subset of X API V2"
        + " endpoints and limited v1.1 endpoints (e.g. media post, oauth) only."));
    Outcome.failsWith(testContext, fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN), TwitterFailure.FORBIDDEN,
        failure -> {
          assertThat(failure.twitterErrorCode()).hasValue(453);
          assertThat(failure.getMessage()).contains("access tier does not allow v1.1", "PROFILE_SOURCE=v2");
        });
  }

  @Test
  void userWithoutIdIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer(PATH, FakeTwitter.text(200, "application/json", "{\"screen_name\":\"x\"}"));
    Outcome.failsWith(testContext, fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("has no id_str"));
  }

  @Test
  void idThatIsNotTextIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer(PATH, FakeTwitter.text(200, "application/json", "{\"id_str\":1234}"));
    Outcome.failsWith(testContext, fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("id_str"));
  }

  @Test
  void answerThatIsNotJsonIsATwitterErrorThatDoesNotRepeatIt(VertxTestContext testContext) {
    fixture.twitter.answer(PATH, FakeTwitter.text(200, "text/html", "<html>maintenance page 7f3a</html>"));
    Outcome.failsWith(testContext, fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("is not a JSON object").doesNotContain("7f3a"));
  }
}
