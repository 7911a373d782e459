package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.github.twitterlogin.shared.testing.TestClock;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each request Twitter would refuse is refused here, with Twitter's status and error code. */
@ExtendWith(VertxExtension.class)
class RejectionTest {

  private static final OAuth1AccessToken NO_TOKEN = new OAuth1AccessToken("", "");

  @Test
  void requestTokenWithUnapprovedCallbackIsForbidden(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response answer = requestToken(sandbox, scribe, "https://evil.example/callback");

    assertThat(answer.getCode()).isEqualTo(403);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(415);
  }

  @Test
  void requestTokenWithoutCallbackIsRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuthRequest request = new OAuthRequest(Verb.POST, scribe.getApi().getRequestTokenEndpoint());
    scribe.signRequest(NO_TOKEN, request);

    Response answer = scribe.execute(request);

    assertThat(answer.getCode()).isEqualTo(400);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(214);
  }

  @Test
  void requestTokenWithCallbackOfAnotherPathIsForbidden(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, strictConsumer());

    Response answer = requestToken(sandbox, sandbox.scribe(), "http://127.0.0.1:9999/other");

    assertThat(answer.getCode()).isEqualTo(403);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(415);
    assertThat(SandboxFixture.firstError(answer).getString("message"))
        .startsWith("Callback URL not approved for this client application");
  }

  @Test
  void requestTokenWithRegisteredCallbackAndATrailingSlashIsForbidden(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, strictConsumer());

    Response answer = requestToken(sandbox, sandbox.scribe(), SandboxFixture.CALLBACK + "/");

    assertThat(answer.getCode()).isEqualTo(403);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(415);
  }

  @Test
  void requestTokenWithLocalhostForTheRegistered127001IsForbidden(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, strictConsumer());

    Response answer = requestToken(sandbox, sandbox.scribe(), SandboxFixture.CALLBACK.replace("127.0.0.1", "localhost"));

    assertThat(answer.getCode()).isEqualTo(403);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(415);
  }

  @Test
  void requestTokenWithRegisteredCallbackAndAQueryIsAccepted(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, strictConsumer());

    Response answer = requestToken(sandbox, sandbox.scribe(), SandboxFixture.CALLBACK + "?source=twitter");

    assertThat(answer.getCode()).isEqualTo(200);
    assertThat(answer.getBody()).contains("oauth_callback_confirmed=true");
  }

  @Test
  void oauthVersionOtherThan10IsRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    NodeOAuthClient.Answer answer = sandbox.nodeOAuth().version("2.0").requestToken(Map.of());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(firstError(answer).getInteger("code")).isEqualTo(32);
    assertThat(firstError(answer).getString("message")).contains("oauth_version");
  }

  @Test
  void requestWithoutOauthVersionIsAccepted(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    NodeOAuthClient.Answer answer = sandbox.nodeOAuth().version(null).requestToken(Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.form()).containsKey("oauth_token").containsEntry("oauth_callback_confirmed", "true");
  }

  @Test
  void protocolParameterTwiceIsBadAuthenticationData(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    NodeOAuthClient client = sandbox.nodeOAuth();
    String url = sandbox.baseUrl() + "/oauth/request_token";
    Map<String, String> callback = Map.of("oauth_callback", SandboxFixture.CALLBACK);
    String header = client.authorization(HttpMethod.POST, url, null, null, callback) + ",oauth_nonce=\"again\"";

    NodeOAuthClient.Answer answer = client.sendWithHeader(HttpMethod.POST, url, header, callback);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(firstError(answer).getInteger("code")).isEqualTo(215);
    assertThat(firstError(answer).getString("message")).contains("oauth_nonce twice");
  }

  @Test
  void bodyOverTheLimitIsTooLarge(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    NodeOAuthClient.Answer answer = sandbox.nodeOAuth().requestToken(Map.of("padding", "x".repeat(65 * 1024)));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(firstError(answer).getInteger("code")).isEqualTo(214);
  }

  @Test
  void unknownConsumerIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService stranger = sandbox.scribe("nobody", "secret", SandboxFixture.CALLBACK, null);

    Response answer = requestToken(sandbox, stranger, SandboxFixture.CALLBACK);

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(32);
  }

  @Test
  void badSignatureIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService wrongSecret = sandbox.scribe(SandboxConsumer.DEFAULT_KEY, "not-the-secret", SandboxFixture.CALLBACK, null);

    Response answer = requestToken(sandbox, wrongSecret, SandboxFixture.CALLBACK);

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(32);
    assertThat(SandboxFixture.firstError(answer).getString("message")).contains("signature");
  }

  @Test
  void requestSignedWithAnotherUsersTokenSecretIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    Response answer = sandbox.signedGet(scribe, new OAuth1AccessToken(access.getToken(), "forged-secret"),
        "/1.1/account/verify_credentials.json");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(32);
  }

  @Test
  void timestampTooOldIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    sandbox.clock.advance(Duration.ofSeconds(301));

    Response answer = requestToken(sandbox, sandbox.scribe(), SandboxFixture.CALLBACK);

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(135);
  }

  /** The sandbox's clock runs behind the client's; 330 s leaves room for a slow test machine. */
  @Test
  void timestampInTheFutureIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    sandbox.clock.advance(Duration.ofSeconds(-330));

    Response answer = requestToken(sandbox, sandbox.scribe(), SandboxFixture.CALLBACK);

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(135);
  }

  @Test
  void timestampWithinTheAllowedSkewIsAccepted(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    sandbox.clock.advance(Duration.ofSeconds(270));

    assertThat(requestToken(sandbox, sandbox.scribe(), SandboxFixture.CALLBACK).getCode()).isEqualTo(200);
  }

  /** The skew allowed is 300 s (allowedClockSkewSeconds), both ways; one second more is refused. */
  @Test
  void timestampExactlyAtTheAllowedSkewIsAccepted(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject(), TestClock.standingStill());
    long now = sandbox.clock.instant().getEpochSecond();

    assertThat(requestToken(sandbox, signingWith(sandbox, "early", now - 300), SandboxFixture.CALLBACK).getCode())
        .isEqualTo(200);
    assertThat(requestToken(sandbox, signingWith(sandbox, "late", now + 300), SandboxFixture.CALLBACK).getCode())
        .isEqualTo(200);
    Response tooEarly = requestToken(sandbox, signingWith(sandbox, "too-early", now - 301), SandboxFixture.CALLBACK);
    assertThat(tooEarly.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(tooEarly).getInteger("code")).isEqualTo(135);
  }

  /** A header without one of the five required parameters is malformed (215), before any other check. */
  @ParameterizedTest
  @ValueSource(strings = {"oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method",
      "oauth_timestamp"})
  void headerWithoutARequiredParameterIsBadAuthenticationData(String missing, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    NodeOAuthClient client = sandbox.nodeOAuth();
    String url = sandbox.baseUrl() + "/oauth/request_token";
    Map<String, String> callback = Map.of("oauth_callback", SandboxFixture.CALLBACK);
    String header = client.authorization(HttpMethod.POST, url, null, null, callback)
        .replaceAll(",?\\s*" + missing + "=\"[^\"]*\"", "").replace("OAuth ,", "OAuth ");

    NodeOAuthClient.Answer answer = client.sendWithHeader(HttpMethod.POST, url, header, callback);

    assertThat(header).doesNotContain(missing + "=");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(firstError(answer).getInteger("code")).isEqualTo(215);
    assertThat(firstError(answer).getString("message")).contains("no " + missing);
  }

  @Test
  void reusedNonceIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1AccessToken access = sandbox.signIn(sandbox.scribe());
    OAuth10aService replaying = sandbox.scribe(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET,
        SandboxFixture.CALLBACK, new FixedTimestamps("same-nonce", Instant.now().getEpochSecond()));

    Response first = sandbox.signedGet(replaying, access, "/1.1/account/verify_credentials.json");
    Response replay = sandbox.signedGet(replaying, access, "/1.1/account/verify_credentials.json");

    assertThat(first.getCode()).isEqualTo(200);
    assertThat(replay.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(replay).getInteger("code")).isEqualTo(32);
    assertThat(SandboxFixture.firstError(replay).getString("message")).contains("nonce");
  }

  @Test
  void nonceReusedUnderAnotherTimestampIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1AccessToken access = sandbox.signIn(sandbox.scribe());
    long now = Instant.now().getEpochSecond();

    Response first = sandbox.signedGet(signingWith(sandbox, "same-nonce", now), access,
        "/1.1/account/verify_credentials.json");
    Response replay = sandbox.signedGet(signingWith(sandbox, "same-nonce", now + 1), access,
        "/1.1/account/verify_credentials.json");

    assertThat(first.getCode()).isEqualTo(200);
    assertThat(replay.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(replay).getInteger("code")).isEqualTo(32);
  }

  @Test
  void requestTokenWithCallbackHidingAnotherHostIsForbidden(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    Response answer = requestToken(sandbox, sandbox.scribe(), "http://127.0.0.1:80@evil.example/callback");

    assertThat(answer.getCode()).isEqualTo(403);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(415);
  }

  @Test
  void requestTokenCannotCallTheApi(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    sandbox.authorize(requestToken.getToken(), "1000000001");

    Response answer = sandbox.signedGet(scribe, new OAuth1AccessToken(requestToken.getToken(),
        requestToken.getTokenSecret()), "/1.1/account/verify_credentials.json");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(89);
  }

  @Test
  void accessTokenOfAnotherConsumerIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("consumers", new JsonArray()
        .add(consumer(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET))
        .add(consumer("other-app", "other-secret"))));
    OAuth1AccessToken access = sandbox.signIn(sandbox.scribe());
    OAuth10aService otherApp = sandbox.scribe("other-app", "other-secret", SandboxFixture.CALLBACK, null);

    Response answer = sandbox.signedGet(otherApp, access, "/1.1/account/verify_credentials.json");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(89);
  }

  @Test
  void expiredRequestTokenIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("requestTokenLifetimeSeconds", 60));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    String verifier = SandboxFixture.verifierOf(sandbox.authorize(requestToken.getToken(), "1000000001"));
    sandbox.clock.advance(Duration.ofSeconds(61));

    Response answer = accessToken(scribe, requestToken, verifier);

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(89);
  }

  @Test
  void usedRequestTokenIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    String verifier = SandboxFixture.verifierOf(sandbox.authorize(requestToken.getToken(), "1000000001"));

    Response first = accessToken(scribe, requestToken, verifier);
    Response second = accessToken(scribe, requestToken, verifier);

    assertThat(first.getCode()).isEqualTo(200);
    assertThat(second.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(second).getInteger("code")).isEqualTo(89);
  }

  @Test
  void wrongVerifierIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    sandbox.authorize(requestToken.getToken(), "1000000001");

    Response answer = accessToken(scribe, requestToken, "not-the-verifier");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(32);
    assertThat(SandboxFixture.firstError(answer).getString("message")).contains("Invalid oauth_verifier");
  }

  @Test
  void unauthorizedRequestTokenCannotBeExchanged(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();

    Response answer = accessToken(scribe, requestToken, "guess");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(32);
  }

  @Test
  void verifierInTheFormIsAccepted(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    String verifier = SandboxFixture.verifierOf(sandbox.authorize(requestToken.getToken(), "1000000001"));
    OAuthRequest request = new OAuthRequest(Verb.POST, scribe.getApi().getAccessTokenEndpoint());
    request.addBodyParameter("oauth_verifier", verifier);
    scribe.signRequest(new OAuth1AccessToken(requestToken.getToken(), requestToken.getTokenSecret()), request);

    Response answer = scribe.execute(request);

    assertThat(answer.getCode()).isEqualTo(200);
    assertThat(answer.getBody()).contains("user_id=1000000001");
  }

  @Test
  void verifierInTheQueryIsAccepted(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();
    String verifier = SandboxFixture.verifierOf(sandbox.authorize(requestToken.getToken(), "1000000003"));
    OAuthRequest request = new OAuthRequest(Verb.POST, scribe.getApi().getAccessTokenEndpoint());
    request.addQuerystringParameter("oauth_verifier", verifier);
    scribe.signRequest(new OAuth1AccessToken(requestToken.getToken(), requestToken.getTokenSecret()), request);

    Response answer = scribe.execute(request);

    assertThat(answer.getCode()).isEqualTo(200);
    assertThat(answer.getBody()).contains("screen_name=hiro");
  }

  @Test
  void revokedAccessTokenIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);
    sandbox.signedPost(scribe, access, "/1.1/oauth/invalidate_token");

    Response answer = sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(89);
  }

  @Test
  void unknownAccessTokenIsRejected(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    Response answer = sandbox.signedGet(scribe, new OAuth1AccessToken("made-up", "made-up"),
        "/1.1/account/verify_credentials.json");

    assertThat(answer.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(answer).getInteger("code")).isEqualTo(89);
  }

  @Test
  void seventySixthVerifyCredentialsInTheWindowIsRateLimited(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);
    for (int call = 1; call <= 75; call++) {
      assertThat(sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json").getCode())
          .as("call %d", call).isEqualTo(200);
    }

    Response limited = sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json");

    assertThat(limited.getCode()).isEqualTo(429);
    assertThat(SandboxFixture.firstError(limited).getInteger("code")).isEqualTo(88);
    assertThat(limited.getHeader("x-rate-limit-remaining")).isEqualTo("0");
  }

  @Test
  void rateLimitWindowStartsAfresh(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("verifyCredentialsLimit", 1)
        .put("allowedClockSkewSeconds", 3600));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);
    sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json");
    sandbox.clock.advance(Duration.ofMinutes(15));

    assertThat(sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json").getCode()).isEqualTo(200);
  }

  @Test
  void missingAuthorizationIsBadRequest(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.post("/oauth/request_token", MultiMap.caseInsensitiveMultiMap());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getInteger("code")).isEqualTo(215);
  }

  @Test
  void malformedAuthorizationIsBadRequest(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.browser.post(sandbox.sandbox.actualPort(), "127.0.0.1", "/oauth/request_token")
        .putHeader("Authorization", "OAuth oauth_consumer_key=unquoted, =%ZZ").send()
        .await(20, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getInteger("code")).isEqualTo(215);
  }

  @Test
  void badPercentEscapeIsBadRequest(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    String header = "OAuth oauth_consumer_key=\"" + SandboxConsumer.DEFAULT_KEY + "\", oauth_nonce=\"n\", "
        + "oauth_signature=\"x\", oauth_signature_method=\"HMAC-SHA1\", "
        + "oauth_timestamp=\"" + Instant.now().getEpochSecond() + "\", oauth_callback=\"http%3A%2F%2F127.0.0.1%3A1%2F\"";

    HttpResponse<Buffer> answer = sandbox.browser.post(sandbox.sandbox.actualPort(), "127.0.0.1", "/oauth/request_token?x=%ZZ")
        .putHeader("Authorization", header).send().await(20, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors")).hasSize(1);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getInteger("code")).isEqualTo(214);
  }

  @Test
  void plaintextSignaturesAreRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    String header = "OAuth oauth_consumer_key=\"" + SandboxConsumer.DEFAULT_KEY + "\", oauth_nonce=\"n\", "
        + "oauth_signature=\"" + SandboxConsumer.DEFAULT_SECRET + "%26\", oauth_signature_method=\"PLAINTEXT\", "
        + "oauth_timestamp=\"" + Instant.now().getEpochSecond() + "\", oauth_callback=\"http%3A%2F%2F127.0.0.1%3A1%2F\"";

    HttpResponse<Buffer> answer = sandbox.browser.post(sandbox.sandbox.actualPort(), "127.0.0.1", "/oauth/request_token")
        .putHeader("Authorization", header).send().await(20, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getInteger("code")).isEqualTo(32);
    assertThat(answer.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("HMAC-SHA1");
  }

  private static OAuth10aService signingWith(SandboxFixture sandbox, String nonce, long timestamp) {
    return sandbox.scribe(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET, SandboxFixture.CALLBACK,
        new FixedTimestamps(nonce, timestamp));
  }

  /** The default consumer with only the fixture's callback registered: no development prefix. */
  private static JsonObject strictConsumer() {
    return new JsonObject().put("consumers", new JsonArray().add(
        consumer(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET)));
  }

  private static JsonObject firstError(NodeOAuthClient.Answer answer) {
    return new JsonObject(answer.body()).getJsonArray("errors").getJsonObject(0);
  }

  private static JsonObject consumer(String key, String secret) {
    return new JsonObject().put("key", key).put("secret", secret).put("callbackUrls", SandboxFixture.CALLBACK);
  }

  private static Response requestToken(SandboxFixture sandbox, OAuth10aService scribe, String callback) throws Exception {
    OAuthRequest request = new OAuthRequest(Verb.POST, scribe.getApi().getRequestTokenEndpoint());
    request.addOAuthParameter("oauth_callback", callback);
    scribe.signRequest(NO_TOKEN, request);
    return scribe.execute(request);
  }

  private static Response accessToken(OAuth10aService scribe, OAuth1RequestToken requestToken, String verifier)
      throws Exception {
    OAuthRequest request = new OAuthRequest(Verb.POST, scribe.getApi().getAccessTokenEndpoint());
    request.addOAuthParameter("oauth_verifier", verifier);
    scribe.signRequest(new OAuth1AccessToken(requestToken.getToken(), requestToken.getTokenSecret()), request);
    return scribe.execute(request);
  }
}
