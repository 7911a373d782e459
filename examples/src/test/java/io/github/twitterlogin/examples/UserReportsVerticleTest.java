package io.github.twitterlogin.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.shared.SignedIn;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example verticle against a stand-in Twitter client that speaks the shared contract. */
@ExtendWith(VertxExtension.class)
class UserReportsVerticleTest {

  private static final TwitterUser ADA =
      new TwitterUser("1000000001", "ada", "Ada Lovelace", "http://127.0.0.1/ada.svg", null);

  private final List<JsonObject> askedOfTwitter = new CopyOnWriteArrayList<>();
  private final Set<String> signedIn = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    vertx.eventBus().<JsonObject>consumer(TwitterAddresses.USERS_ME, message -> {
      askedOfTwitter.add(message.body());
      if (signedIn.contains(message.body().getString("userId"))) {
        message.reply(ADA.toJson());
      } else {
        TwitterFailureException notSignedIn = new TwitterFailureException(TwitterFailure.NOT_SIGNED_IN, "not signed in");
        message.fail(notSignedIn.failure().code(), notSignedIn.toJson().encode());
      }
    }).completion().await(10, TimeUnit.SECONDS);
    vertx.deployVerticle(new UserReportsVerticle()).await(10, TimeUnit.SECONDS);
  }

  private static JsonObject report(Vertx vertx, String address, String userId) throws Exception {
    return vertx.eventBus().<JsonObject>request(address, new JsonObject().put("userId", userId))
        .await(10, TimeUnit.SECONDS).body();
  }

  /** Her report once it shows {@code lookups} calls to Twitter, polled with a deadline. */
  private static JsonObject reportAfterLookups(Vertx vertx, String userId, int lookups) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      try {
        JsonObject report = report(vertx, UserReportsVerticle.REPORT_ADDRESS, userId);
        if (report.getInteger("lookups") >= lookups) {
          return report;
        }
      } catch (ReplyException notYet) {
        // Not heard yet.
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("No report of " + userId + " with " + lookups + " lookups within 10 s");
      }
      vertx.timer(20).await(1, TimeUnit.SECONDS);
    }
  }

  private static TwitterFailure failureOf(ThrowingCall call) {
    TwitterFailure[] failure = new TwitterFailure[1];
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ReplyException.class,
        reply -> failure[0] = TwitterFailureException.fromReply(reply).failure());
    return failure[0];
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void aSignInIsLookedUpAsHerByIdAndReported(Vertx vertx) throws Exception {
    signedIn.add(ADA.id());

    vertx.eventBus().publish(TwitterAddresses.SIGNED_IN, SignedIn.of(ADA, 1_700_000_000_000L).toJson());
    JsonObject report = reportAfterLookups(vertx, ADA.id(), 1);

    assertThat(askedOfTwitter).containsExactly(new JsonObject().put("userId", ADA.id()));
    assertThat(report.getString("screenName")).isEqualTo("ada");
    assertThat(report.getString("name")).isEqualTo("Ada Lovelace");
    assertThat(report.getBoolean("signedIn")).isTrue();
    assertThat(report.getLong("signedInAt")).isEqualTo(1_700_000_000_000L);
    assertThat(report.getJsonObject("lastLookup").getString("outcome")).isEqualTo("ok");
  }

  @Test
  void afterSignOutTheReportSaysSoAndTheNextCallIsNotSignedIn(Vertx vertx) throws Exception {
    signedIn.add(ADA.id());
    vertx.eventBus().publish(TwitterAddresses.SIGNED_IN, SignedIn.of(ADA, 1_700_000_000_000L).toJson());
    reportAfterLookups(vertx, ADA.id(), 1);

    signedIn.remove(ADA.id());
    vertx.eventBus().publish(TwitterAddresses.SIGNED_OUT,
        new SignedOut(ADA.id(), SignedOut.Reason.LOGOUT, 1_700_000_000_500L).toJson());

    assertThat(failureOf(() -> report(vertx, UserReportsVerticle.REFRESH_ADDRESS, ADA.id())))
        .isEqualTo(TwitterFailure.NOT_SIGNED_IN);
    JsonObject report = report(vertx, UserReportsVerticle.REPORT_ADDRESS, ADA.id());
    assertThat(report.getBoolean("signedIn")).isFalse();
    assertThat(report.getString("signedOutReason")).isEqualTo("logout");
    assertThat(report.getInteger("lookups")).isEqualTo(2);
    assertThat(report.getJsonObject("lastLookup").getString("outcome")).isEqualTo("NOT_SIGNED_IN");
  }

  @Test
  void aUserNeverHeardOfHasNoReportAndTwitterIsNotAsked(Vertx vertx) {
    assertThat(failureOf(() -> report(vertx, UserReportsVerticle.REPORT_ADDRESS, "42")))
        .isEqualTo(TwitterFailure.NOT_SIGNED_IN);
    assertThat(askedOfTwitter).isEmpty();
  }

  @Test
  void refusesARequestWithoutAUserIdWithoutAskingTwitter(Vertx vertx) {
    assertThat(failureOf(() -> vertx.eventBus().request(UserReportsVerticle.REFRESH_ADDRESS, "ada")
        .await(10, TimeUnit.SECONDS))).isEqualTo(TwitterFailure.BAD_REQUEST);
    assertThat(failureOf(() -> vertx.eventBus().request(UserReportsVerticle.REFRESH_ADDRESS,
        new JsonObject().put("userId", 42)).await(10, TimeUnit.SECONDS))).isEqualTo(TwitterFailure.BAD_REQUEST);
    assertThat(askedOfTwitter).isEmpty();
  }
}
