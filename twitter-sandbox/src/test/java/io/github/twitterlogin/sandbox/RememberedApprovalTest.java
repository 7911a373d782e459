package io.github.twitterlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Sign in with Twitter": {@code oauth/authenticate} sends a browser straight back when its user
 * has authorized the app before, unless {@code force_login=true}; {@code oauth/authorize} always
 * asks. With {@code rememberApprovals} only, off by default.
 */
@ExtendWith(VertxExtension.class)
class RememberedApprovalTest {

  private static final JsonObject REMEMBERING = new JsonObject().put("rememberApprovals", true);

  @Test
  void authenticateApprovesAtOnceWhenThisBrowserAuthorizedTheAppBefore(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, REMEMBERING);
    OAuth10aService scribe = sandbox.scribe();
    WebClientSession browser = browser(vertx);
    authorizeOnThePage(sandbox, browser, scribe.getRequestToken(), "1000000003");
    OAuth1RequestToken again = scribe.getRequestToken();

    HttpResponse<Buffer> redirect = get(browser, sandbox, "/oauth/authenticate?oauth_token=" + again.getToken());

    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.getHeader("Location")).startsWith(SandboxFixture.CALLBACK + "?oauth_token=" + again.getToken());
    assertThat(scribe.getAccessToken(again, SandboxFixture.verifierOf(redirect)).getParameter("user_id"))
        .isEqualTo("1000000003");
  }

  @Test
  void authorizeAlwaysShowsTheConsentPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, REMEMBERING);
    OAuth10aService scribe = sandbox.scribe();
    WebClientSession browser = browser(vertx);
    authorizeOnThePage(sandbox, browser, scribe.getRequestToken(), "1000000003");

    HttpResponse<Buffer> page = get(browser, sandbox, "/oauth/authorize?oauth_token=" + scribe.getRequestToken().getToken());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("Authorize app");
  }

  @Test
  void forceLoginShowsTheConsentPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, REMEMBERING);
    OAuth10aService scribe = sandbox.scribe();
    WebClientSession browser = browser(vertx);
    authorizeOnThePage(sandbox, browser, scribe.getRequestToken(), "1000000003");

    HttpResponse<Buffer> page = get(browser, sandbox,
        "/oauth/authenticate?force_login=true&oauth_token=" + scribe.getRequestToken().getToken());

    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void anotherBrowserIsAskedAgain(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, REMEMBERING);
    OAuth10aService scribe = sandbox.scribe();
    authorizeOnThePage(sandbox, browser(vertx), scribe.getRequestToken(), "1000000003");

    HttpResponse<Buffer> page = get(browser(vertx), sandbox,
        "/oauth/authenticate?oauth_token=" + scribe.getRequestToken().getToken());

    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void anotherAppIsAskedAgain(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, REMEMBERING.copy().put("consumers", new JsonArray()
        .add(app(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET)).add(app("other-app", "other-secret"))));
    WebClientSession browser = browser(vertx);
    authorizeOnThePage(sandbox, browser, sandbox.scribe().getRequestToken(), "1000000003");
    OAuth10aService otherApp = sandbox.scribe("other-app", "other-secret", SandboxFixture.CALLBACK, null);

    HttpResponse<Buffer> page = get(browser, sandbox,
        "/oauth/authenticate?oauth_token=" + otherApp.getRequestToken().getToken());

    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void screenNameOfAnotherUserShowsTheConsentPage(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, REMEMBERING);
    OAuth10aService scribe = sandbox.scribe();
    WebClientSession browser = browser(vertx);
    authorizeOnThePage(sandbox, browser, scribe.getRequestToken(), "1000000003");

    HttpResponse<Buffer> page = get(browser, sandbox,
        "/oauth/authenticate?screen_name=ada&oauth_token=" + scribe.getRequestToken().getToken());

    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void withoutTheSettingAuthenticateAlwaysAsks(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, new JsonObject());
    OAuth10aService scribe = sandbox.scribe();
    WebClientSession browser = browser(vertx);
    HttpResponse<Buffer> first = authorizeOnThePage(sandbox, browser, scribe.getRequestToken(), "1000000003");

    HttpResponse<Buffer> page = get(browser, sandbox,
        "/oauth/authenticate?oauth_token=" + scribe.getRequestToken().getToken());

    assertThat(first.cookies()).isEmpty();
    assertThat(page.statusCode()).isEqualTo(200);
  }

  @Test
  void browserCookieIsHttpOnlyAndLax(Vertx vertx) throws Exception {
    SandboxFixture sandbox = SandboxFixture.start(vertx, REMEMBERING);

    HttpResponse<Buffer> approved = authorizeOnThePage(sandbox, browser(vertx), sandbox.scribe().getRequestToken(),
        "1000000001");

    assertThat(approved.cookies()).singleElement().asString()
        .startsWith(ApprovalMemory.COOKIE + "=").contains("HTTPOnly", "SameSite=Lax", "Path=/");
  }

  private static HttpResponse<Buffer> authorizeOnThePage(SandboxFixture sandbox, WebClientSession browser,
      OAuth1RequestToken token, String userId) throws Exception {
    HttpResponse<Buffer> page = get(browser, sandbox, "/oauth/authenticate?oauth_token=" + token.getToken());
    assertThat(page.statusCode()).isEqualTo(200);
    ConsentForm form = ConsentForm.of(page.bodyAsString());
    HttpResponse<Buffer> approved = browser.post(sandbox.sandbox.actualPort(), "127.0.0.1", form.action())
        .sendForm(form.submit(userId, "authorize")).await(20, TimeUnit.SECONDS);
    assertThat(approved.statusCode()).isEqualTo(302);
    return approved;
  }

  private static HttpResponse<Buffer> get(WebClientSession browser, SandboxFixture sandbox, String uri)
      throws Exception {
    return browser.get(sandbox.sandbox.actualPort(), "127.0.0.1", uri).send().await(20, TimeUnit.SECONDS);
  }

  private static WebClientSession browser(Vertx vertx) {
    return WebClientSession.create(WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
        .setConnectTimeout(5_000).setIdleTimeout(20).setIdleTimeoutUnit(TimeUnit.SECONDS)));
  }

  private static JsonObject app(String key, String secret) {
    return new JsonObject().put("key", key).put("secret", secret).put("callbackUrls", SandboxFixture.CALLBACK);
  }
}
