package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway's side of OAuth 2.0 with PKCE, against a fake Twitter client that plays X's
 * authorize page: the state names the login in the session, the verifier stays in the session
 * until the code is exchanged, and a state is good for one callback of the session that made it.
 */
@ExtendWith(VertxExtension.class)
class OAuth2LoginTest {

  private static final String NOT_STARTED_HERE = "This sign-in was not started here or has expired. Try again.";

  @Test
  void aCodeIsExchangedWithTheVerifierOfItsChallengeAndSignsIn(Vertx vertx) throws Exception {
    GatewayFixture gateway = oauth2Gateway(vertx, new JsonObject());
    HttpResponse<Buffer> start = gateway.get("/auth?return_to=/docs");
    String state = stateOf(start);

    HttpResponse<Buffer> callback = gateway.get("/callback?state=" + state + "&code=" + gateway.twitter.codeFor(state));

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.getHeader("Location")).isEqualTo("/docs");
    JsonObject page = gateway.browser.getJson(gateway.port(), "/").bodyAsJsonObject();
    assertThat(page.getBoolean("signedIn")).isTrue();
    assertThat(page.getJsonObject("user").getString("screenName")).isEqualTo("ada");
    JsonObject authorize = gateway.twitter.received(TwitterAddresses.OAUTH2_AUTHORIZE).get(0);
    JsonObject exchange = gateway.twitter.received(TwitterAddresses.OAUTH2_SIGN_IN).get(0);
    String verifier = exchange.getString("codeVerifier");
    assertThat(FakeTwitterClient.s256(verifier)).isEqualTo(authorize.getString("codeChallenge"));
    assertThat(authorize.getString("state")).isEqualTo(state).hasSize(43);
    assertThat(verifier).hasSize(43).isNotEqualTo(state);
    assertThat(exchange.getString("redirectUri")).isEqualTo(authorize.getString("redirectUri"));
    assertThat(start.headers().toString() + start.bodyAsString()).doesNotContain(verifier);
  }

  /** Every login has its own state and verifier, and a second tab's login does not push out the first's. */
  @Test
  void twoTabsStartTwoLoginsAndTheFirstStillCompletes(Vertx vertx) throws Exception {
    GatewayFixture gateway = oauth2Gateway(vertx, new JsonObject());
    String first = stateOf(gateway.get("/auth?return_to=/first"));
    String second = stateOf(gateway.get("/auth?return_to=/second"));

    HttpResponse<Buffer> callback = gateway.get("/callback?state=" + first + "&code=" + gateway.twitter.codeFor(first));

    assertThat(second).isNotEqualTo(first);
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.getHeader("Location")).isEqualTo("/first");
    JsonObject firstExchange = gateway.twitter.received(TwitterAddresses.OAUTH2_SIGN_IN).get(0);
    assertThat(FakeTwitterClient.s256(firstExchange.getString("codeVerifier")))
        .isEqualTo(gateway.twitter.received(TwitterAddresses.OAUTH2_AUTHORIZE).get(0).getString("codeChallenge"));
  }

  /** The first callback took the login out of the session, and failed: the right code after it finds nothing. */
  @Test
  void aStateIsGoodForOneCallback(Vertx vertx) throws Exception {
    GatewayFixture gateway = oauth2Gateway(vertx, new JsonObject());
    String state = stateOf(gateway.get("/auth"));
    HttpResponse<Buffer> wrongCode = gateway.get("/callback?state=" + state + "&code=not-the-code");

    HttpResponse<Buffer> replay = gateway.get("/callback?state=" + state + "&code=" + gateway.twitter.codeFor(state));

    assertThat(wrongCode.statusCode()).isEqualTo(400);
    assertThat(wrongCode.bodyAsString()).contains("Twitter did not accept this sign-in.");
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.bodyAsString()).contains(NOT_STARTED_HERE);
    assertThat(gateway.twitter.received(TwitterAddresses.OAUTH2_SIGN_IN)).hasSize(1);
  }

  /** A state and code sent to someone else's browser (login CSRF, RFC 6749 section 10.12) sign nobody in. */
  @Test
  void anotherSessionsStateIsRefusedBeforeTheCodeIsSpent(Vertx vertx) throws Exception {
    GatewayFixture gateway = oauth2Gateway(vertx, new JsonObject());
    String victims = stateOf(gateway.get("/auth"));

    HttpResponse<Buffer> callback = new Browser(vertx).get(gateway.port(),
        "/callback?state=" + victims + "&code=" + gateway.twitter.codeFor(victims));

    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(callback.bodyAsString()).contains(NOT_STARTED_HERE);
    assertThat(gateway.twitter.received(TwitterAddresses.OAUTH2_SIGN_IN)).isEmpty();
  }

  /** Cancel on X's page comes back as {@code error=access_denied}; the login is forgotten. */
  @Test
  void cancelForgetsTheLogin(Vertx vertx) throws Exception {
    GatewayFixture gateway = oauth2Gateway(vertx, new JsonObject());
    String state = stateOf(gateway.get("/auth"));

    HttpResponse<Buffer> cancelled = gateway.browser.getJson(gateway.port(),
        "/callback?state=" + state + "&error=access_denied");

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsJsonObject().getString("error")).isEqualTo("login_cancelled");
    HttpResponse<Buffer> after = gateway.get("/callback?state=" + state + "&code=" + gateway.twitter.codeFor(state));
    assertThat(after.statusCode()).as("the cancelled login is gone").isEqualTo(400);
    assertThat(gateway.twitter.received(TwitterAddresses.OAUTH2_SIGN_IN)).isEmpty();
  }

  @Test
  void aLoginPastItsLifetimeIsRefused(Vertx vertx) throws Exception {
    GatewayFixture gateway = oauth2Gateway(vertx, new JsonObject().put("loginTimeoutSeconds", 300));
    String late = stateOf(gateway.get("/auth"));
    gateway.clock.advance(Duration.ofSeconds(301));
    String inTime = stateOf(gateway.get("/auth"));
    gateway.clock.advance(Duration.ofSeconds(299));

    HttpResponse<Buffer> tooLate = gateway.get("/callback?state=" + late + "&code=" + gateway.twitter.codeFor(late));
    HttpResponse<Buffer> justInTime = gateway.get("/callback?state=" + inTime + "&code="
        + gateway.twitter.codeFor(inTime));

    assertThat(tooLate.statusCode()).isEqualTo(400);
    assertThat(tooLate.bodyAsString()).contains(NOT_STARTED_HERE);
    assertThat(justInTime.statusCode()).isEqualTo(302);
  }

  /** X refusing for another reason than Cancel (a wrong redirect URI, a scope not granted): a 502, and the login gone. */
  @Test
  void anotherRefusalIsTheSitesSettingsNotTheVisitor(Vertx vertx) throws Exception {
    GatewayFixture gateway = oauth2Gateway(vertx, new JsonObject());
    String state = stateOf(gateway.get("/auth"));

    HttpResponse<Buffer> refused = gateway.get("/callback?state=" + state + "&error=invalid_scope");

    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(refused.bodyAsString()).contains("data-code=\"twitter_refused_authorization\"");
    assertThat(gateway.get("/callback?state=" + state + "&code=" + gateway.twitter.codeFor(state)).statusCode())
        .isEqualTo(400);
  }

  private static GatewayFixture oauth2Gateway(Vertx vertx, JsonObject auth) throws Exception {
    return GatewayFixture.start(vertx, GatewayFixture.auth(auth.copy().put("flow", "oauth2").put("profileSource", "v2")),
        true);
  }

  /** The state X's authorize page was asked to send back, read from where the browser is sent. */
  private static String stateOf(HttpResponse<Buffer> start) {
    assertThat(start.statusCode()).as("/auth answered %s", start.bodyAsString()).isEqualTo(302);
    URI location = URI.create(start.getHeader("Location"));
    assertThat(location.getHost()).isEqualTo("x.example");
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    for (String pair : location.getQuery().split("&")) {
      String[] nameAndValue = pair.split("=", 2);
      query.add(nameAndValue[0], nameAndValue[1]);
    }
    return query.get("state");
  }
}
