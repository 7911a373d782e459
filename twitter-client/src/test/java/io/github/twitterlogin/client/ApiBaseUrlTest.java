package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.ApiResponse;
import io.github.twitterlogin.shared.LoginPage;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Twitter behind a path prefix (a proxy, the sandbox): the prefix is kept, and signed. */
@ExtendWith(VertxExtension.class)
class ApiBaseUrlTest {

  private static final String PREFIX = "/proxy/twitter";

  private FakeTwitter twitter;
  private TwitterClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    FakeTwitter.start(vertx, PREFIX)
        .compose(started -> {
          twitter = started;
          return ClientFixture.deploy(vertx, ClientFixture.configFor(twitter).put("apiBaseUrl", twitter.baseUrl() + "/"));
        })
        .onComplete(testContext.succeeding(deployment -> {
          client = TwitterClient.create(vertx);
          testContext.completeNow();
        }));
  }

  @Test
  void callsGoBelowThePrefix(VertxTestContext testContext) {
    Outcome.succeeds(testContext, client.call(ApiRequest.get("1.1/users/show.json", Map.of(), FakeTwitter.USER_TOKEN)),
        (ApiResponse response) -> {
          assertThat(response.status()).isEqualTo(200);
          assertThat(twitter.onlyRequest().path()).isEqualTo("/1.1/users/show.json");
        });
  }

  @Test
  void authorizeUrlKeepsThePrefix(VertxTestContext testContext) {
    RequestTokenRequest request = RequestTokenRequest.of("https://app.example/callback").withLoginPage(LoginPage.AUTHORIZE);
    Outcome.succeeds(testContext, client.requestToken(request), (RequestToken token) ->
        assertThat(token.authenticateUrl()).startsWith(twitter.baseUrl() + "/oauth/authorize?oauth_token="));
  }

  @Test
  void authenticateUrlKeepsThePrefix(VertxTestContext testContext) {
    Outcome.succeeds(testContext, client.requestToken("https://app.example/callback"), (RequestToken token) ->
        assertThat(token.authenticateUrl()).startsWith(twitter.baseUrl() + "/oauth/authenticate?oauth_token="));
  }
}
