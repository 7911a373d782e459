package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signing in: {@code /auth} on a gateway, "Authorize app" on the sandbox's consent page
 * (OAuth 1.0a's or OAuth 2.0's), and back to {@code /callback} on whichever gateway the load
 * balancer picks. The test plays the
 * load balancer: every gateway has its URL as {@code PUBLIC_URL}, and the test sends each request
 * to the gateway it chooses.
 */
public final class SignIn {

  /**
   * The load balancer's URL, every gateway's {@code PUBLIC_URL}: nothing listens there (port 1),
   * the test routes each request to the gateway it chooses. The sandbox approves callbacks under
   * {@code http://127.0.0.1:}.
   */
  public static final String LOAD_BALANCER_URL = "http://127.0.0.1:1";

  /** The sandbox's first user, {@code @ada}. */
  public static final String ADA = "1000000001";
  public static final String ADA_SCREEN_NAME = "ada";

  private static final Pattern AUTHORIZATION_FIELD = Pattern.compile("name=\"authorization_id\" value=\"([^\"]+)\"");

  private SignIn() {
  }

  /** Up to the sandbox's redirect back: returns the callback URL, under the load balancer's URL. */
  public static URI authorizeOnTwitter(Browser browser, int gatewayPort, String userId) {
    HttpResponse<Buffer> auth = browser.get(gatewayPort, "/auth");
    assertThat(auth.statusCode()).as("GET /auth on port %d: %s", gatewayPort, auth.bodyAsString()).isEqualTo(302);
    URI consentPage = URI.create(auth.getHeader("Location"));
    assertThat(browser.get(consentPage).statusCode()).as("the sandbox's consent page").isEqualTo(200);
    HttpResponse<Buffer> decision = browser.postForm(consentPage.resolve("/oauth/authorize"), MultiMap.caseInsensitiveMultiMap()
        .add("oauth_token", queryParameter(consentPage, "oauth_token"))
        .add("user_id", userId)
        .add("decision", "authorize"));
    assertThat(decision.statusCode()).as("Authorize app on the sandbox: %s", decision.bodyAsString()).isEqualTo(302);
    return URI.create(decision.getHeader("Location"));
  }

  /**
   * OAuth 2.0's way to the sandbox's redirect back ({@code TWITTER_AUTH=oauth2}): {@code /auth},
   * "Authorize app" on the sandbox's {@code i/oauth2/authorize} page; returns the redirect URI
   * with its {@code state} and {@code code}, under the load balancer's URL.
   */
  public static URI authorizeWithOAuth2(Browser browser, int gatewayPort, String userId) {
    HttpResponse<Buffer> auth = browser.get(gatewayPort, "/auth");
    assertThat(auth.statusCode()).as("GET /auth on port %d: %s", gatewayPort, auth.bodyAsString()).isEqualTo(302);
    URI consentPage = URI.create(auth.getHeader("Location"));
    assertThat(consentPage.getPath()).isEqualTo("/i/oauth2/authorize");
    HttpResponse<Buffer> page = browser.get(consentPage);
    assertThat(page.statusCode()).as("the sandbox's OAuth 2.0 consent page").isEqualTo(200);
    Matcher authorization = AUTHORIZATION_FIELD.matcher(page.bodyAsString());
    assertThat(authorization.find()).as("a consent form on %s", page.bodyAsString()).isTrue();
    HttpResponse<Buffer> decision = browser.postForm(consentPage.resolve("/i/oauth2/authorize"),
        MultiMap.caseInsensitiveMultiMap()
            .add("authorization_id", authorization.group(1))
            .add("user_id", userId)
            .add("decision", "authorize"));
    assertThat(decision.statusCode()).as("Authorize app on the sandbox: %s", decision.bodyAsString()).isEqualTo(302);
    return URI.create(decision.getHeader("Location"));
  }

  public static void signInWithOAuth2Through(Browser browser, int gatewayPort, String userId) {
    completeOn(browser, gatewayPort, authorizeWithOAuth2(browser, gatewayPort, userId));
  }

  /** The load balancer sends the callback to the gateway on {@code gatewayPort}; it signs the person in. */
  public static void completeOn(Browser browser, int gatewayPort, URI callback) {
    HttpResponse<Buffer> completed = browser.get(gatewayPort, Browser.pathAndQuery(callback));
    assertThat(completed.statusCode()).as("GET /callback on port %d: %s", gatewayPort, completed.bodyAsString())
        .isEqualTo(302);
    assertThat(completed.getHeader("Location")).isEqualTo("/app");
  }

  public static void signInThrough(Browser browser, int gatewayPort, String userId) {
    completeOn(browser, gatewayPort, authorizeOnTwitter(browser, gatewayPort, userId));
  }

  /** The screen name that {@code /app} shows this browser on the gateway on {@code gatewayPort}. */
  public static String signedInScreenName(Browser browser, int gatewayPort) {
    HttpResponse<Buffer> app = browser.getJson(gatewayPort, "/app");
    assertThat(app.statusCode()).as("GET /app on port %d: %s", gatewayPort, app.bodyAsString()).isEqualTo(200);
    return app.bodyAsJsonObject().getString("screenName");
  }

  /** A parameter of a URL's query, as Twitter and the gateway write them: no escapes needed. */
  public static String queryParameter(URI url, String name) {
    return Arrays.stream(url.getRawQuery().split("&"))
        .filter(parameter -> parameter.startsWith(name + "="))
        .map(parameter -> parameter.substring(name.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + name + " in " + url));
  }
}
