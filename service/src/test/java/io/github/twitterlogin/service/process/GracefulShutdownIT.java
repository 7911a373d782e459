package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.SecretLedger;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM to a process with a request in flight, held by a stand-in until the test answers: the
 * process takes no new requests at once (a gateway refuses connections, a Twitter client
 * unregisters), the request in flight still gets its answer, and the process leaves the cluster
 * and exits 0.
 */
class GracefulShutdownIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final String CALLBACK_URL = "http://127.0.0.1:1/callback";

  private static final TestApp APP = TestApp.create();
  private static final String HELD_SECRET = "held-secret-" + UUID.randomUUID();

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  @BeforeAll
  static void recordSecrets() {
    SecretLedger.record("consumer secret", APP.secret());
    SecretLedger.record("request-token secret", HELD_SECRET);
  }

  private static final Browsers browsers = new Browsers();
  private static final Vertx vertx = Vertx.vertx();

  @AfterAll
  static void close() throws Exception {
    browsers.close();
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void gatewayAnswersTheRequestInFlightThenLeavesTheClusterAndExitsZero() throws Exception {
    // This JVM plays the Twitter client.
    try (LoopbackCluster cluster = LoopbackCluster.start("graceful-shutdown")) {
      TestJvmMember member = cluster.testJvm();
      HeldRequests<Message<JsonObject>> twitterClient = new HeldRequests<>();
      member.vertx().eventBus().<JsonObject>consumer(TwitterAddresses.REQUEST_TOKEN, twitterClient::hold)
          .completion().await(30, TimeUnit.SECONDS);
      ServiceProcess gateway = processes.startService("gateway",
          cluster.member().roles("gateway").gateway(SignIn.LOAD_BALANCER_URL));
      gateway.awaitReady();
      member.awaitMemberCount(2, DEADLINE);
      int httpPort = gateway.httpPort();

      Future<HttpResponse<Buffer>> login = browsers.open().getLater(httpPort, "/auth");
      Message<JsonObject> inFlight = twitterClient.next(DEADLINE);
      gateway.sendTerminationSignal();
      Eventually.until("the gateway refusing new connections", DEADLINE, () -> refusesConnections(httpPort));
      assertThat(login.isComplete()).as("the request in flight, still held").isFalse();

      RequestToken token = new RequestToken(new TokenCredentials("held-token", HELD_SECRET),
          "https://api.twitter.com/oauth/authenticate?oauth_token=held-token");
      inFlight.reply(token.toJson());

      HttpResponse<Buffer> answer = Browser.await(login);
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(302);
      assertThat(answer.getHeader("Location")).isEqualTo(token.authenticateUrl());
      assertThat(gateway.awaitExit(DEADLINE)).as("exit status").isZero();
      member.awaitMemberCount(1, DEADLINE);
    }
  }

  @Test
  void gatewayFinishesBeforeTheTwitterClientOfItsOwnProcessStops() throws Exception {
    HeldRequests<HttpServerRequest> twitterApi = new HeldRequests<>();
    HttpServer twitter = vertx.createHttpServer().requestHandler(twitterApi::hold)
        .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    String twitterUrl = "http://127.0.0.1:" + twitter.actualPort();
    try (LoopbackCluster cluster = LoopbackCluster.start("graceful-shutdown-one-process")) {
      ServiceProcess service = processes.startService("gateway-and-twitter-client", cluster.member()
          .roles("gateway", "twitter-client")
          .gateway(SignIn.LOAD_BALANCER_URL)
          .twitterApi(twitterUrl, APP));
      service.awaitReady();
      int httpPort = service.httpPort();

      Future<HttpResponse<Buffer>> login = browsers.open().getLater(httpPort, "/auth");
      HttpServerRequest inFlight = twitterApi.next(DEADLINE);
      service.sendTerminationSignal();
      Eventually.until("the gateway refusing new connections", DEADLINE, () -> refusesConnections(httpPort));
      assertThat(login.isComplete()).as("the request in flight, still held").isFalse();
      answerRequestToken(inFlight, "held-token");

      HttpResponse<Buffer> answer = Browser.await(login);
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(302);
      assertThat(answer.getHeader("Location")).isEqualTo(twitterUrl + "/oauth/authenticate?oauth_token=held-token");
      assertThat(service.awaitExit(DEADLINE)).as("exit status").isZero();
    }
  }

  @Test
  void twitterClientAnswersTheCallInFlightThenLeavesTheClusterAndExitsZero() throws Exception {
    HeldRequests<HttpServerRequest> twitterApi = new HeldRequests<>();
    HttpServer twitter = vertx.createHttpServer().requestHandler(twitterApi::hold)
        .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
    // The Twitter client and this JVM, which calls it through the facade as a gateway would.
    try (LoopbackCluster cluster = LoopbackCluster.start("graceful-shutdown-twitter-client")) {
      TestJvmMember member = cluster.testJvm();
      ServiceProcess client = processes.startService("twitter-client", cluster.member()
          .roles("twitter-client")
          .twitterApi("http://127.0.0.1:" + twitter.actualPort(), APP));
      client.awaitReady();
      member.awaitMemberCount(2, DEADLINE);

      TwitterClient twitterClient = TwitterClient.create(member.vertx());
      // A first call opens the event-bus connections both ways, as a gateway's traffic has.
      Future<RequestToken> first = twitterClient.requestToken(CALLBACK_URL);
      answerRequestToken(twitterApi.next(DEADLINE), "first-token");
      first.await(30, TimeUnit.SECONDS);

      Future<RequestToken> call = twitterClient.requestToken(CALLBACK_URL);
      HttpServerRequest inFlight = twitterApi.next(DEADLINE);
      client.sendTerminationSignal();
      Eventually.until("the Twitter client unregistering", DEADLINE,
          () -> member.nodesConsuming(TwitterAddresses.REQUEST_TOKEN).isEmpty());
      answerRequestToken(inFlight, "held-token");

      assertThat(call.await(30, TimeUnit.SECONDS).token()).isEqualTo("held-token");
      assertThat(client.awaitExit(DEADLINE)).as("exit status").isZero();
      member.awaitMemberCount(1, DEADLINE);
    }
  }

  /** Twitter's answer to {@code POST oauth/request_token}; its secret goes in the ledger, for the log search. */
  private static void answerRequestToken(HttpServerRequest request, String token) {
    String secret = token + "-secret-" + UUID.randomUUID();
    SecretLedger.record("request-token secret", secret);
    request.response()
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .end("oauth_token=" + token + "&oauth_token_secret=" + secret + "&oauth_callback_confirmed=true");
  }

  private static boolean refusesConnections(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException other) {
      return false;
    }
  }
}
