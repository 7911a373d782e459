package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.FakeTwitter.ReceivedRequest;
import io.github.twitterlogin.shared.AccessType;
import io.github.twitterlogin.shared.LoginPage;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RequestTokenTest {

  private static final String CALLBACK = "https://app.example/callback?next=/home&lang=fr";
  private static final String XML_415 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error code=\"415\">"
      + "Callback URL not approved for this client application.</error></errors>";

  private ClientFixture fixture;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext testContext) {
    ClientFixture.start(vertx).onComplete(testContext.succeeding(started -> {
      fixture = started;
      testContext.completeNow();
    }));
  }

  @Test
  void requestTokenIsAskedWithTheCallbackAndNoToken(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.requestToken(CALLBACK), token -> {
      ReceivedRequest request = fixture.twitter.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/oauth/request_token");
      assertThat(request.query()).isEmpty();
      assertThat(request.form()).isEmpty();
      assertThat(request.oauth())
          .containsEntry("oauth_callback", CALLBACK)
          .containsEntry("oauth_consumer_key", FakeTwitter.CONSUMER_KEY)
          .containsEntry("oauth_signature_method", "HMAC-SHA1")
          .doesNotContainKeys("oauth_token", "oauth_verifier");
      assertThat(token.token()).startsWith("request-token-");
      assertThat(fixture.twitter.verifierFor(token.token())).isNotNull();
    });
  }

  @Test
  void authenticateUrlNamesTheRequestToken(VertxTestContext testContext) {
    Outcome.succeeds(testContext, fixture.client.requestToken(CALLBACK), token ->
        assertThat(token.authenticateUrl())
            .isEqualTo(fixture.twitter.baseUrl() + "/oauth/authenticate?oauth_token=" + token.token()));
  }

  @Test
  void authenticateUrlCanForceTheLoginOfOneScreenName(VertxTestContext testContext) {
    RequestTokenRequest request = new RequestTokenRequest(CALLBACK, true, "Jack & Jill é");
    Outcome.succeeds(testContext, fixture.client.requestToken(request), token -> {
      URI url = URI.create(token.authenticateUrl());
      assertThat(token.authenticateUrl()).startsWith(fixture.twitter.baseUrl() + "/oauth/authenticate?");
      assertThat(ScribeJavaSignatureCheck.formParameters(url.getRawQuery())).containsExactly(
          Map.entry("oauth_token", token.token()),
          Map.entry("force_login", "true"),
          Map.entry("screen_name", "Jack & Jill é"));
    });
  }

  @Test
  void accessTypeIsSentSignedInTheQuery(VertxTestContext testContext) {
    RequestTokenRequest request = RequestTokenRequest.of(CALLBACK).withAccessType(AccessType.READ);
    Outcome.succeeds(testContext, fixture.client.requestToken(request), token -> {
      ReceivedRequest received = fixture.twitter.onlyRequest();
      assertThat(received.query()).containsExactly(Map.entry("x_auth_access_type", "read"));
      assertThat(received.form()).isEmpty();
      assertThat(received.oauth()).containsEntry("oauth_callback", CALLBACK).doesNotContainKey("x_auth_access_type");
    });
  }

  @Test
  void writeAccessTypeArrivesFromJson(Vertx vertx, VertxTestContext testContext) {
    JsonObject request = new JsonObject().put("callbackUrl", CALLBACK).put("accessType", "write");
    Outcome.succeeds(testContext, vertx.eventBus().request(TwitterAddresses.REQUEST_TOKEN, request), reply ->
        assertThat(fixture.twitter.onlyRequest().query()).containsExactly(Map.entry("x_auth_access_type", "write")));
  }

  @Test
  void authorizePageIsOnTheConfiguredHost(VertxTestContext testContext) {
    RequestTokenRequest request = new RequestTokenRequest(CALLBACK, true, "twitterdev", null, LoginPage.AUTHORIZE);
    Outcome.succeeds(testContext, fixture.client.requestToken(request), token ->
        assertThat(token.authenticateUrl()).isEqualTo(fixture.twitter.baseUrl() + "/oauth/authorize?oauth_token="
            + token.token() + "&force_login=true&screen_name=twitterdev"));
  }

  @Test
  void unconfirmedCallbackIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer("/oauth/request_token", FakeTwitter.text(200, "text/html",
        "oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=false"));
    Outcome.failsWith(testContext, fixture.client.requestToken(CALLBACK), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("oauth_callback_confirmed"));
  }

  @Test
  void answerWithoutTokenSecretIsATwitterError(VertxTestContext testContext) {
    fixture.twitter.answer("/oauth/request_token", FakeTwitter.text(200, "text/html",
        "oauth_token=t&oauth_callback_confirmed=true"));
    Outcome.failsWith(testContext, fixture.client.requestToken(CALLBACK), TwitterFailure.TWITTER_ERROR,
        failure -> assertThat(failure.getMessage()).contains("has no oauth_token_secret"));
  }

  @Test
  void unapprovedCallbackIsForbiddenWithTwitterError415(VertxTestContext testContext) {
    fixture.twitter.answer("/oauth/request_token", FakeTwitter.text(403, "application/xml", XML_415));
    Outcome.failsWith(testContext, fixture.client.requestToken(CALLBACK), TwitterFailure.FORBIDDEN, failure -> {
      assertThat(failure.twitterErrorCode()).hasValue(415);
      assertThat(failure.getMessage()).contains("Callback URL not approved for this client application.");
    });
  }
}
