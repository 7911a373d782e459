package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twitter answering a redirect to another server: the Twitter client does not follow. A followed
 * redirect would send the Authorization header, signed for Twitter's URL, to whatever server the
 * answer names. The other server answers as Twitter would, so that a client that follows the
 * redirect succeeds and the test sees it.
 */
@ExtendWith(VertxExtension.class)
class RedirectsNotFollowedTest {

  private static final String REQUEST_TOKEN = "/oauth/request_token";
  private static final String VERIFY_CREDENTIALS = "/1.1/account/verify_credentials.json";

  private final List<String> reachedElsewhere = new CopyOnWriteArrayList<>();
  private ClientFixture fixture;
  private String elsewhere;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    vertx.createHttpServer().requestHandler(this::answerAsTwitter).listen(0, "127.0.0.1")
        .compose(server -> {
          elsewhere = "http://127.0.0.1:" + server.actualPort();
          return ClientFixture.start(vertx);
        })
        .onComplete(testContext.succeeding(started -> {
          fixture = started;
          testContext.completeNow();
        }));
  }

  @Test
  void redirectOfVerifyCredentialsIsATwitterErrorAndGoesNowhere(VertxTestContext testContext) {
    fixture.twitter.answer(VERIFY_CREDENTIALS, redirectTo(302, elsewhere + VERIFY_CREDENTIALS));

    Outcome.failsWith(testContext, fixture.client.verifyCredentials(FakeTwitter.USER_TOKEN),
        TwitterFailure.TWITTER_ERROR, failure -> {
          assertThat(failure.getMessage()).contains("302");
          assertThat(fixture.twitter.received()).hasSize(1);
          assertThat(reachedElsewhere).as("requests (with their Authorization header) at the other server").isEmpty();
        });
  }

  /** A POST is followed only on 303, as a GET carrying the same headers. */
  @Test
  void seeOtherOnAnOAuthStepIsATwitterErrorAndGoesNowhere(VertxTestContext testContext) {
    fixture.twitter.answer(REQUEST_TOKEN, redirectTo(303, elsewhere + REQUEST_TOKEN));

    Outcome.failsWith(testContext, fixture.client.requestToken("https://app.example/callback"),
        TwitterFailure.TWITTER_ERROR, failure -> {
          assertThat(failure.getMessage()).contains("303");
          assertThat(fixture.twitter.received()).hasSize(1);
          assertThat(reachedElsewhere).as("requests (with their Authorization header) at the other server").isEmpty();
        });
  }

  @Test
  void redirectOfAnApiCallIsRepliedAsItIsAndGoesNowhere(VertxTestContext testContext) {
    fixture.twitter.answer("/1.1/users/show.json", redirectTo(302, elsewhere + "/1.1/users/show.json"));
    ApiRequest call = ApiRequest.get("1.1/users/show.json", Map.of("screen_name", List.of("jack")),
        FakeTwitter.USER_TOKEN);

    Outcome.succeeds(testContext, fixture.client.call(call), response -> {
      assertThat(response.status()).isEqualTo(302);
      assertThat(fixture.twitter.received()).hasSize(1);
      assertThat(reachedElsewhere).as("requests (with their Authorization header) at the other server").isEmpty();
    });
  }

  private static Handler<RoutingContext> redirectTo(int status, String location) {
    return ctx -> ctx.response().setStatusCode(status).putHeader("Location", location).end();
  }

  private void answerAsTwitter(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    reachedElsewhere.add(request.method() + " " + request.path()
        + (authorization == null ? " without Authorization" : " with an Authorization header"));
    if (request.path().equals(REQUEST_TOKEN)) {
      request.response().putHeader("Content-Type", "text/html")
          .end("oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=true");
    } else {
      request.response().putHeader("Content-Type", "application/json")
          .end("{\"id_str\":\"1\",\"screen_name\":\"elsewhere\"}");
    }
  }
}
