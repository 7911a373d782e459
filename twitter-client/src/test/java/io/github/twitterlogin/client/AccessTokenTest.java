package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AccessTokenTest {

  private static final String CALLBACK = "https://app.example/callback";

  private ClientFixture fixture;
  private RequestToken requestToken;

  @BeforeEach
  void startALogin(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx)
        .compose(started -> {
          fixture = started;
          return fixture.client.requestToken(CALLBACK);
        })
        .onComplete(testContext.succeeding(token -> {
          requestToken = token;
          testContext.completeNow();
        }));
  }

  @Test
  void verifierIsExchangedSignedWithTheRequestToken(VertxTestContext testContext) {
    String verifier = fixture.twitter.verifierFor(requestToken.token());
    Outcome.succeeds(testContext, exchange(verifier), accessToken -> {
      ReceivedRequest request = fixture.twitter.received().get(1);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/oauth/access_token");
      assertThat(request.query()).isEmpty();
      assertThat(request.form()).isEmpty();
      assertThat(request.oauth())
          .containsEntry("oauth_token", requestToken.token())
          .containsEntry("oauth_verifier", verifier)
          .doesNotContainKey("oauth_callback");
    });
  }

  @Test
  void accessTokenNamesTheUser(VertxTestContext testContext) {
    Outcome.succeeds(testContext, exchange(fixture.twitter.verifierFor(requestToken.token())), accessToken -> {
      assertThat(accessToken.userId()).isEqualTo(FakeTwitter.USER_ID);
      assertThat(accessToken.screenName()).isEqualTo(FakeTwitter.SCREEN_NAME);
      assertThat(accessToken.credentials().tokenSecret())
          .isEqualTo(fixture.twitter.secretOfAccessToken(accessToken.credentials().token()));
    });
  }

  @Test
  void wrongVerifierIsRejected(VertxTestContext testContext) {
    Outcome.failsWith(testContext, exchange("not-the-verifier"), TwitterFailure.CREDENTIALS_REJECTED,
        failure -> assertThat(failure.getMessage()).contains("POST oauth/access_token"));
  }

  @Test
  void answerWithoutUserIdIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer("/oauth/access_token", FakeTwitter.text(200, "text/html",
        "oauth_token=t&oauth_token_secret=s&screen_name=x"));
    Outcome.failsWith(testContext, exchange(fixture.twitter.verifierFor(requestToken.token())),
        TwitterFailure.TWITTER_ERROR, failure -> assertThat(failure.getMessage()).contains("has no user_id"));
  }

  private Future<AccessToken> exchange(String verifier) {
    return fixture.client.accessToken(new AccessTokenRequest(requestToken.credentials(), verifier));
  }
}
