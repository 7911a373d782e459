package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ConsentPageTest {

  @Test
  void consentPageOffersEveryUserAndEscapesTheirNames(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    String page = sandbox.get("/oauth/authenticate?oauth_token=" + token.getToken()).bodyAsString();

    assertThat(page).contains("Ada Lovelace", "Zoë Ångström", "山田 博 🐦", "not Twitter", "Twitter Login Gateway")
        .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;")
        .doesNotContain("<script>alert");
    assertThat(ConsentForm.of(page).userIds()).containsExactly("1000000001", "1000000002", "1000000003", "1000000004");
  }

  @Test
  void appNameIsEscapedToo(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("consumers", new JsonArray().add(
        new JsonObject().put("key", SandboxConsumer.DEFAULT_KEY).put("secret", SandboxConsumer.DEFAULT_SECRET)
            .put("callbackUrls", SandboxFixture.CALLBACK).put("appName", "<b>Bold</b> & \"Co\""))));
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    String page = sandbox.get("/oauth/authenticate?oauth_token=" + token.getToken()).bodyAsString();

    assertThat(page).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;").doesNotContain("<b>Bold");
  }

  @Test
  void pageLoadsNothingRunsNoScriptAndCannotBeFramed(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    HttpResponse<Buffer> page = sandbox.get("/oauth/authenticate?oauth_token=" + token.getToken());

    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("script-src");
    assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.bodyAsString()).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<style>")
        .doesNotContain("<script", "<link rel=\"stylesheet\"")
        .doesNotContainPattern("src=\"(?!" + sandbox.baseUrl() + "/sandbox/avatars/)");
  }

  @Test
  void everyControlOfTheFormHasALabel(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    String page = sandbox.get("/oauth/authenticate?oauth_token=" + token.getToken()).bodyAsString();

    assertThat(page).contains("<label class=\"typed\" for=\"screen-name\">", "id=\"screen-name\"",
        "<legend>Sign in as</legend>", "for=\"user-1000000004\"", "id=\"user-1000000004\"");
  }

  @Test
  void cancelRedirectsWithDenied(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();
    ConsentForm form = sandbox.consentForm(token.getToken());

    HttpResponse<Buffer> cancelled = sandbox.post(form.action(), form.submit(form.userIds().get(0), "cancel"));

    assertThat(cancelled.statusCode()).isEqualTo(302);
    assertThat(cancelled.getHeader("Location")).isEqualTo(SandboxFixture.CALLBACK + "?denied=" + token.getToken());
    assertThat(sandbox.get("/oauth/authenticate?oauth_token=" + token.getToken()).statusCode()).isEqualTo(400);
  }

  @Test
  void callbackWithAQueryGetsTheAnswerAppended(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET,
        SandboxFixture.CALLBACK + "?tab=2", null).getRequestToken();

    HttpResponse<Buffer> approved = sandbox.authorize(token.getToken(), "1000000001");

    assertThat(approved.getHeader("Location"))
        .startsWith(SandboxFixture.CALLBACK + "?tab=2&oauth_token=" + token.getToken() + "&oauth_verifier=");
  }

  @Test
  void typedScreenNameSignsInAsThatUser(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    OAuth1RequestToken token = scribe.getRequestToken();

    HttpResponse<Buffer> approved = sandbox.post("/oauth/authorize", MultiMap.caseInsensitiveMultiMap()
        .add("oauth_token", token.getToken()).add("screen_name", "@Hiro").add("decision", "authorize"));

    assertThat(scribe.getAccessToken(token, SandboxFixture.verifierOf(approved)).getParameter("user_id"))
        .isEqualTo("1000000003");
  }

  @Test
  void unknownTypedScreenNameIsShownAsAnError(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    HttpResponse<Buffer> page = sandbox.post("/oauth/authorize", MultiMap.caseInsensitiveMultiMap()
        .add("oauth_token", token.getToken()).add("screen_name", "nobody_here").add("decision", "authorize"));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.bodyAsString()).contains("There is no sandbox user with that screen name.");
  }

  @Test
  void unknownRequestTokenShowsAnExpiredPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());

    HttpResponse<Buffer> page = sandbox.get("/oauth/authenticate?oauth_token=made-up");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.bodyAsString()).contains("invalid or has expired");
  }

  @Test
  void screenNameHintPreselectsThatUser(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    String page = sandbox.get("/oauth/authenticate?oauth_token=" + token.getToken() + "&screen_name=hiro").bodyAsString();

    assertThat(page).containsPattern("id=\"user-1000000003\" value=\"1000000003\" checked");
  }

  @Test
  void configuredUsersReplaceTheDefaults(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject().put("users", new JsonArray().add(
        new JsonObject().put("id", "42").put("screenName", "only_one").put("name", "Only One"))));
    OAuth1RequestToken token = sandbox.scribe().getRequestToken();

    String page = sandbox.get("/oauth/authenticate?oauth_token=" + token.getToken()).bodyAsString();

    assertThat(page).contains("Only One").doesNotContain("Ada Lovelace");
  }
}
