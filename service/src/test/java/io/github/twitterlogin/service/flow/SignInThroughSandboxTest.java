package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole login through real HTTP: gateway, event bus, Twitter client, and the sandbox's consent page. */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class SignInThroughSandboxTest {

  private static final String ADA = "1000000001";
  private static final String MALLORY = "1000000004";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Test
  void personSignsInSeesTheProfileAndSignsOut(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    assertThat(browser.get(stack.gatewayUrl() + "/").bodyAsString()).contains("Sign in with Twitter");

    HttpResponse<Buffer> callback = browser.signIn(stack.gatewayUrl(), ADA);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.getHeader("Location")).isEqualTo("/app");
    JsonObject profile = browser.getJson(stack.gatewayUrl() + "/app").bodyAsJsonObject();
    assertThat(profile.getString("screenName")).isEqualTo("ada");
    assertThat(profile.getString("name")).isEqualTo("Ada Lovelace");
    String page = browser.get(stack.gatewayUrl() + "/app").bodyAsString();
    assertThat(page).contains("Ada Lovelace", "/sandbox/avatars/" + ADA + ".svg");

    HttpResponse<Buffer> logout = browser.post(stack.gatewayUrl() + "/logout",
        MultiMap.caseInsensitiveMultiMap().add("csrf", csrfOf(page)));

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(browser.get(stack.gatewayUrl() + "/app").getHeader("Location")).isEqualTo("/auth?return_to=%2Fapp");
  }

  @Test
  void cancelOnTheConsentPageShowsTheCancelledPage(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String authenticate = browser.get(stack.gatewayUrl() + "/auth").getHeader("Location");

    HttpResponse<Buffer> cancelled = browser.get(browser.consent(authenticate, ADA, "cancel"));

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsString()).contains("Sign-in cancelled", "href=\"/auth\"");
  }

  @Test
  void replayedCallbackIsRejected(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String authenticate = browser.get(stack.gatewayUrl() + "/auth").getHeader("Location");
    String callback = browser.consent(authenticate, ADA, "authorize");
    browser.get(callback);

    HttpResponse<Buffer> replay = new SignInBrowser(vertx).get(callback);

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.bodyAsString()).contains("This sign-in was not started here or has expired. Try again.");
  }

  /** Back, or a reload, on the callback once signed in: no second exchange, on to the app. */
  @Test
  void usedCallbackOfTheSignedInBrowserGoesOnToTheApp(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String callback = browser.consent(browser.get(stack.gatewayUrl() + "/auth").getHeader("Location"), ADA,
        "authorize");
    assertThat(browser.get(callback).statusCode()).isEqualTo(302);

    HttpResponse<Buffer> again = browser.get(callback);

    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.getHeader("Location")).isEqualTo("/app");
    assertThat(browser.getJson(stack.gatewayUrl() + "/app").bodyAsJsonObject().getString("screenName"))
        .isEqualTo("ada");
  }

  @Test
  void callbackOfAnotherBrowsersLoginIsRejected(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser victim = new SignInBrowser(vertx);
    String callback = victim.consent(victim.get(stack.gatewayUrl() + "/auth").getHeader("Location"), ADA, "authorize");

    HttpResponse<Buffer> stolen = new SignInBrowser(vertx).get(callback);

    assertThat(stolen.statusCode()).isEqualTo(400);
    assertThat(victim.get(callback).statusCode()).isEqualTo(302);
  }

  @Test
  void nameWithHtmlIsShownAsText(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    browser.signIn(stack.gatewayUrl(), MALLORY);

    String page = browser.get(stack.gatewayUrl() + "/app").bodyAsString();

    assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  }

  @Test
  void repeatedParameterIsBadRequest(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);

    assertThat(new SignInBrowser(vertx).get(stack.gatewayUrl() + "/auth?return_to=/a&return_to=/b").statusCode())
        .isEqualTo(400);
  }

  @Test
  void malformedCallbackIsBadRequestWithoutEcho(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);

    HttpResponse<Buffer> callback = new SignInBrowser(vertx)
        .get(stack.gatewayUrl() + "/callback?oauth_token=%3Cscript%3E&oauth_verifier=x");

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).doesNotContain("<script>").doesNotContain("Exception");
  }

  @Test
  void overlongParameterIsBadRequest(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);

    assertThat(new SignInBrowser(vertx).get(stack.gatewayUrl() + "/callback?oauth_token=" + "t".repeat(300)
        + "&oauth_verifier=v").statusCode()).isEqualTo(400);
  }

  @Test
  void returnToBringsThePersonBackWhereTheyWere(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String authenticate = browser.get(stack.gatewayUrl() + "/auth?return_to=%2Fapp%3Ftab%3D2").getHeader("Location");

    HttpResponse<Buffer> callback = browser.get(browser.consent(authenticate, ADA, "authorize"));

    assertThat(callback.getHeader("Location")).isEqualTo("/app?tab=2");
  }

  private static String csrfOf(String page) {
    Matcher field = CSRF_FIELD.matcher(page);
    assertThat(field.find()).as("the profile page has a sign-out form").isTrue();
    return field.group(1);
  }
}
