package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LoginFlowTest {

  @Test
  void landingPageOffersSignIn(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> landing = gateway.get("/");

    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.getHeader("Content-Type")).startsWith("text/html");
    assertThat(landing.bodyAsString()).contains("Sign in with Twitter").contains("href=\"/auth\"");
  }

  @Test
  void authRedirectsToTwitterWithOurCallback(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> redirect = gateway.get("/auth");

    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.getHeader("Location"))
        .startsWith("https://twitter.example/oauth/authenticate?oauth_token=request-token-");
    JsonObject asked = gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN).get(0);
    assertThat(asked.getString("callbackUrl")).isEqualTo("http://127.0.0.1:" + gateway.port() + "/callback");
  }

  @Test
  void callbackSignsInAndLandsOnApp(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");

    HttpResponse<Buffer> callback = gateway.completeLogin(token);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.getHeader("Location")).isEqualTo("/app");
    JsonObject exchange = gateway.twitter.received(TwitterAddresses.SIGN_IN).get(0);
    assertThat(exchange.getString("tokenSecret")).isEqualTo(token.replace("request-token", "request-secret"));
    assertThat(exchange.getString("profileSource")).isEqualTo("v2");
    assertThat(exchange.getBoolean("keepToken")).as("the Twitter client keeps the token, not the session").isTrue();
    JsonObject profile = gateway.browser.getJson(gateway.port(), "/app").bodyAsJsonObject();
    assertThat(profile.getString("screenName")).isEqualTo("ada");
    assertThat(profile.getString("name")).isEqualTo("Ada Lovelace");
    assertThat(profile.encode()).doesNotContain("access-token", "access-secret");
  }

  @Test
  void appShowsTheProfilePage(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    HttpResponse<Buffer> app = gateway.get("/app");

    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.bodyAsString()).contains("Ada Lovelace", "@ada", "https://avatars.example/ada.png", "Sign out");
    assertThat(app.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void landingPageGreetsASignedInUser(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    assertThat(gateway.get("/").bodyAsString()).contains("Ada Lovelace", "Sign out").doesNotContain("id=\"sign-in\"");
  }

  @Test
  void signInIssuesANewSessionId(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    String before = gateway.browser.cookie(GatewayOptions.DEFAULT_COOKIE_NAME).orElseThrow();

    gateway.completeLogin(token);

    assertThat(gateway.browser.cookie(GatewayOptions.DEFAULT_COOKIE_NAME)).get().isNotEqualTo(before);
  }

  @Test
  void sessionCookieIsHttpOnlyAndLax(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    String cookie = gateway.get("/auth").getHeader("Set-Cookie");

    assertThat(cookie).startsWith(GatewayOptions.DEFAULT_COOKIE_NAME + "=")
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
  }

  @Test
  void theOldSessionIdIsWorthNothingAfterSignIn(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    String before = gateway.browser.cookie(GatewayOptions.DEFAULT_COOKIE_NAME).orElseThrow();
    gateway.completeLogin(token);

    Browser replaying = new Browser(vertx);
    HttpResponse<Buffer> replayed = replaying.getJsonWithCookie(gateway.port(), "/app",
        GatewayOptions.DEFAULT_COOKIE_NAME + "=" + before);

    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(gateway.browser.getJson(gateway.port(), "/app").statusCode()).isEqualTo(200);
  }

  @Test
  void sessionCookieIsAHostCookieWhenThePublicUrlIsHttps(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject().put("publicUrl", "https://login.example"), true);

    String cookie = gateway.get("/auth").getHeader("Set-Cookie");

    assertThat(cookie).startsWith("__Host-" + GatewayOptions.DEFAULT_COOKIE_NAME + "=")
        .containsIgnoringCase("; Secure").containsIgnoringCase("; Path=/").doesNotContainIgnoringCase("Domain");
    JsonObject asked = gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN).get(0);
    assertThat(asked.getString("callbackUrl")).isEqualTo("https://login.example/callback");
  }

  @Test
  void twoTabsCanSignInAtOnce(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String firstTab = gateway.startLogin("?return_to=/first");
    String secondTab = gateway.startLogin("?return_to=/second");

    HttpResponse<Buffer> callback = gateway.completeLogin(firstTab);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.getHeader("Location")).isEqualTo("/first");
    assertThat(gateway.completeLogin(secondTab).getHeader("Location")).isEqualTo("/second");
  }

  @Test
  void forceLoginAndScreenNameReachTwitter(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    gateway.get("/auth?force_login=true&screen_name=ada_l");

    JsonObject asked = gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN).get(0);
    assertThat(asked.getBoolean("forceLogin")).isTrue();
    assertThat(asked.getString("screenName")).isEqualTo("ada_l");
  }

  @Test
  void appWithoutSignInSendsTheBrowserToSignInAndBack(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> app = gateway.get("/app?tab=2");

    assertThat(app.statusCode()).isEqualTo(302);
    assertThat(app.getHeader("Location")).isEqualTo("/auth?return_to=%2Fapp%3Ftab%3D2");
    assertThat(app.cookies()).as("no session for a visitor who only asked").isEmpty();
    assertThat(gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN)).isEmpty();
    String token = gateway.startLogin("?return_to=%2Fapp%3Ftab%3D2");
    assertThat(gateway.completeLogin(token).getHeader("Location")).isEqualTo("/app?tab=2");
  }

  @Test
  void appAsJsonWithoutSignInIsUnauthorized(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> app = gateway.browser.getJson(gateway.port(), "/app");

    assertThat(app.statusCode()).isEqualTo(401);
    assertThat(app.bodyAsJsonObject().getString("error")).isEqualTo("not_signed_in");
  }

  @Test
  void pagesCarrySecurityHeaders(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> landing = gateway.get("/");

    assertThat(landing.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(landing.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(landing.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(landing.getHeader("Content-Security-Policy")).contains("default-src 'self'");
  }

  @Test
  void stylesAreServedByTheGateway(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    HttpResponse<Buffer> css = gateway.get("/assets/app.css");

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.getHeader("Content-Type")).startsWith("text/css");
  }
}
