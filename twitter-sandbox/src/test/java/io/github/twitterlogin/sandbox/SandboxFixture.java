package io.github.twitterlogin.sandbox;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.httpclient.jdk.JDKHttpClientConfig;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.services.TimestampService;
import io.github.twitterlogin.shared.testing.TestClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sandbox on a free loopback port, an independent OAuth client (ScribeJava) to drive it, and a
 * plain HTTP client that plays the browser on the consent page. ScribeJava blocks: it is only
 * called from the test thread.
 */
final class SandboxFixture {

  static final String CALLBACK = "http://127.0.0.1:9999/callback";
  // ScribeJava's JDK client waits forever by default: a hung sandbox would stall the build.
  private static final JDKHttpClientConfig HTTP_TIMEOUTS =
      JDKHttpClientConfig.defaultConfig().withConnectTimeout(5_000).withReadTimeout(20_000);

  final TestClock clock;
  final TwitterSandboxVerticle sandbox;
  final WebClient browser;

  private SandboxFixture(Vertx vertx, TestClock clock, TwitterSandboxVerticle sandbox) {
    this.clock = clock;
    this.sandbox = sandbox;
    this.browser = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
        .setConnectTimeout(5_000).setIdleTimeout(20).setIdleTimeoutUnit(TimeUnit.SECONDS));
  }

  static SandboxFixture start(Vertx vertx, JsonObject config) throws Exception {
    return start(vertx, config, TestClock.realTime());
  }

  /** With a clock that stands still, for a test that signs with timestamps of its own choosing. */
  static SandboxFixture start(Vertx vertx, JsonObject config, TestClock clock) throws Exception {
    TwitterSandboxVerticle sandbox = new TwitterSandboxVerticle(clock);
    JsonObject settings = new JsonObject().put("host", "127.0.0.1").put("port", 0).mergeIn(config);
    vertx.deployVerticle(sandbox, new DeploymentOptions().setConfig(settings)).await(30, TimeUnit.SECONDS);
    return new SandboxFixture(vertx, clock, sandbox);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + sandbox.actualPort();
  }

  OAuth10aService scribe() {
    return scribe(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET, CALLBACK, null);
  }

  OAuth10aService scribe(String key, String secret, String callback, TimestampService timestamps) {
    return new ServiceBuilder(key).apiSecret(secret).callback(callback)
        .httpClientConfig(HTTP_TIMEOUTS)
        .build(new SandboxTwitterApi(baseUrl(), timestamps));
  }

  /** ScribeJava's OAuth 2.0 client as the default confidential client, asking for {@code scope}. */
  OAuth20Service oauth2(String scope) {
    return oauth2(SandboxOAuth2Client.DEFAULT_CLIENT_ID, SandboxOAuth2Client.DEFAULT_CLIENT_SECRET, scope);
  }

  /** ScribeJava's OAuth 2.0 client; a null secret makes it a public client, which sends its id in the body. */
  OAuth20Service oauth2(String clientId, String secret, String scope) {
    ServiceBuilder builder = new ServiceBuilder(clientId).callback(CALLBACK).httpClientConfig(HTTP_TIMEOUTS);
    if (secret != null) {
      builder.apiSecret(secret);
    }
    return builder.defaultScope(scope).build(new SandboxTwitterApi20(baseUrl(), secret != null));
  }

  /** The other independent client, node-oauth's way, as the default consumer with the fixture's callback. */
  NodeOAuthClient nodeOAuth() {
    return new NodeOAuthClient(browser, baseUrl(), SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET, CALLBACK);
  }

  /** What the consent page's form sends when a person authorizes as {@code userId}. */
  HttpResponse<Buffer> authorize(String requestToken, String userId) {
    return post("/oauth/authorize", MultiMap.caseInsensitiveMultiMap()
        .add("oauth_token", requestToken).add("user_id", userId).add("decision", "authorize"));
  }

  ConsentForm consentForm(String requestToken) {
    HttpResponse<Buffer> page = get("/oauth/authenticate?oauth_token=" + requestToken);
    if (page.statusCode() != 200) {
      throw new AssertionError("The consent page answered " + page.statusCode());
    }
    return ConsentForm.of(page.bodyAsString());
  }

  /** Request token, the consent form submitted as the first user it offers, verifier from the callback, access token. */
  OAuth1AccessToken signIn(OAuth10aService service) throws Exception {
    OAuth1RequestToken requestToken = service.getRequestToken();
    ConsentForm form = consentForm(requestToken.getToken());
    String verifier = verifierOf(post(form.action(), form.submit(form.userIds().get(0), "authorize")));
    return service.getAccessToken(requestToken, verifier);
  }

  static String verifierOf(HttpResponse<Buffer> redirect) {
    String location = redirect.getHeader("Location");
    if (redirect.statusCode() != 302 || location == null) {
      throw new AssertionError("Expected a redirect to the callback, got " + redirect.statusCode());
    }
    return URI.create(location).getQuery().replaceAll(".*oauth_verifier=([^&]*).*", "$1");
  }

  Response signedGet(OAuth10aService service, OAuth1AccessToken token, String path) throws Exception {
    OAuthRequest request = new OAuthRequest(Verb.GET, baseUrl() + path);
    service.signRequest(token, request);
    return service.execute(request);
  }

  Response signedPost(OAuth10aService service, OAuth1AccessToken token, String path) throws Exception {
    OAuthRequest request = new OAuthRequest(Verb.POST, baseUrl() + path);
    service.signRequest(token, request);
    return service.execute(request);
  }

  HttpResponse<Buffer> getAbs(String url) {
    return await(browser.getAbs(url).send());
  }

  HttpResponse<Buffer> get(String uri) {
    return await(browser.get(sandbox.actualPort(), "127.0.0.1", uri).send());
  }

  HttpResponse<Buffer> post(String uri, MultiMap form) {
    return await(browser.post(sandbox.actualPort(), "127.0.0.1", uri).sendForm(form));
  }

  static JsonObject firstError(Response response) throws Exception {
    return new JsonObject(response.getBody()).getJsonArray("errors").getJsonObject(0);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("The sandbox did not answer within 20 s", e);
    }
  }
}
