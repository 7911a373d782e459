package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.service.process.Eventually;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.OAuth2AuthorizeRequest;
import io.github.twitterlogin.shared.OAuth2CodeRequest;
import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.UserToken;
import io.github.twitterlogin.shared.testing.TestClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth 2.0 login (authorization code with PKCE) through the real parts: the gateway with
 * {@code flow: oauth2}, the event bus, the Twitter client, the witness and the sandbox's consent
 * page, whose codes last 30 s and whose access tokens last 2 hours. Time passes by clocks the
 * test moves: the sandbox's and the Twitter client's are one.
 */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class OAuth2SignInThroughSandboxTest {

  private static final String ADA = "1000000001";
  private static final long DEADLINE_SECONDS = 30;

  private static LoginStack.Options oauth2(TestClock clock) {
    LoginStack.Options options = LoginStack.with();
    options.sandboxClock = clock;
    options.twitterClientClock = clock;
    options.gatewayConfig = LoopbackDeployments.gatewayConfig().put("auth", new JsonObject().put("flow", "oauth2"));
    return options;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  private static TwitterFailureException failureOf(Future<?> call) {
    List<Throwable> thrown = new ArrayList<>();
    assertThatThrownBy(() -> await(call)).satisfies(thrown::add);
    assertThat(thrown.get(0)).isInstanceOf(TwitterFailureException.class);
    return (TwitterFailureException) thrown.get(0);
  }

  @Test
  void personSignsInWithOAuth2SeesTheProfileAndTheClusterHearsIt(Vertx vertx) throws Exception {
    LoginStack stack = oauth2(TestClock.realTime()).start(vertx);
    List<JsonObject> signedIn = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<JsonObject>consumer(TwitterAddresses.SIGNED_IN, event -> signedIn.add(event.body()))
        .completion());
    SignInBrowser browser = new SignInBrowser(vertx);

    String authorize = browser.get(stack.gatewayUrl() + "/auth").getHeader("Location");
    HttpResponse<Buffer> callback = browser.get(browser.consentOAuth2(authorize, ADA, "authorize"));

    assertThat(authorize).startsWith(stack.witness.url() + "/i/oauth2/authorize?response_type=code&client_id=")
        .contains("code_challenge_method=S256", "scope=tweet.read%20users.read%20offline.access")
        .doesNotContain("code_verifier");
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.getHeader("Location")).isEqualTo("/app");
    JsonObject profile = browser.getJson(stack.gatewayUrl() + "/app").bodyAsJsonObject();
    assertThat(profile.getString("id")).isEqualTo(ADA);
    assertThat(profile.getString("screenName")).isEqualTo("ada");
    assertThat(stack.witness.oauth2TokenRequests("authorization_code")).isEqualTo(1);
    assertThat(stack.witness.bearerTokensUsed()).as("the profile was read with the new bearer token")
        .containsExactly(stack.witness.oauth2AccessTokensIssued().get(0));
    Eventually.until("the signed-in event", Duration.ofSeconds(DEADLINE_SECONDS), () -> !signedIn.isEmpty());
    assertThat(signedIn.get(0).getString("userId")).isEqualTo(ADA);
    assertThat(signedIn.get(0).encode()).doesNotContain(stack.witness.oauth2AccessTokensIssued().get(0));
    assertThat(browser.signOut(stack.gatewayUrl()).statusCode()).isEqualTo(303);
    assertThat(failureOf(TwitterClient.create(vertx).asUser(ADA).usersMe()).failure())
        .isEqualTo(TwitterFailure.NOT_SIGNED_IN);
  }

  @Test
  void cancelOnTheConsentPageShowsTheCancelledPageAndEndsThatLogin(Vertx vertx) throws Exception {
    LoginStack stack = oauth2(TestClock.realTime()).start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String authorize = browser.get(stack.gatewayUrl() + "/auth").getHeader("Location");
    String denied = browser.consentOAuth2(authorize, ADA, "cancel");

    HttpResponse<Buffer> cancelled = browser.get(denied);

    assertThat(denied).contains("error=access_denied");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsString()).contains("Sign-in cancelled", "href=\"/auth\"");
    String state = queryParameter(denied, "state");
    HttpResponse<Buffer> forged = browser.get(stack.gatewayUrl() + "/callback?state=" + state + "&code=forged");
    assertThat(forged.statusCode()).as("the cancelled login's state is good for nothing more").isEqualTo(400);
    assertThat(stack.witness.oauth2TokenRequests("authorization_code")).isZero();
  }

  @Test
  void codeOlderThanThirtySecondsAsksToTryAgain(Vertx vertx) throws Exception {
    TestClock clock = TestClock.realTime();
    LoginStack stack = oauth2(clock).start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String callback = browser.consentOAuth2(browser.get(stack.gatewayUrl() + "/auth").getHeader("Location"), ADA,
        "authorize");
    clock.advance(Duration.ofSeconds(31));

    HttpResponse<Buffer> late = browser.get(callback);

    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.bodyAsString()).contains("Sign-in failed", "Try again.", "href=\"/auth\"");
    assertThat(stack.witness.oauth2TokenRequests("authorization_code")).isEqualTo(1);
    assertThat(browser.getJson(stack.gatewayUrl() + "/app").statusCode()).isEqualTo(401);
  }

  @Test
  void replayedCallbackIsRejectedWithoutAnotherExchange(Vertx vertx) throws Exception {
    LoginStack stack = oauth2(TestClock.realTime()).start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String callback = browser.consentOAuth2(browser.get(stack.gatewayUrl() + "/auth").getHeader("Location"), ADA,
        "authorize");
    assertThat(browser.get(callback).statusCode()).isEqualTo(302);

    HttpResponse<Buffer> replay = new SignInBrowser(vertx).get(callback);
    HttpResponse<Buffer> again = browser.get(callback);

    assertThat(replay.statusCode()).as("another browser").isEqualTo(400);
    assertThat(replay.bodyAsString()).contains("This sign-in was not started here or has expired. Try again.");
    assertThat(again.getHeader("Location")).as("the signed-in browser, on to the app").isEqualTo("/app");
    assertThat(stack.witness.oauth2TokenRequests("authorization_code")).isEqualTo(1);
  }

  @Test
  void callsAsHerGoOnAcrossATokenRefresh(Vertx vertx) throws Exception {
    TestClock clock = TestClock.realTime();
    LoginStack stack = oauth2(clock).start(vertx);
    assertThat(new SignInBrowser(vertx).signInOAuth2(stack.gatewayUrl(), ADA).statusCode()).isEqualTo(302);
    TwitterClient yourVerticle = TwitterClient.create(vertx);
    String first = stack.witness.oauth2AccessTokensIssued().get(0);

    TwitterUser before = await(yourVerticle.asUser(ADA).usersMe());
    clock.advance(Duration.ofHours(2));
    TwitterUser after = await(yourVerticle.asUser(ADA).usersMe());
    TwitterUser again = await(yourVerticle.asUser(ADA).usersMe());

    assertThat(List.of(before.id(), after.id(), again.id())).containsOnly(ADA);
    assertThat(stack.witness.oauth2TokenRequests("refresh_token")).isEqualTo(1);
    List<String> issued = stack.witness.oauth2AccessTokensIssued();
    assertThat(issued).hasSize(2);
    assertThat(stack.witness.bearerTokensUsed()).as("the sign-in's profile, then the three calls: refreshed before"
        + " the call, no call refused for an expired token").containsExactly(first, first, issued.get(1), issued.get(1));
  }

  @Test
  void reusedRefreshTokenIsRefusedAndRevokesTheGrant(Vertx vertx) throws Exception {
    TestClock clock = TestClock.realTime();
    LoginStack stack = oauth2(clock).start(vertx);
    TwitterClient twitter = TwitterClient.create(vertx);
    OAuth2Tokens granted = await(twitter.oauth2Token(codeFor(vertx, twitter, stack)));
    OAuth2Tokens refreshed = await(twitter.oauth2Refresh(granted.refreshToken()));

    TwitterFailureException reused = failureOf(twitter.oauth2Refresh(granted.refreshToken()));

    assertThat(reused.failure()).isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
    assertThat(reused.getMessage()).contains("Value passed for the token was invalid.")
        .doesNotContain(granted.refreshToken());
    assertThat(failureOf(twitter.usersMe(UserToken.ofBearer(refreshed.accessToken()))).failure())
        .as("the grant is revoked: the access token the refresh gave is refused").isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
    assertThat(failureOf(twitter.oauth2Refresh(refreshed.refreshToken())).failure())
        .isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
  }

  @Test
  void codeIsExchangedOnlyWithItsVerifier(Vertx vertx) throws Exception {
    LoginStack stack = oauth2(TestClock.realTime()).start(vertx);
    TwitterClient twitter = TwitterClient.create(vertx);
    OAuth2CodeRequest code = codeFor(vertx, twitter, stack);

    TwitterFailureException refused = failureOf(twitter.oauth2Token(
        new OAuth2CodeRequest(code.code(), "w".repeat(43), code.redirectUri())));

    assertThat(refused.failure()).isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
    assertThat(refused.getMessage()).contains("code verifier did not match");
    assertThat(failureOf(twitter.oauth2Token(code)).failure()).as("the first exchange spent the code")
        .isEqualTo(TwitterFailure.CREDENTIALS_REJECTED);
  }

  /** A code of Ada's for the sandbox's default client, through its consent page, with a verifier of the test's. */
  private static OAuth2CodeRequest codeFor(Vertx vertx, TwitterClient twitter, LoginStack stack) throws Exception {
    String verifier = "verifier-of-the-test-" + "x".repeat(30);
    String redirectUri = "http://127.0.0.1:1/callback";
    String authorize = await(twitter.oauth2Authorize(new OAuth2AuthorizeRequest(redirectUri,
        List.of("tweet.read", "users.read", "offline.access"), "state-1", s256(verifier)))).authorizeUrl();
    String redirect = new SignInBrowser(vertx).consentOAuth2(authorize, ADA, "authorize");
    return new OAuth2CodeRequest(queryParameter(redirect, "code"), verifier, redirectUri);
  }

  private static String s256(String verifier) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String queryParameter(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      if (pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(url + " has no " + name);
  }
}
