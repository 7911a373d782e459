package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.testing.TestClock;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** A gateway on a free loopback port, a fake Twitter client behind it, and a browser in front. */
final class GatewayFixture {

  final FakeTwitterClient twitter;
  final TestClock clock;
  final GatewayVerticle gateway;
  final Browser browser;

  private GatewayFixture(Vertx vertx, FakeTwitterClient twitter, TestClock clock, GatewayVerticle gateway) {
    this.twitter = twitter;
    this.clock = clock;
    this.gateway = gateway;
    this.browser = new Browser(vertx);
  }

  static GatewayFixture start(Vertx vertx) throws Exception {
    return start(vertx, new JsonObject(), true);
  }

  static GatewayFixture start(Vertx vertx, JsonObject config, boolean withTwitterClient) throws Exception {
    FakeTwitterClient twitter = withTwitterClient ? FakeTwitterClient.deploy(vertx).await(20, TimeUnit.SECONDS) : null;
    TestClock clock = TestClock.standingStill();
    GatewayVerticle gateway = new GatewayVerticle(clock);
    JsonObject settings = new JsonObject().put("host", "127.0.0.1").put("port", 0)
        .put("sessionEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS).mergeIn(config);
    vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(settings)).await(20, TimeUnit.SECONDS);
    return new GatewayFixture(vertx, twitter, clock, gateway);
  }

  /** A gateway config whose sign-in options are {@code auth}. */
  static JsonObject auth(JsonObject auth) {
    return new JsonObject().put("auth", auth);
  }

  int port() {
    return gateway.actualPort();
  }

  HttpResponse<Buffer> get(String uri) {
    return browser.get(port(), uri);
  }

  /** Starts a login and returns the request token that Twitter's page was asked to show. */
  String startLogin(String query) {
    return startLogin("", query);
  }

  String startLogin(String basePath, String query) {
    HttpResponse<Buffer> redirect = get(basePath + "/auth" + query);
    if (redirect.statusCode() != 302) {
      throw new AssertionError("/auth answered " + redirect.statusCode() + ": " + redirect.bodyAsString());
    }
    String location = redirect.getHeader("Location");
    return URI.create(location).getQuery().replaceAll(".*oauth_token=([^&]*).*", "$1");
  }

  /** What Twitter's consent page would send the browser back with. */
  HttpResponse<Buffer> completeLogin(String token) {
    return get("/callback?oauth_token=" + token + "&oauth_verifier=" + twitter.verifierFor(token));
  }

  void signIn() {
    signIn(browser);
  }

  /** Signs in another browser than the fixture's own: another visitor, another session. */
  void signIn(Browser visitor) {
    HttpResponse<Buffer> redirect = visitor.get(port(), "/auth");
    if (redirect.statusCode() != 302) {
      throw new AssertionError("/auth answered " + redirect.statusCode() + ": " + redirect.bodyAsString());
    }
    String token = URI.create(redirect.getHeader("Location")).getQuery().replaceAll(".*oauth_token=([^&]*).*", "$1");
    HttpResponse<Buffer> done = visitor.get(port(), "/callback?oauth_token=" + token + "&oauth_verifier="
        + twitter.verifierFor(token));
    if (done.statusCode() != 302) {
      throw new AssertionError("/callback answered " + done.statusCode() + ": " + done.bodyAsString());
    }
  }
}
