package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole login driven by a peer: {@link NodeOAuthClient}, signing as node-oauth (and so
 * passport-twitter) does, over real HTTP on loopback, a browser approving on the consent page in
 * between, then the profile from both APIs. node-oauth sends a form content type with every GET:
 * nothing may be logged at ERROR on the way.
 */
@ExtendWith(VertxExtension.class)
class NodeOAuthFlowTest {

  @RegisterExtension
  final ErrorLog log = new ErrorLog();

  @Test
  void loginThroughTheConsentPageThenProfileOnBothApis(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    NodeOAuthClient client = sandbox.nodeOAuth();

    NodeOAuthClient.Answer requestToken = client.requestToken(Map.of());
    assertThat(requestToken.status()).as(requestToken.body()).isEqualTo(200);
    Map<String, String> issued = requestToken.form();
    assertThat(issued).containsEntry("oauth_callback_confirmed", "true");

    HttpResponse<Buffer> page = sandbox.getAbs(sandbox.baseUrl() + "/oauth/authenticate?oauth_token="
        + issued.get("oauth_token"));
    assertThat(page.statusCode()).isEqualTo(200);
    ConsentForm form = ConsentForm.of(page.bodyAsString());
    HttpResponse<Buffer> approved = sandbox.post(form.action(), form.submit("1000000003", "authorize"));
    URI callback = URI.create(approved.getHeader("Location"));
    assertThat(callback.toString()).startsWith(SandboxFixture.CALLBACK + "?oauth_token=" + issued.get("oauth_token"));

    NodeOAuthClient.Answer accessToken = client.accessToken(issued.get("oauth_token"),
        issued.get("oauth_token_secret"), SandboxFixture.verifierOf(approved));
    assertThat(accessToken.status()).as(accessToken.body()).isEqualTo(200);
    Map<String, String> access = accessToken.form();
    assertThat(access).containsEntry("user_id", "1000000003").containsEntry("screen_name", "hiro");

    NodeOAuthClient.Answer me = client.get("/2/users/me?user.fields=profile_image_url",
        access.get("oauth_token"), access.get("oauth_token_secret"));
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(new JsonObject(me.body()).getJsonObject("data")).isEqualTo(new JsonObject()
        .put("id", "1000000003").put("name", "山田 博 🐦").put("username", "hiro")
        .put("profile_image_url", sandbox.baseUrl() + "/sandbox/avatars/1000000003.svg"));
    assertThat(me.headers().get("x-access-level")).isEqualTo("read-write");

    NodeOAuthClient.Answer credentials = client.get("/1.1/account/verify_credentials.json?include_entities=false"
        + "&skip_status=true", access.get("oauth_token"), access.get("oauth_token_secret"));
    assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
    JsonObject user = new JsonObject(credentials.body());
    assertThat(user.getString("id_str")).isEqualTo("1000000003");
    assertThat(user.getString("screen_name")).isEqualTo("hiro");
    assertThat(user.containsKey("status")).isFalse();
    assertThat(log.errorLines()).isEmpty();
  }

  /** passport-twitter passes its options' extra parameters to the request token: {@code x_auth_access_type} in the form. */
  @Test
  void readAccessAskedForInTheFormGivesAReadToken(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("autoApprove", true));
    NodeOAuthClient client = sandbox.nodeOAuth();

    Map<String, String> issued = client.requestToken(Map.of("x_auth_access_type", "read")).form();
    HttpResponse<Buffer> approved = sandbox.get("/oauth/authenticate?oauth_token=" + issued.get("oauth_token"));
    Map<String, String> access = client.accessToken(issued.get("oauth_token"), issued.get("oauth_token_secret"),
        SandboxFixture.verifierOf(approved)).form();
    NodeOAuthClient.Answer me = client.get("/2/users/me", access.get("oauth_token"), access.get("oauth_token_secret"));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.headers().get("x-access-level")).isEqualTo("read");
  }

  /** What node-oauth escapes and the JDK's URLEncoder would not: its signatures match only if the sandbox agrees. */
  @Test
  void queryWithCharactersEncodeUriComponentLeavesIsSignedAlike(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("autoApprove", true));
    NodeOAuthClient client = sandbox.nodeOAuth();
    Map<String, String> issued = client.requestToken(Map.of()).form();
    HttpResponse<Buffer> approved = sandbox.get("/oauth/authenticate?oauth_token=" + issued.get("oauth_token"));
    Map<String, String> access = client.accessToken(issued.get("oauth_token"), issued.get("oauth_token_secret"),
        SandboxFixture.verifierOf(approved)).form();

    NodeOAuthClient.Answer me = client.get("/1.1/account/verify_credentials.json?skip_status=true&include_entities="
        + NodeOAuthClient.encodeData("it's (not)*!~ ünïcode"), access.get("oauth_token"),
        access.get("oauth_token_secret"));

    assertThat(me.status()).as(me.body()).isEqualTo(200);
  }
}
