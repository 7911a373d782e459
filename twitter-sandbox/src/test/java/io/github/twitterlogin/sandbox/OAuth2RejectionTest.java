package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.OAuth20Service;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each OAuth 2.0 request X would refuse is refused here, with X's {@code error} and description. */
@ExtendWith(VertxExtension.class)
class OAuth2RejectionTest {

  private static final String SCOPES = OAuth2FlowTest.SCOPES;
  private static final String CHALLENGE = OAuth2TokenEndpoints.s256("a-verifier-of-forty-three-characters-or-more");

  @Test
  void expiredCodeIsInvalid(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2Login login = OAuth2Login.through(sandbox, service, "1000000001", "authorize");
    sandbox.clock.advance(Duration.ofSeconds(31));

    assertRefused(() -> login.exchange(service), 400, "invalid_request",
        "Value passed for the authorization code was invalid.");
  }

  @Test
  void codeWithinItsThirtySecondsIsExchanged(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2Login login = OAuth2Login.through(sandbox, service, "1000000001", "authorize");
    sandbox.clock.advance(Duration.ofSeconds(25));

    assertThat(login.exchange(service).getAccessToken()).isNotBlank();
  }

  @Test
  void wrongVerifierIsRefusedAndSpendsTheCode(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2Login login = OAuth2Login.through(sandbox, service, "1000000001", "authorize");

    assertRefused(() -> service.getAccessToken(AccessTokenRequestParams.create(login.parameter("code"))
        .pkceCodeVerifier(login.pkce.getCodeVerifier() + "x")), 400, "invalid_request",
        "Value passed for the code verifier did not match the code challenge.");
    assertRefused(() -> login.exchange(service), 400, "invalid_request",
        "Value passed for the authorization code was invalid.");
  }

  @Test
  void missingVerifierIsRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2Login login = OAuth2Login.through(sandbox, service, "1000000001", "authorize");

    assertRefused(() -> service.getAccessToken(login.parameter("code")), 400, "invalid_request",
        "Missing required parameter [code_verifier].");
  }

  @Test
  void reusedCodeIsRefusedAndRevokesWhatItGave(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2Login login = OAuth2Login.through(sandbox, service, "1000000001", "authorize");
    OAuth2AccessToken token = login.exchange(service);

    assertRefused(() -> login.exchange(service), 400, "invalid_request",
        "Value passed for the authorization code was invalid.");
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, token, "/2/users/me").getCode()).isEqualTo(401);
  }

  @Test
  void plainChallengeIsRefusedBackToTheClientWithTheState(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.get(authorizeUri(SandboxOAuth2Client.DEFAULT_CLIENT_ID,
        SandboxFixture.CALLBACK, "plain", CHALLENGE.substring(0, 43), SCOPES));

    assertThat(answer.statusCode()).isEqualTo(302);
    String location = answer.getHeader("Location");
    assertThat(location).startsWith(SandboxFixture.CALLBACK + "?state=xyz&error=invalid_request&error_description=");
    assertThat(OAuth2Login.queryParameter(location, "error_description")).contains("S256", "plain");
    assertThat(OAuth2Login.queryParameter(location, "code")).isNull();
  }

  @Test
  void missingChallengeMethodIsPlainAndRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.get(authorizeUri(SandboxOAuth2Client.DEFAULT_CLIENT_ID,
        SandboxFixture.CALLBACK, null, CHALLENGE, SCOPES));

    assertThat(OAuth2Login.queryParameter(answer.getHeader("Location"), "error")).isEqualTo("invalid_request");
  }

  @Test
  void unknownScopeIsRefusedBackToTheClient(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.get(authorizeUri(SandboxOAuth2Client.DEFAULT_CLIENT_ID,
        SandboxFixture.CALLBACK, "S256", CHALLENGE, "users.read everything.write"));

    assertThat(OAuth2Login.queryParameter(answer.getHeader("Location"), "error")).isEqualTo("invalid_scope");
    assertThat(OAuth2Login.queryParameter(answer.getHeader("Location"), "state")).isEqualTo("xyz");
  }

  @Test
  void unregisteredRedirectUriGetsAPageAndNoRedirect(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, strictClient());

    HttpResponse<Buffer> answer = sandbox.get(authorizeUri("web-app", SandboxFixture.CALLBACK + "/", "S256",
        CHALLENGE, SCOPES));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.getHeader("Location")).isNull();
    assertThat(answer.getHeader("Content-Type")).startsWith("text/html");
    assertThat(answer.bodyAsString()).contains("redirect_uri", "not Twitter");
  }

  @Test
  void unknownClientIdGetsAPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.get(authorizeUri("nobody", SandboxFixture.CALLBACK, "S256", CHALLENGE,
        SCOPES));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsString()).contains("This app is not known");
  }

  @Test
  void redirectUriOtherThanTheCodesIsRefusedAtTheTokenEndpoint(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth2Login login = OAuth2Login.through(sandbox, sandbox.oauth2(SCOPES), "1000000001", "authorize");

    HttpResponse<Buffer> answer = token(sandbox, basic(SandboxOAuth2Client.DEFAULT_CLIENT_ID,
        SandboxOAuth2Client.DEFAULT_CLIENT_SECRET), MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "authorization_code").add("code", login.parameter("code"))
        .add("redirect_uri", "http://127.0.0.1:9999/other").add("code_verifier", login.pkce.getCodeVerifier()));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "invalid_request")
        .put("error_description", "Value passed for the redirect uri did not match the uri of the authorization code."));
  }

  @Test
  void confidentialClientWithoutBasicAuthenticationIsRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth2Login login = OAuth2Login.through(sandbox, sandbox.oauth2(SCOPES), "1000000001", "authorize");

    HttpResponse<Buffer> answer = token(sandbox, null, codeExchange(login)
        .add("client_id", SandboxOAuth2Client.DEFAULT_CLIENT_ID));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "unauthorized_client")
        .put("error_description", "Missing valid authorization header"));
  }

  @Test
  void wrongClientSecretIsRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service wrongSecret = sandbox.oauth2(SandboxOAuth2Client.DEFAULT_CLIENT_ID, "not-the-secret", SCOPES);
    OAuth2Login login = OAuth2Login.through(sandbox, wrongSecret, "1000000001", "authorize");

    assertRefused(() -> login.exchange(wrongSecret), 401, "unauthorized_client", "Missing valid authorization header");
  }

  @Test
  void unknownClientIdIsRefusedAtTheTokenEndpoint(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = token(sandbox, null, MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "refresh_token").add("refresh_token", "made-up").add("client_id", "nobody"));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
  }

  @Test
  void codeOfAnotherClientIsInvalid(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("oauth2Clients", new JsonArray()
        .add(new JsonObject().put("clientId", SandboxOAuth2Client.DEFAULT_CLIENT_ID)
            .put("clientSecret", SandboxOAuth2Client.DEFAULT_CLIENT_SECRET).put("redirectUris", SandboxFixture.CALLBACK))
        .add(new JsonObject().put("clientId", "other").put("redirectUris", SandboxFixture.CALLBACK))));
    OAuth2Login login = OAuth2Login.through(sandbox, sandbox.oauth2(SCOPES), "1000000001", "authorize");
    OAuth20Service other = sandbox.oauth2("other", null, SCOPES);

    assertRefused(() -> login.exchange(other), 400, "invalid_request",
        "Value passed for the authorization code was invalid.");
  }

  @Test
  void unknownRefreshTokenIsInvalid(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    assertRefused(() -> sandbox.oauth2(SCOPES).refreshAccessToken("made-up"), 400, "invalid_request",
        "Value passed for the token was invalid.");
  }

  @Test
  void unsupportedGrantTypeIsRefused(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = token(sandbox, basic(SandboxOAuth2Client.DEFAULT_CLIENT_ID,
        SandboxOAuth2Client.DEFAULT_CLIENT_SECRET), MultiMap.caseInsensitiveMultiMap().add("grant_type", "password"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void revokeAnswersRevokedForAnyToken(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = await(sandbox.browser.post(sandbox.sandbox.actualPort(), "127.0.0.1",
        "/2/oauth2/revoke").putHeader("Authorization", basic(SandboxOAuth2Client.DEFAULT_CLIENT_ID,
        SandboxOAuth2Client.DEFAULT_CLIENT_SECRET)).sendForm(MultiMap.caseInsensitiveMultiMap().add("token", "x")));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.bodyAsJsonObject()).isEqualTo(new JsonObject().put("revoked", true));
  }

  @Test
  void unknownConsentFormIsAnExpiredPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> answer = sandbox.post("/i/oauth2/authorize", MultiMap.caseInsensitiveMultiMap()
        .add("authorization_id", "made-up").add("user_id", "1000000001").add("decision", "authorize"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsString()).contains("invalid or has expired");
  }

  private static void assertRefused(ThrowingCallable call, int status, String error, String description) {
    assertThatThrownBy(call).isInstanceOfSatisfying(OAuth2AccessTokenErrorResponse.class, refused -> {
      assertThat(refused.getResponse().getCode()).isEqualTo(status);
      assertThat(refused.getError().getErrorString()).isEqualTo(error);
      assertThat(refused.getErrorDescription()).isEqualTo(description);
    });
  }

  private static String authorizeUri(String clientId, String redirectUri, String method, String challenge,
      String scope) {
    return "/i/oauth2/authorize?response_type=code&client_id=" + NodeOAuthClient.encodeData(clientId)
        + "&redirect_uri=" + NodeOAuthClient.encodeData(redirectUri) + "&scope=" + NodeOAuthClient.encodeData(scope)
        + "&state=xyz&code_challenge=" + challenge + (method == null ? "" : "&code_challenge_method=" + method);
  }

  private static MultiMap codeExchange(OAuth2Login login) {
    return MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code")
        .add("code", login.parameter("code")).add("redirect_uri", SandboxFixture.CALLBACK)
        .add("code_verifier", login.pkce.getCodeVerifier());
  }

  private static HttpResponse<Buffer> token(SandboxFixture sandbox, String authorization, MultiMap form)
      throws Exception {
    var request = sandbox.browser.post(sandbox.sandbox.actualPort(), "127.0.0.1", "/2/oauth2/token");
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return await(request.sendForm(form));
  }

  private static String basic(String clientId, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject strictClient() {
    return new JsonObject().put("oauth2Clients", new JsonArray().add(new JsonObject().put("clientId", "web-app")
        .put("clientSecret", "web-secret").put("redirectUris", SandboxFixture.CALLBACK)));
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.await(20, TimeUnit.SECONDS);
  }
}
