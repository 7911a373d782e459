package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.OAuth2CodeRequest;
import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.UserToken;
import io.github.twitterlogin.shared.testing.TestClock;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Twitter client's requests to OAuth 2.0's token endpoint and its bearer calls, as a stand-in
 * for X receives them on a loopback port: how the client authenticates, what the form holds, how
 * a refusal reads.
 */
@ExtendWith(VertxExtension.class)
class OAuth2EndpointsTest {

  private static final String CLIENT_ID = "my client";
  private static final String CLIENT_SECRET = "s3cr:t/+&=";
  private static final String VERIFIER = "verifier-" + "v".repeat(40);
  private static final TestClock CLOCK = TestClock.standingStill();

  /** What the stand-in received: the Authorization header and the form of each request. */
  private record Received(String path, String authorization, MultiMap form) {
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();

  private TwitterClient clientOf(Vertx vertx, JsonObject answer, int status, JsonObject options) throws Exception {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.route().handler(ctx -> {
      received.add(new Received(ctx.request().path(), ctx.request().getHeader("Authorization"),
          MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().formAttributes())));
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(answer.encode());
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
    JsonObject config = new JsonObject().put("apiBaseUrl", "http://127.0.0.1:" + server.actualPort())
        .put("clientId", CLIENT_ID).put("tokenEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS).mergeIn(options);
    vertx.deployVerticle(new TwitterClientVerticle(new TwitterClientOptions(config), CLOCK), new DeploymentOptions())
        .await(10, TimeUnit.SECONDS);
    return TwitterClient.create(vertx);
  }

  private static JsonObject granted() {
    return new JsonObject().put("token_type", "bearer").put("expires_in", 7200).put("access_token", "access-1")
        .put("scope", "tweet.read users.read offline.access").put("refresh_token", "refresh-1");
  }

  private static OAuth2CodeRequest code() {
    return new OAuth2CodeRequest("code-1", VERIFIER, "https://app.example/callback");
  }

  @Test
  void aConfidentialClientSendsFormEncodedBasicCredentialsAndTheCodeWithItsVerifier(Vertx vertx) throws Exception {
    TwitterClient twitter = clientOf(vertx, granted(), 200, new JsonObject().put("clientSecret", CLIENT_SECRET));

    OAuth2Tokens tokens = twitter.oauth2Token(code()).await(10, TimeUnit.SECONDS);

    Received request = received.get(0);
    assertThat(request.path()).isEqualTo("/2/oauth2/token");
    assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        "my+client:s3cr%3At%2F%2B%26%3D".getBytes(StandardCharsets.UTF_8)));
    assertThat(request.form().get("grant_type")).isEqualTo("authorization_code");
    assertThat(request.form().get("code")).isEqualTo("code-1");
    assertThat(request.form().get("code_verifier")).isEqualTo(VERIFIER);
    assertThat(request.form().get("redirect_uri")).isEqualTo("https://app.example/callback");
    assertThat(request.form().contains("client_id")).isFalse();
    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(tokens.refreshToken()).isEqualTo("refresh-1");
    assertThat(tokens.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(2)));
    assertThat(tokens.scopes()).containsExactly("tweet.read", "users.read", "offline.access");
  }

  @Test
  void aPublicClientNamesItselfInTheFormAndSendsNoAuthorization(Vertx vertx) throws Exception {
    TwitterClient twitter = clientOf(vertx, granted(), 200, new JsonObject());

    twitter.oauth2Refresh("refresh-1").await(10, TimeUnit.SECONDS);

    Received request = received.get(0);
    assertThat(request.authorization()).isNull();
    assertThat(request.form().get("client_id")).isEqualTo(CLIENT_ID);
    assertThat(request.form().get("grant_type")).isEqualTo("refresh_token");
    assertThat(request.form().get("refresh_token")).isEqualTo("refresh-1");
  }

  @Test
  void aRefusalIsCredentialsRejectedWithXsWordsAndNoneOfTheSecrets(Vertx vertx) throws Exception {
    JsonObject echo = new JsonObject().put("error", "invalid_request").put("error_description",
        "Value passed for the authorization code was invalid: code-1 " + VERIFIER + " " + CLIENT_SECRET);
    TwitterClient twitter = clientOf(vertx, echo, 400, new JsonObject().put("clientSecret", CLIENT_SECRET));

    assertThatThrownBy(() -> twitter.oauth2Token(code()).await(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(TwitterFailureException.class, failure -> {
          assertThat(failure.failure()).isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
          assertThat(failure.getMessage()).contains("Value passed for the authorization code was invalid")
              .doesNotContain("code-1").doesNotContain(VERIFIER).doesNotContain(CLIENT_SECRET);
        });
  }

  @Test
  void anAnswerWithoutABearerTokenIsATwitterError(Vertx vertx) throws Exception {
    TwitterClient twitter = clientOf(vertx, granted().put("token_type", "mac"), 200, new JsonObject());

    assertThatThrownBy(() -> twitter.oauth2Token(code()).await(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(TwitterFailureException.class,
            failure -> assertThat(failure.failure()).isEqualTo(TwitterFailure.TWITTER_ERROR));
  }

  @Test
  void aBearerCallCarriesTheTokenAndNoOAuth1Signature(Vertx vertx) throws Exception {
    JsonObject me = new JsonObject().put("data", new JsonObject().put("id", "42").put("username", "ada"));
    TwitterClient twitter = clientOf(vertx, me, 200, new JsonObject());

    assertThat(twitter.usersMe(UserToken.ofBearer("access-1")).await(10, TimeUnit.SECONDS).id()).isEqualTo("42");

    assertThat(received.get(0).path()).isEqualTo("/2/users/me");
    assertThat(received.get(0).authorization()).isEqualTo("Bearer access-1");
  }

  @Test
  void withoutAClientIdTheOAuth2AddressesAreBadRequests(Vertx vertx) throws Exception {
    TwitterClient twitter = clientOf(vertx, granted(), 200, new JsonObject().putNull("clientId")
        .put("consumerKey", "k").put("consumerSecret", "s"));

    assertThatThrownBy(() -> twitter.oauth2Refresh("refresh-1").await(10, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(TwitterFailureException.class, failure -> {
          assertThat(failure.failure()).isEqualTo(TwitterFailure.BAD_REQUEST);
          assertThat(failure.getMessage()).contains("TWITTER_CLIENT_ID");
        });
    assertThat(received).isEmpty();
  }
}
