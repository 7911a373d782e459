package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.OAuth20Service;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /sandbox/admin/oauth2/expire-access-tokens} ends one user's OAuth 2.0 access
 * tokens now, on the sandbox's own clock, and leaves her refresh token and every other user's
 * tokens alone; it refuses what it cannot take in plain words, and serves loopback names only.
 */
@ExtendWith(VertxExtension.class)
class OAuth2AdminTest {

  private static final String PATH = "/sandbox/admin/oauth2/expire-access-tokens";
  private static final String ADA = "1000000001";
  private static final String ZOE = "1000000002";

  @Test
  void herAccessTokensAreRefusedAsExpiredAndHerRefreshTokenStillWorks(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(OAuth2FlowTest.SCOPES);
    OAuth2AccessToken first = OAuth2Login.through(sandbox, service, ADA, "authorize").exchange(service);
    OAuth2AccessToken second = OAuth2Login.through(sandbox, service, ADA, "authorize").exchange(service);
    OAuth2AccessToken zoe = OAuth2Login.through(sandbox, service, ZOE, "authorize").exchange(service);

    HttpResponse<Buffer> expired = expire(sandbox, new JsonObject().put("userId", ADA).encode(), null);

    assertThat(expired.statusCode()).isEqualTo(200);
    assertThat(expired.bodyAsJsonObject()).isEqualTo(new JsonObject().put("userId", ADA).put("expiredAccessTokens", 2));
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, first, "/2/users/me").getCode()).isEqualTo(401);
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, second, "/2/users/me").getCode()).isEqualTo(401);
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, zoe, "/2/users/me").getCode()).isEqualTo(200);
    OAuth2AccessToken refreshed = service.refreshAccessToken(first.getRefreshToken());
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, refreshed, "/2/users/me").getCode()).isEqualTo(200);
  }

  @Test
  void tokensAlreadyEndedAreNotCountedAgain(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(OAuth2FlowTest.SCOPES);
    OAuth2Login.through(sandbox, service, ADA, "authorize").exchange(service);
    String ada = new JsonObject().put("userId", ADA).encode();
    expire(sandbox, ada, null);

    HttpResponse<Buffer> again = expire(sandbox, ada, null);
    HttpResponse<Buffer> stranger = expire(sandbox, new JsonObject().put("userId", "999").encode(), null);

    assertThat(again.bodyAsJsonObject().getInteger("expiredAccessTokens")).isZero();
    assertThat(stranger.statusCode()).isEqualTo(200);
    assertThat(stranger.bodyAsJsonObject().getInteger("expiredAccessTokens")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"userId\": 1000000001}", "{\"userId\": null}", "{\"userId\": \" \"}",
      "{\"userId\": \"1000000001\", \"all\": true}", "{\"user_id\": \"1000000001\"}"})
  void requestWithoutAStringUserIdAloneIsRefusedInPlainWordsAndEndsNothing(String body, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(OAuth2FlowTest.SCOPES);
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, ADA, "authorize").exchange(service);

    HttpResponse<Buffer> refused = expire(sandbox, body, null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("error")).contains("userId")
        .doesNotContain("java.", "io.vertx", "Exception", "class");
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, token, "/2/users/me").getCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"1000000001\"]", "{\"userId\": ", "userId=1000000001"})
  void bodyThatIsNoJsonObjectIsRefused(String body, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> refused = expire(sandbox, body, null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("error"))
        .isEqualTo("invalid expiry request: the body is not a JSON object");
  }

  @Test
  void bodyThatIsNotJsonIsRefusedAndEndsNothing(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(OAuth2FlowTest.SCOPES);
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, ADA, "authorize").exchange(service);

    // A form is what a cross-origin page may send without a CORS preflight.
    HttpResponse<Buffer> refused = sandbox.browser.post(sandbox.sandbox.actualPort(), "127.0.0.1", PATH)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer("userId=" + ADA)).await(20, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, token, "/2/users/me").getCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example", "127.0.0.1.evil.example:8900", "[::2]:8900"})
  void foreignHostIsForbiddenAndEndsNothing(String host, Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth20Service service = sandbox.oauth2(OAuth2FlowTest.SCOPES);
    OAuth2AccessToken token = OAuth2Login.through(sandbox, service, ADA, "authorize").exchange(service);

    HttpResponse<Buffer> refused = expire(sandbox, new JsonObject().put("userId", ADA).encode(), host);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("error")).contains("127.0.0.1");
    assertThat(OAuth2FlowTest.bearerGet(sandbox, service, token, "/2/users/me").getCode()).isEqualTo(200);
  }

  @Test
  void absentWhenTheAdminIsDisabled(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("adminEnabled", false));

    HttpResponse<Buffer> absent = expire(sandbox, new JsonObject().put("userId", ADA).encode(), null);

    assertThat(absent.statusCode()).isEqualTo(404);
  }

  private static HttpResponse<Buffer> expire(SandboxFixture sandbox, String body, String host) throws Exception {
    HttpRequest<Buffer> request = sandbox.browser.post(sandbox.sandbox.actualPort(), "127.0.0.1", PATH)
        .putHeader("Content-Type", "application/json");
    if (host != null) {
      request.putHeader("Host", host);
    }
    return request.sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS);
  }
}
