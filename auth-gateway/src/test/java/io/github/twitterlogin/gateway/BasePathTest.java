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

/** The standalone gateway under a base path: every route, link, redirect and callback below it. */
@ExtendWith(VertxExtension.class)
class BasePathTest {

  private static final String BASE = "/login/twitter";

  @Test
  void pagesAndTheirLinksLiveUnderTheBasePath(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject().put("basePath", BASE), true);

    HttpResponse<Buffer> landing = gateway.get(BASE + "/");

    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.bodyAsString()).contains("href=\"" + BASE + "/auth\"", "href=\"" + BASE + "/assets/app.css\"")
        .doesNotContain("href=\"/auth\"");
    assertThat(gateway.get(BASE + "/assets/app.css").statusCode()).isEqualTo(200);
    assertThat(gateway.get("/auth").statusCode()).as("nothing at the root").isEqualTo(404);
  }

  @Test
  void aSignInStartsAndEndsUnderTheBasePath(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject().put("basePath", BASE), true);

    HttpResponse<Buffer> app = gateway.get(BASE + "/app");
    assertThat(app.getHeader("Location")).isEqualTo(BASE + "/auth?return_to=%2Flogin%2Ftwitter%2Fapp");
    String token = gateway.startLogin(BASE, "");
    JsonObject asked = gateway.twitter.received(TwitterAddresses.REQUEST_TOKEN).get(0);
    HttpResponse<Buffer> callback = gateway.get(BASE + "/callback?oauth_token=" + token
        + "&oauth_verifier=" + gateway.twitter.verifierFor(token));

    assertThat(asked.getString("callbackUrl")).isEqualTo("http://127.0.0.1:" + gateway.port() + BASE + "/callback");
    assertThat(callback.getHeader("Location")).isEqualTo(BASE + "/app");
    assertThat(gateway.get(BASE + "/app").bodyAsString()).contains("Ada Lovelace", "action=\"" + BASE + "/logout\"");
  }

  @Test
  void signOutGoesBackToTheBasePath(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject().put("basePath", BASE), true);
    String token = gateway.startLogin(BASE, "");
    gateway.get(BASE + "/callback?oauth_token=" + token + "&oauth_verifier=" + gateway.twitter.verifierFor(token));
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(gateway.get(BASE + "/app").bodyAsString());
    assertThat(csrf.find()).isTrue();

    HttpResponse<Buffer> logout = gateway.browser.post(gateway.port(), BASE + "/logout",
        MultiMap.caseInsensitiveMultiMap().add("csrf", csrf.group(1)));

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(logout.getHeader("Location")).isEqualTo(BASE + "/");
  }
}
