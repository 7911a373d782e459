package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HEAD wherever GET is served, without GET's side effects; every 405 says what the path takes. */
@ExtendWith(VertxExtension.class)
class HttpMethodsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/assets/app.css", "/health", "/health/live", "/health/ready", "/app"})
  void headAnswersAsGetDoesWithoutABody(String path, Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    HttpResponse<Buffer> get = gateway.get(path);

    HttpResponse<Buffer> head = gateway.browser.request(HttpMethod.HEAD, gateway.port(), path);

    assertThat(head.statusCode()).isEqualTo(get.statusCode());
    assertThat(head.getHeader("Content-Type")).isEqualTo(get.getHeader("Content-Type"));
    assertThat(head.getHeader("Location")).isEqualTo(get.getHeader("Location"));
    assertThat(head.body()).isNull();
  }

  @Test
  void headOnAppWhenSignedInAnswersThePage(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    HttpResponse<Buffer> head = gateway.browser.request(HttpMethod.HEAD, gateway.port(), "/app");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
  }

  /** A link checker or a load balancer sending HEAD costs neither a Twitter call nor a session. */
  @Test
  void headOnAuthStartsNoLogin(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> head = gateway.browser.request(HttpMethod.HEAD, gateway.port(), "/auth?return_to=/docs");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(head.getHeader("Set-Cookie")).isNull();
    assertThat(gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN)).isEmpty();
  }

  /** A prefetching HEAD of the callback leaves the login for the browser's GET to complete. */
  @Test
  void headOnCallbackCompletesNothing(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    String callback = "/callback?oauth_token=" + token + "&oauth_verifier=" + gateway.twitter.verifierFor(token);

    HttpResponse<Buffer> head = gateway.browser.request(HttpMethod.HEAD, gateway.port(), callback);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_IN)).isEmpty();
    assertThat(gateway.get(callback).getHeader("Location")).isEqualTo("/app");
  }

  /** On a host app's route, without a login route to send it to, HEAD gets 401: a login would write a session. */
  @Test
  void headOnAProtectedRouteOfAHostAppStartsNoLogin(Vertx vertx) throws Exception {
    FakeTwitterClient twitter = FakeTwitterClient.deploy(vertx).await(20, TimeUnit.SECONDS);
    Router router = Router.router(vertx);
    SessionHandler sessions = SessionHandler.create(
        SealedSessionStore.create(vertx, Keyring.parse("keys", TestKeys.SESSION_ENCRYPTION_KEYS))).setLazySession(true);
    TwitterAuthHandler auth = TwitterAuthHandler.create(vertx, sessions,
        new TwitterAuthOptions().setCallbackUrl("http://127.0.0.1:1/callback"));
    router.route().handler(sessions);
    router.route("/private/*").handler(auth);
    router.get("/private/page").handler(ctx -> ctx.end("private"));
    int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(20, TimeUnit.SECONDS)
        .actualPort();

    HttpResponse<Buffer> head = new Browser(vertx).request(HttpMethod.HEAD, port, "/private/page");

    assertThat(head.statusCode()).isEqualTo(401);
    assertThat(head.getHeader("Set-Cookie")).isNull();
    assertThat(twitter.received(TwitterAddresses.REQUEST_TOKEN)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "POST, /, 'GET, HEAD'",
      "DELETE, /app, 'GET, HEAD'",
      "PUT, /auth, 'GET, HEAD'",
      "POST, /callback, 'GET, HEAD'",
      "GET, /logout, POST",
      "HEAD, /logout, POST",
      "POST, /health/ready, 'GET, HEAD'",
      "POST, /assets/app.css, 'GET, HEAD'",
      "OPTIONS, /, 'GET, HEAD'"})
  void aMethodThePathDoesNotTakeIs405WithAllow(String method, String path, String allowed, Vertx vertx)
      throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> answer = gateway.browser.request(HttpMethod.valueOf(method), gateway.port(), path);

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.getHeader("Allow")).isEqualTo(allowed);
    assertThat(answer.getHeader("X-Frame-Options")).isEqualTo("DENY");
    if (!method.equals("HEAD")) {
      assertThat(answer.bodyAsString()).contains("data-code=\"method_not_allowed\"");
    }
  }

  @Test
  void a405IsJsonForAScript(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> answer = gateway.browser.requestJson(HttpMethod.DELETE, gateway.port(), "/");

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.getHeader("Allow")).isEqualTo("GET, HEAD");
    assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("method_not_allowed");
  }

  @Test
  void allowNamesTheMethodsUnderABasePathToo(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject().put("basePath", "/login/twitter"), true);

    HttpResponse<Buffer> answer = gateway.browser.request(HttpMethod.GET, gateway.port(), "/login/twitter/logout");

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.getHeader("Allow")).isEqualTo("POST");
  }
}
