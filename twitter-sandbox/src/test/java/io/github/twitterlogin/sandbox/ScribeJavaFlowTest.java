package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole login, driven by an independent client: ScribeJava 8.3.3's TwitterApi. */
@ExtendWith(VertxExtension.class)
class ScribeJavaFlowTest {

  @Test
  void loginThroughTheConsentPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();

    OAuth1RequestToken requestToken = scribe.getRequestToken();
    assertThat(requestToken.isOauthCallbackConfirmed()).isTrue();
    HttpResponse<Buffer> consent = sandbox.getAbs(scribe.getAuthorizationUrl(requestToken));
    assertThat(consent.statusCode()).isEqualTo(200);
    assertThat(consent.bodyAsString()).contains("Authorize", "Ada Lovelace", "@ada", "Cancel");
    ConsentForm form = ConsentForm.of(consent.bodyAsString());
    assertThat(form.method()).isEqualTo("post");
    assertThat(form.userIds()).contains("1000000002");
    HttpResponse<Buffer> callback = sandbox.post(form.action(), form.submit("1000000002", "authorize"));
    assertThat(callback.getHeader("Location")).startsWith(SandboxFixture.CALLBACK + "?oauth_token="
        + requestToken.getToken() + "&oauth_verifier=");
    OAuth1AccessToken access = scribe.getAccessToken(requestToken, SandboxFixture.verifierOf(callback));

    assertThat(access.getParameter("user_id")).isEqualTo("1000000002");
    assertThat(access.getParameter("screen_name")).isEqualTo("zoe_angstrom");
    Response me = sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json?skip_status=true");
    assertThat(me.getCode()).isEqualTo(200);
    JsonObject user = new JsonObject(me.getBody());
    assertThat(user.getString("id_str")).isEqualTo("1000000002");
    assertThat(user.getString("name")).isEqualTo("Zoë Ångström");
    assertThat(user.containsKey("status")).isFalse();
    assertThat(user.containsKey("email")).isFalse();
  }

  @Test
  void loginWithAutoApproveSkipsTheConsentPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("autoApprove", true));
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken requestToken = scribe.getRequestToken();

    HttpResponse<Buffer> redirect = sandbox.getAbs(scribe.getAuthorizationUrl(requestToken));
    OAuth1AccessToken access = scribe.getAccessToken(requestToken, SandboxFixture.verifierOf(redirect));

    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(access.getParameter("screen_name")).isEqualTo("ada");
  }

  @Test
  void verifyCredentialsGivesTheEmailWhenAskedAndRateLimitHeaders(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    Response me = sandbox.signedGet(scribe, access,
        "/1.1/account/verify_credentials.json?include_email=true&include_entities=false");

    JsonObject user = new JsonObject(me.getBody());
    assertThat(user.getString("email")).isEqualTo("ada@sandbox.example");
    assertThat(user.getString("profile_image_url_https")).isEqualTo(sandbox.baseUrl() + "/sandbox/avatars/1000000001.svg");
    assertThat(user.containsKey("entities")).isFalse();
    assertThat(user.getJsonObject("status").getString("text")).isNotEmpty();
    assertThat(me.getHeader("x-rate-limit-limit")).isEqualTo("75");
    assertThat(me.getHeader("x-rate-limit-remaining")).isEqualTo("74");
    assertThat(Long.parseLong(me.getHeader("x-rate-limit-reset"))).isGreaterThan(sandbox.clock.instant().getEpochSecond());
  }

  @Test
  void usersMeAnswersInTheV2Shape(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    Response me = sandbox.signedGet(scribe, access, "/2/users/me");

    assertThat(new JsonObject(me.getBody()).getJsonObject("data"))
        .isEqualTo(new JsonObject().put("id", "1000000001").put("name", "Ada Lovelace").put("username", "ada"));
  }

  @Test
  void invalidatedTokenIsRefusedAfterwards(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1AccessToken access = sandbox.signIn(scribe);

    Response invalidated = sandbox.signedPost(scribe, access, "/1.1/oauth/invalidate_token");
    Response after = sandbox.signedGet(scribe, access, "/1.1/account/verify_credentials.json");

    assertThat(new JsonObject(invalidated.getBody()).getString("access_token")).isEqualTo(access.getToken());
    assertThat(after.getCode()).isEqualTo(401);
    assertThat(SandboxFixture.firstError(after).getInteger("code")).isEqualTo(89);
  }

  @Test
  void avatarsAreServedByTheSandbox(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> avatar = sandbox.get("/sandbox/avatars/1000000001.svg");

    assertThat(avatar.statusCode()).isEqualTo(200);
    assertThat(avatar.getHeader("Content-Type")).isEqualTo("image/svg+xml");
    assertThat(avatar.bodyAsString()).startsWith("<svg").contains(">A<");
  }
}
