package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.twitterlogin.service.testing.SecretLedger;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Twitter client processes, each calling a Twitter of its own played by this JVM: A's holds
 * every request, B's answers at once. This JVM, a member of the cluster, calls through the facade
 * until a call that changes something (a request token) and one that only reads (a profile) are
 * both in flight at A, then kills A with SIGKILL. The first fails with CLIENT_UNAVAILABLE as soon
 * as the cluster drops A, not after the event-bus timeout; the second is answered by B.
 */
class TwitterClientKilledMidCallIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final long EVENT_BUS_TIMEOUT_MILLIS = 60_000;
  private static final int MAX_TRIES = 20;
  private static final TokenCredentials USER_TOKEN =
      new TokenCredentials("1000000001-killed-mid-call", "user-secret-" + UUID.randomUUID());

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Vertx vertx = Vertx.vertx();
  private static final TestApp APP = TestApp.create();

  @BeforeAll
  static void recordSecrets() {
    SecretLedger.record("consumer secret", APP.secret());
    SecretLedger.record("access-token secret", USER_TOKEN.tokenSecret());
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void callsInFlightToAKilledMemberFailFastOrAreAnsweredByAnother() throws Exception {
    HeldRequests<HttpServerRequest> heldByA = new HeldRequests<>();
    HttpServer twitterOfA = vertx.createHttpServer().requestHandler(heldByA::hold)
        .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    HttpServer twitterOfB = vertx.createHttpServer().requestHandler(TwitterClientKilledMidCallIT::answer)
        .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    try (LoopbackCluster cluster = LoopbackCluster.start("twitter-client-killed-mid-call")) {
      TestJvmMember member = cluster.testJvm();
      ServiceProcess clientA = processes.startService("twitter-client-a", cluster.member()
          .roles("twitter-client").twitterApi("http://127.0.0.1:" + twitterOfA.actualPort(), APP));
      ServiceProcess clientB = processes.startService("twitter-client-b", cluster.member()
          .roles("twitter-client").twitterApi("http://127.0.0.1:" + twitterOfB.actualPort(), APP));
      ServiceProcess.awaitAllReady(clientA, clientB);
      member.awaitMemberCount(3, DEADLINE);
      TwitterClient twitter = TwitterClient.create(member.vertx(),
          new DeliveryOptions().setSendTimeout(EVENT_BUS_TIMEOUT_MILLIS));

      Future<RequestToken> requestToken = inFlightAtA(heldByA,
          () -> twitter.requestToken("http://127.0.0.1:1/callback"));
      Future<TwitterUser> profile = inFlightAtA(heldByA, () -> twitter.usersMe(USER_TOKEN));
      long killedAt = System.nanoTime();
      clientA.kill();

      assertThatThrownBy(() -> requestToken.await(DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOfSatisfying(TwitterFailureException.class,
              failure -> assertThat(failure.failure()).isEqualTo(TwitterFailure.CLIENT_UNAVAILABLE));
      Duration failedAfter = Duration.ofNanos(System.nanoTime() - killedAt);
      System.out.println("The request token failed " + failedAfter.toMillis() + " ms after the kill");
      assertThat(failedAfter).as("the request token's failure, after the kill")
          .isLessThan(Duration.ofSeconds(10));
      assertThat(profile.await(DEADLINE.toSeconds(), TimeUnit.SECONDS).screenName()).isEqualTo("ada");
      assertThat(heldByA.count()).as("the two calls, each sent to A once").isEqualTo(2);
      member.awaitMemberCount(2, DEADLINE);

      String metricsOfB = scrape(clientB);
      assertThat(metricsOfB).contains(
          "twitter_client_calls_seconds_count{failure=\"none\",operation=\"users_me\",status=\"200\"}",
          "address=\"twitter.client.member.*\"");
    } finally {
      twitterOfA.close();
      twitterOfB.close();
    }
  }

  /**
   * Calls until one is held by A's Twitter: the facade takes the two clients in turn, and B's
   * answers the calls it gets at once.
   */
  private static <T> Future<T> inFlightAtA(HeldRequests<HttpServerRequest> heldByA, Supplier<Future<T>> call) {
    for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
      int heldBefore = heldByA.count();
      Future<T> sent = call.get();
      Eventually.until("the call answered by B or held by A", DEADLINE,
          () -> sent.isComplete() || heldByA.count() > heldBefore);
      if (!sent.isComplete()) {
        return sent;
      }
    }
    throw new AssertionError("No call reached A in " + MAX_TRIES + " tries");
  }

  /** B's Twitter: a request token, or the profile of the one user; its secrets go in the ledger. */
  private static void answer(HttpServerRequest request) {
    if (request.path().endsWith("/oauth/request_token")) {
      String secret = "request-secret-" + UUID.randomUUID();
      SecretLedger.record("request-token secret", secret);
      request.response().putHeader("Content-Type", "application/x-www-form-urlencoded")
          .end("oauth_token=token-of-b&oauth_token_secret=" + secret + "&oauth_callback_confirmed=true");
    } else if (request.path().endsWith("/2/users/me")) {
      request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("data", new JsonObject().put("id", "1000000001").put("username", "ada").put("name", "Ada Lovelace"))
          .encode());
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  private static String scrape(ServiceProcess process) throws Exception {
    WebClient client = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> metrics = client.get(process.port("metrics"), "127.0.0.1", "/metrics").timeout(20_000)
          .send().await(30, TimeUnit.SECONDS);
      assertThat(metrics.statusCode()).isEqualTo(200);
      return metrics.bodyAsString();
    } finally {
      client.close();
    }
  }
}
