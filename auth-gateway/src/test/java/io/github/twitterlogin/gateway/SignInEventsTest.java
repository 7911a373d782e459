package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.SignedIn;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cluster hears of each sign-in and of each end of one, and never of a token. */
@ExtendWith(VertxExtension.class)
class SignInEventsTest {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Test
  void aCompletedSignInIsPublishedOnceWithoutAToken(Vertx vertx) throws Exception {
    Heard signedIn = listen(vertx, TwitterAddresses.SIGNED_IN);
    GatewayFixture gateway = GatewayFixture.start(vertx);

    gateway.signIn();

    assertThat(signedIn.afterTheFirst()).singleElement().satisfies(event -> {
      SignedIn read = SignedIn.fromJson(event);
      assertThat(read.userId()).isEqualTo("1001");
      assertThat(read.screenName()).isEqualTo("ada");
      assertThat(read.name()).isEqualTo("Ada Lovelace");
      assertThat(read.profileImageUrl()).isEqualTo("https://avatars.example/ada.png");
      assertThat(read.at()).isPositive();
      assertThat(event.encode()).doesNotContain("token", "secret");
    });
  }

  @Test
  void aRefusedUserIsNotPublishedAndHerKeptTokenIsDropped(Vertx vertx) throws Exception {
    Heard signedIn = listen(vertx, TwitterAddresses.SIGNED_IN);
    GatewayFixture gateway = GatewayFixture.start(vertx,
        GatewayFixture.auth(new JsonObject().put("allowedUsers", new JsonArray().add("grace"))), true);

    assertThat(gateway.completeLogin(gateway.startLogin("")).statusCode()).isEqualTo(403);

    assertThat(signedIn.events()).isEmpty();
    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_OUT)).singleElement()
        .satisfies(dropped -> assertThat(dropped.getBoolean("revoke")).isFalse());
  }

  @Test
  void aSignOutIsPublishedAfterTheTwitterClientEndedTheSignIn(Vertx vertx) throws Exception {
    Heard signedOut = listen(vertx, TwitterAddresses.SIGNED_OUT);
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();

    gateway.browser.post(gateway.port(), "/logout", MultiMap.caseInsensitiveMultiMap().add("csrf", csrfOf(gateway)));

    assertThat(signedOut.afterTheFirst()).singleElement().satisfies(event -> {
      SignedOut read = SignedOut.fromJson(event);
      assertThat(read.userId()).isEqualTo("1001");
      assertThat(read.reason()).isEqualTo(SignedOut.Reason.LOGOUT);
    });
    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_OUT)).singleElement()
        .satisfies(ended -> assertThat(ended.getString("signInId")).startsWith("sign-in-"));
  }

  @Test
  void anExpiredSessionEndsItsSignInAsExpired(Vertx vertx) throws Exception {
    Heard signedOut = listen(vertx, TwitterAddresses.SIGNED_OUT);
    GatewayFixture gateway = GatewayFixture.start(vertx);
    JsonObject signIn = new JsonObject().put("userId", "1001").put("csrf", "c").put("signInId", "sign-in-7");

    vertx.eventBus().request(SealedSessionStore.SESSION_ENDED_ADDRESS,
        new JsonObject().put("cause", "expired").put("signIn", signIn)).await(10, TimeUnit.SECONDS);

    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_OUT)).singleElement().satisfies(ended -> {
      assertThat(ended.getString("reason")).isEqualTo("expired");
      assertThat(ended.getString("signInId")).isEqualTo("sign-in-7");
      assertThat(ended.getBoolean("revoke")).isFalse();
    });
    assertThat(SignedOut.fromJson(signedOut.afterTheFirst().get(0)).reason()).isEqualTo(SignedOut.Reason.EXPIRED);
  }

  @Test
  void withATwitterClientThatKeepsNoTokensTheSessionKeepsItAndSignOutRevokesIt(Vertx vertx) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx,
        GatewayFixture.auth(new JsonObject().put("invalidateTokenOnLogout", true)), true);
    gateway.twitter.keepNoTokens();
    gateway.signIn();

    gateway.browser.post(gateway.port(), "/logout", MultiMap.caseInsensitiveMultiMap().add("csrf", csrfOf(gateway)));

    assertThat(gateway.twitter.received(TwitterAddresses.SIGN_OUT)).isEmpty();
    assertThat(gateway.twitter.received(TwitterAddresses.INVALIDATE_TOKEN)).singleElement()
        .satisfies(revoked -> assertThat(revoked.getString("token")).startsWith("access-token-"));
  }

  /** What a verticle of the cluster hears on {@code address}; {@code first()} waits for the first. */
  private static Heard listen(Vertx vertx, String address) throws Exception {
    Heard heard = new Heard(new CopyOnWriteArrayList<>(), Promise.promise());
    vertx.eventBus().<JsonObject>consumer(address, message -> {
      heard.events().add(message.body());
      heard.first().tryComplete(message.body());
    }).completion().await(10, TimeUnit.SECONDS);
    return heard;
  }

  private record Heard(List<JsonObject> events, Promise<JsonObject> first) {

    /** The events heard once the first has come: deliveries are asynchronous. */
    List<JsonObject> afterTheFirst() throws Exception {
      first.future().await(10, TimeUnit.SECONDS);
      return events;
    }
  }

  private static String csrfOf(GatewayFixture gateway) {
    Matcher csrf = CSRF.matcher(gateway.get("/app").bodyAsString());
    assertThat(csrf.find()).isTrue();
    return csrf.group(1);
  }
}
