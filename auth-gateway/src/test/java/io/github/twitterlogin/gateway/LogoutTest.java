package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LogoutTest {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Test
  void signOutFromTheSitesOwnFormEndsTheSession(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    HttpResponse<Buffer> logout = gateway.browser.post(gateway.port(), "/logout", form(csrfOf(gateway)));

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(logout.getHeader("Location")).isEqualTo("/");
    assertThat(gateway.get("/app").statusCode()).isEqualTo(302);
    assertThat(gateway.get("/").bodyAsString()).contains("id=\"sign-in\"");
  }

  @Test
  void signOutWithoutTheTokenIsForbidden(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    HttpResponse<Buffer> logout = gateway.browser.post(gateway.port(), "/logout", MultiMap.caseInsensitiveMultiMap());

    assertThat(logout.statusCode()).isEqualTo(403);
    assertThat(gateway.browser.getJson(gateway.port(), "/app").statusCode()).isEqualTo(200);
  }

  @Test
  void signOutWithAForgedTokenIsForbidden(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    HttpResponse<Buffer> logout = gateway.browser.post(gateway.port(), "/logout", form("forged"));

    assertThat(logout.statusCode()).isEqualTo(403);
    assertThat(gateway.browser.getJson(gateway.port(), "/app").statusCode()).isEqualTo(200);
  }

  @Test
  void signOutRevokesTheTokenWhenConfigured(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, GatewayFixture.auth(new JsonObject().put("invalidateTokenOnLogout", true)), true);
    gateway.signIn();

    gateway.browser.post(gateway.port(), "/logout", form(csrfOf(gateway)));

    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_OUT)).singleElement()
        .satisfies(signOut -> {
          assertThat(signOut.getBoolean("revoke")).isTrue();
          assertThat(signOut.getString("reason")).isEqualTo("logout");
          assertThat(signOut.getString("userId")).isEqualTo("1001");
        });
  }

  @Test
  void signOutKeepsTheTokenByDefault(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    gateway.browser.post(gateway.port(), "/logout", form(csrfOf(gateway)));

    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_OUT)).singleElement()
        .satisfies(signOut -> assertThat(signOut.getBoolean("revoke")).isFalse());
    assertThat(gateway.twitter.received(TwitterAddresses.INVALIDATE_TOKEN)).isEmpty();
  }

  @Test
  void signOutWhenSignedOutGoesHome(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);

    assertThat(gateway.browser.post(gateway.port(), "/logout", form("any")).statusCode()).isEqualTo(303);
  }

  @Test
  void signOutIsOnlyAPost(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    assertThat(gateway.get("/logout").statusCode()).isEqualTo(405);
    assertThat(gateway.browser.getJson(gateway.port(), "/app").statusCode()).isEqualTo(200);
  }

  private static String csrfOf(GatewayFixture gateway) {
    Matcher field = CSRF_FIELD.matcher(gateway.get("/app").bodyAsString());
    assertThat(field.find()).as("the profile page has a sign-out form").isTrue();
    return field.group(1);
  }

  private static MultiMap form(String csrf) {
    return MultiMap.caseInsensitiveMultiMap().add("csrf", csrf);
  }
}
