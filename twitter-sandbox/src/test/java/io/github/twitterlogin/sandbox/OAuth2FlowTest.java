package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth20Service;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * X's OAuth 2.0 Authorization Code with PKCE, driven by ScribeJava 8.3.3's OAuth 2.0 client
 * over real HTTP: the consent page, the code, the tokens, the refresh and the API with a bearer.
 */
@ExtendWith(VertxExtension.class)
class OAuth2FlowTest {

  static final String SCOPES = "tweet.read users.read offline.access";
  private static final JsonObject UNAUTHORIZED = new JsonObject()
      .put("title", "Unauthorized").put("detail", "Unauthorized").put("type", "about:blank").put("status", 401);

  @Test
  void confidentialClientSignsInWithPkceAndCallsTheApi(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);

    OAuth2Login login = OAuth2Login.through(sandbox, service, "1000000002", "authorize");
    assertThat(login.location()).startsWith(SandboxFixture.CALLBACK + "?state=" + login.state + "&code=");
    OAuth2AccessToken token = login.exchange(service);

    assertThat(token.getTokenType()).isEqualTo("bearer");
    assertThat(token.getExpiresIn()).isEqualTo(7200);
    assertThat(token.getScope()).isEqualTo(SCOPES);
    assertThat(token.getRefreshToken()).isNotBlank();
    Response me = bearerGet(sandbox, service, token, "/2/users/me?user.fields=verified");
    assertThat(me.getCode()).isEqualTo(200);
    assertThat(new JsonObject(me.getBody()).getJsonObject("data")).isEqualTo(new JsonObject()
        .put("id", "1000000002").put("name", "Zoë Ångström").put("username", "zoe_angstrom").put("verified", false));
    assertThat(me.getHeader("x-rate-limit-limit")).isEqualTo("75");
    Response credentials = bearerGet(sandbox, service, token, "/1.1/account/verify_credentials.json");
    assertThat(new JsonObject(credentials.getBody()).getString("screen_name")).isEqualTo("zoe_angstrom");
  }

  @Test
  void consentPageShowsTheAppAndTheScopes(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);

    String page = sandbox.getAbs(service.createAuthorizationUrlBuilder().state("s").initPKCE().build()).bodyAsString();

    assertThat(page).contains("Twitter Login Gateway", "tweet.read", "users.read", "offline.access", "Ada Lovelace",
        "Cancel", "not Twitter");
    ConsentForm form = ConsentForm.of(page);
    assertThat(form.action()).isEqualTo("/i/oauth2/authorize");
    assertThat(form.userIds()).contains("1000000001", "1000000004");
  }

  @Test
  void publicClientSendsItsIdInTheBody(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("oauth2Clients", new JsonArray()
        .add(new JsonObject().put("clientId", "spa").put("redirectUris", SandboxFixture.CALLBACK))));
    OAuth20Service service = sandbox.oauth2("spa", null, "tweet.read users.read");

    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, "1000000003", "authorize").exchange(service);

    assertThat(token.getRefreshToken()).isNull();
    assertThat(new JsonObject(bearerGet(sandbox, service, token, "/2/users/me").getBody()).getJsonObject("data")
        .getString("username")).isEqualTo("hiro");
  }

  @Test
  void refreshTokenRotates(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2AccessToken first = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);

    OAuth2AccessToken second = service.refreshAccessToken(first.getRefreshToken());
    OAuth2AccessToken third = service.refreshAccessToken(second.getRefreshToken());

    assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
    assertThat(third.getRefreshToken()).isNotIn(first.getRefreshToken(), second.getRefreshToken());
    assertThat(third.getAccessToken()).isNotEqualTo(second.getAccessToken());
    assertThat(bearerGet(sandbox, service, third, "/2/users/me").getCode()).isEqualTo(200);
  }

  @Test
  void reusedRefreshTokenRevokesTheWholeGrant(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2AccessToken first = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);
    OAuth2AccessToken rotated = service.refreshAccessToken(first.getRefreshToken());

    assertThatThrownBy(() -> service.refreshAccessToken(first.getRefreshToken()))
        .isInstanceOfSatisfying(OAuth2AccessTokenErrorResponse.class, refused -> {
          assertThat(refused.getResponse().getCode()).isEqualTo(400);
          assertThat(refused.getError().getErrorString()).isEqualTo("invalid_request");
          assertThat(refused.getErrorDescription()).isEqualTo("Value passed for the token was invalid.");
        });
    assertThatThrownBy(() -> service.refreshAccessToken(rotated.getRefreshToken()))
        .isInstanceOfSatisfying(OAuth2AccessTokenErrorResponse.class,
            refused -> assertThat(refused.getErrorDescription()).isEqualTo("Value passed for the token was invalid."));
    for (OAuth2AccessToken revoked : new OAuth2AccessToken[] {first, rotated}) {
      Response me = bearerGet(sandbox, service, revoked, "/2/users/me");
      assertThat(me.getCode()).isEqualTo(401);
      assertThat(new JsonObject(me.getBody())).isEqualTo(UNAUTHORIZED);
    }
  }

  @Test
  void withoutOfflineAccessThereIsNoRefreshToken(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2("tweet.read users.read");

    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);

    assertThat(token.getRefreshToken()).isNull();
    assertThat(token.getScope()).isEqualTo("tweet.read users.read");
  }

  @Test
  void cancelRedirectsWithAccessDeniedAndTheState(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    OAuth2Login login = OAuth2Login.through(sandbox, sandbox.oauth2(SCOPES), "1000000001", "cancel");

    assertThat(login.location()).isEqualTo(SandboxFixture.CALLBACK + "?state=" + login.state + "&error=access_denied");
  }

  @Test
  void expiredAccessTokenIsUnauthorized(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("oauth2AccessTokenLifetimeSeconds", 60));
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);
    assertThat(token.getExpiresIn()).isEqualTo(60);
    sandbox.clock.advance(Duration.ofSeconds(61));

    Response me = bearerGet(sandbox, service, token, "/2/users/me");
    Response credentials = bearerGet(sandbox, service, token, "/1.1/account/verify_credentials.json");

    assertThat(me.getCode()).isEqualTo(401);
    assertThat(new JsonObject(me.getBody())).isEqualTo(UNAUTHORIZED);
    assertThat(credentials.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(credentials).getInteger("code")).isEqualTo(89);
    assertThat(service.refreshAccessToken(token.getRefreshToken()).getAccessToken()).isNotBlank();
  }

  @Test
  void tokenWithoutTheScopesOfUsersMeIsForbidden(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2("users.read");
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);

    Response me = bearerGet(sandbox, service, token, "/2/users/me");

    assertThat(me.getCode()).isEqualTo(403);
    assertThat(new JsonObject(me.getBody())).isEqualTo(new JsonObject().put("title", "Forbidden")
        .put("detail", "Forbidden").put("type", "about:blank").put("status", 403));
  }

  @Test
  void revokedAccessTokenIsUnauthorized(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);

    service.revokeToken(token.getAccessToken());

    assertThat(bearerGet(sandbox, service, token, "/2/users/me").getCode()).isEqualTo(401);
    assertThat(service.refreshAccessToken(token.getRefreshToken()).getAccessToken()).isNotBlank();
  }

  @Test
  void revokedRefreshTokenRevokesTheGrant(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);

    service.revokeToken(token.getRefreshToken());

    assertThat(bearerGet(sandbox, service, token, "/2/users/me").getCode()).isEqualTo(401);
    assertThatThrownBy(() -> service.refreshAccessToken(token.getRefreshToken()))
        .isInstanceOf(OAuth2AccessTokenErrorResponse.class);
  }

  @Test
  void bearerCallsShareTheUsersRateLimit(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("verifyCredentialsLimit", 1));
    OAuth20Service service = sandbox.oauth2(SCOPES);
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, "1000000001", "authorize").exchange(service);
    assertThat(bearerGet(sandbox, service, token, "/2/users/me").getCode()).isEqualTo(200);

    Response limited = bearerGet(sandbox, service, token, "/2/users/me");

    assertThat(limited.getCode()).isEqualTo(429);
    assertThat(new JsonObject(limited.getBody()).getString("title")).isEqualTo("Too Many Requests");
  }

  @Test
  void loadModeApprovesANewUserPerLogin(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("loadMode", true));
    OAuth20Service service = sandbox.oauth2(SCOPES);

    String first = loadLogin(sandbox, service);
    String second = loadLogin(sandbox, service);

    assertThat(first).isEqualTo("load1");
    assertThat(second).isEqualTo("load2");
  }

  private static String loadLogin(SandboxFixture sandbox, OAuth20Service service) throws Exception {
    var url = service.createAuthorizationUrlBuilder().state("load").initPKCE();
    var redirect = sandbox.getAbs(url.build());
    assertThat(redirect.statusCode()).isEqualTo(302);
    OAuth2AccessToken token = service.getAccessToken(com.github.scribejava.core.oauth.AccessTokenRequestParams
        .create(OAuth2Login.queryParameter(redirect.getHeader("Location"), "code"))
        .pkceCodeVerifier(url.getPkce().getCodeVerifier()));
    return new JsonObject(bearerGet(sandbox, service, token, "/2/users/me").getBody()).getJsonObject("data")
        .getString("username");
  }

  static Response bearerGet(SandboxFixture sandbox, OAuth20Service service, OAuth2AccessToken token, String path)
      throws Exception {
    OAuthRequest request = new OAuthRequest(Verb.GET, sandbox.baseUrl() + path);
    service.signRequest(token, request);
    return service.execute(request);
  }
}
