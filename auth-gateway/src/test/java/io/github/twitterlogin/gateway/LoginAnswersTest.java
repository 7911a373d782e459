package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the login routes answer is never stored, and a script that asks for JSON gets JSON. */
@ExtendWith(VertxExtension.class)
class LoginAnswersTest {

  @Test
  void noAnswerOfTheLoginRoutesIsStored(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    Map<String, HttpResponse<Buffer>> answers = new LinkedHashMap<>();
    answers.put("/app, not signed in", gateway.get("/app"));
    answers.put("/app as JSON, not signed in", gateway.browser.getJson(gateway.port(), "/app"));
    answers.put("/auth with a bad parameter", gateway.get("/auth?force_login=maybe"));
    answers.put("/callback without parameters", gateway.get("/callback"));
    String cancelled = gateway.startLogin("");
    answers.put("/callback cancelled", gateway.get("/callback?denied=" + cancelled));
    HttpResponse<Buffer> auth = gateway.get("/auth");
    answers.put("/auth", auth);
    String token = auth.getHeader("Location").replaceAll(".*oauth_token=([^&]*).*", "$1");
    answers.put("/callback", gateway.completeLogin(token));
    answers.put("/callback used again", gateway.completeLogin(token));
    answers.put("/logout", gateway.browser.post(gateway.port(), "/logout",
        MultiMap.caseInsensitiveMultiMap().add("csrf", csrfOf(gateway.get("/app")))));

    assertThat(answers).allSatisfy((route, answer) -> assertThat(answer.getHeader("Cache-Control"))
        .as("%s, answered %d", route, answer.statusCode()).isEqualTo("no-store"));
    assertThat(answers.get("/auth").statusCode()).isEqualTo(302);
    assertThat(answers.get("/callback").statusCode()).isEqualTo(302);
    assertThat(answers.get("/logout").statusCode()).isEqualTo(303);
  }

  @Test
  void aCancelledSignInIsJsonForAScript(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");

    HttpResponse<Buffer> cancelled = gateway.browser.getJson(gateway.port(), "/callback?denied=" + token);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.getHeader("Content-Type")).startsWith("application/json");
    assertThat(cancelled.bodyAsJsonObject().getString("error")).isEqualTo("login_cancelled");
    assertThat(gateway.completeLogin(token).statusCode()).as("the cancelled login is gone").isEqualTo(400);
  }

  @Test
  void theStartPageIsJsonForAScript(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    assertThat(gateway.browser.getJson(gateway.port(), "/").bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("signedIn", false));

    gateway.signIn();
    JsonObject signedIn = gateway.browser.getJson(gateway.port(), "/").bodyAsJsonObject();

    assertThat(signedIn.getBoolean("signedIn")).isTrue();
    assertThat(signedIn.getJsonObject("user").getString("screenName")).isEqualTo("ada");
  }

  private static String csrfOf(HttpResponse<Buffer> page) {
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.bodyAsString());
    assertThat(csrf.find()).as("the sign-out form's token").isTrue();
    return csrf.group(1);
  }
}
