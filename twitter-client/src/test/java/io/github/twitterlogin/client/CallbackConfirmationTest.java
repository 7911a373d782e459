package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 5849 section 2.1: a request token is good only with {@code oauth_callback_confirmed=true}.
 * A server that leaves the field out speaks OAuth 1.0, whose logins can be hijacked; refusing
 * only an explicit {@code false} would let it through.
 */
@ExtendWith(VertxExtension.class)
class CallbackConfirmationTest {

  private static final String CALLBACK = "https://app.example/callback";

  private ClientFixture fixture;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx).onComplete(testContext.succeeding(started -> {
      fixture = started;
      testContext.completeNow();
    }));
  }

  @Test
  void answerWithoutCallbackConfirmationIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer("/oauth/request_token", FakeTwitter.text(200, "text/html",
        "oauth_token=t&oauth_token_secret=s"));

    Outcome.failsWith(testContext, fixture.client.requestToken(CALLBACK), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("oauth_callback_confirmed"));
  }

  @Test
  void emptyCallbackConfirmationIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer("/oauth/request_token", FakeTwitter.text(200, "text/html",
        "oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed="));

    Outcome.failsWith(testContext, fixture.client.requestToken(CALLBACK), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("oauth_callback_confirmed"));
  }
}
