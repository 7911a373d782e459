package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.SandboxWitness;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refresh once per cluster, between processes: a gateway process signs a person in with OAuth
 * 2.0, two Twitter client processes keep her tokens in the cluster's vault, and a verticle in
 * this JVM's member calls Twitter as her by id while the sandbox ends her access token. The
 * sandbox's refresh tokens are single-use, a reused one revoking the grant, so a second refresh
 * would fail the calls after it; the witness at the sandbox's door counts the refresh requests,
 * and each client's log shows that both were asked.
 */
class OAuth2RefreshAcrossProcessesIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int ROUNDS = 5;
  private static final int CALLS_PER_ROUND = 24;
  private static final int CALLS_AFTER_A_ROUND = 6;
  /** What each client logs at debug for every call to Twitter's {@code 2/users/me}, whatever the answer. */
  private static final String USERS_ME_LINE = "GET 2/users/me answered";
  private static final String TOKEN_ENDPOINT_LINE = "POST 2/oauth2/token answered";

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();

  private static LoopbackCluster cluster;
  private static WitnessedSandbox sandbox;
  private static SandboxWitness witness;
  private static int gateway;
  private static List<ServiceProcess> twitterClients;
  private static TestJvmMember member;
  private static CallerVerticle caller;

  /** A verticle of the app: calls Twitter as a signed-in user by her id, on its own event loop. */
  private static final class CallerVerticle extends VerticleBase {

    private TwitterClient twitter;

    @Override
    public Future<?> start() {
      twitter = TwitterClient.create(vertx);
      return Future.succeededFuture();
    }

    /** {@code count} calls of {@code users/me} as her at once; completes once each is answered or failed. */
    Future<List<Future<TwitterUser>>> usersMeAtOnce(String userId, int count) {
      Promise<List<Future<TwitterUser>>> ended = Promise.promise();
      context.runOnContext(go -> {
        List<Future<TwitterUser>> calls = IntStream.range(0, count)
            .mapToObj(call -> twitter.asUser(userId).usersMe())
            .toList();
        Future.join(calls).onComplete(all -> ended.complete(calls));
      });
      return ended.future();
    }
  }

  @BeforeAll
  static void startCluster() throws Exception {
    TestApp app = TestApp.create();
    // X's 75 calls of users/me per user and window would run out within the rounds.
    Path sandboxConfig = Files.createDirectories(processes.logDirectory()).resolve("sandbox-config.json");
    Files.writeString(sandboxConfig, new JsonObject().put("verifyCredentialsLimit", 10_000).encode());
    sandbox = WitnessedSandbox.start(processes, app,
        ServiceEnvironment.sandbox(app).with("SANDBOX_CONFIG", sandboxConfig.toString()));
    cluster = LoopbackCluster.start("oauth2-refresh-across-processes");
    member = cluster.testJvm();
    ServiceProcess gatewayProcess = processes.startService("gateway", cluster.member().roles("gateway")
        .gateway(SignIn.LOAD_BALANCER_URL).with("TWITTER_AUTH", "oauth2"));
    witness = sandbox.awaitWitness(browsers.vertx());
    twitterClients = List.of(
        processes.startService("twitter-client-1",
            cluster.member().roles("twitter-client").twitterApi(witness.url(), app).oauth2Client(app)),
        processes.startService("twitter-client-2",
            cluster.member().roles("twitter-client").twitterApi(witness.url(), app).oauth2Client(app)));
    ServiceProcess.awaitAllReady(twitterClients.get(0), twitterClients.get(1), gatewayProcess);
    // This JVM, the gateway and the two Twitter clients.
    member.awaitMemberCount(4, DEADLINE);
    gateway = gatewayProcess.httpPort();
    caller = new CallerVerticle();
    member.vertx().deployVerticle(caller).await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void callsAsHerGoOnAcrossEveryRefreshAndEachRefreshReachesTheSandboxOnce() {
    assertThat(member.nodesConsuming(TwitterAddresses.USERS_ME)).as("Twitter clients").hasSize(2);
    SignIn.signInWithOAuth2Through(browsers.open(), gateway, SignIn.ADA);
    assertThat(witness.oauth2TokenRequests("authorization_code")).as("code exchanges").isEqualTo(1);
    // Cold JVMs: the first calls load classes and open connections.
    assertThat(outcomes("calls before any refresh", usersMeAtOnce(CALLS_PER_ROUND))).containsOnly(SignIn.ADA);
    assertThat(witness.oauth2TokenRequests("refresh_token")).as("refreshes before the first round").isZero();
    String token = lastIssuedToken();

    for (int round = 1; round <= ROUNDS; round++) {
      int refreshesBefore = witness.oauth2TokenRequests("refresh_token");
      int tokenRequestsLoggedBefore = linesInClientLogs(TOKEN_ENDPOINT_LINE);
      List<Integer> askedBefore = usersMeLinesPerClient();
      int bearerCallsBefore = witness.bearerTokensUsed().size();
      assertThat(sandbox.expireOAuth2AccessTokens(SignIn.ADA)).as("round %d: her access tokens the sandbox ended", round)
          .isEqualTo(1);

      List<String> answered = outcomes("round " + round, usersMeAtOnce(CALLS_PER_ROUND));

      assertThat(answered).as("round %d: every call answered as her", round).containsOnly(SignIn.ADA);
      assertThat(witness.oauth2TokenRequests("refresh_token") - refreshesBefore)
          .as("round %d: refresh requests that reached the sandbox", round).isEqualTo(1);
      assertThat(linesInClientLogs(TOKEN_ENDPOINT_LINE) - tokenRequestsLoggedBefore)
          .as("round %d: token requests the two clients logged", round).isEqualTo(1);
      List<Integer> askedAfter = usersMeLinesPerClient();
      for (int client = 0; client < twitterClients.size(); client++) {
        assertThat(askedAfter.get(client) - askedBefore.get(client))
            .as("round %d: %s called users/me", round, twitterClients.get(client).name()).isPositive();
      }
      String rotated = lastIssuedToken();
      List<String> usedInRound = bearerTokensUsedSince(bearerCallsBefore);
      assertThat(rotated).as("round %d: a new access token", round).isNotEqualTo(token);
      assertThat(usedInRound).as("round %d: bearer tokens presented", round).isSubsetOf(token, rotated);
      assertThat(usedInRound.stream().filter(rotated::equals).count())
          .as("round %d: calls answered with the rotated token", round).isGreaterThanOrEqualTo(CALLS_PER_ROUND);

      int bearerCallsAfterRound = witness.bearerTokensUsed().size();
      assertThat(outcomes("round " + round + ", afterwards", usersMeAtOnce(CALLS_AFTER_A_ROUND)))
          .containsOnly(SignIn.ADA);
      assertThat(bearerTokensUsedSince(bearerCallsAfterRound)).as("round %d: tokens presented afterwards", round)
          .hasSize(CALLS_AFTER_A_ROUND).containsOnly(rotated);
      assertThat(witness.oauth2TokenRequests("refresh_token") - refreshesBefore)
          .as("round %d: refreshes once the calls afterwards are answered", round).isEqualTo(1);
      token = rotated;
    }
    assertThat(witness.oauth2AccessTokensIssued()).as("access tokens issued: the sign-in's and one per round")
        .hasSize(ROUNDS + 1).doesNotHaveDuplicates();
  }

  private static List<Future<TwitterUser>> usersMeAtOnce(int count) {
    try {
      return caller.usersMeAtOnce(SignIn.ADA, count).await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException lost) {
      throw new AssertionError("Calls neither answered nor failed within " + DEADLINE.toSeconds() + " s", lost);
    }
  }

  /** The id each call was answered with; any failure fails the test, with every failure counted by code. */
  private static List<String> outcomes(String calledWhen, List<Future<TwitterUser>> calls) {
    Map<String, Long> failures = calls.stream().filter(Future::failed)
        .collect(Collectors.groupingBy(call -> call.cause() instanceof TwitterFailureException twitter
            ? twitter.failure().name() : call.cause().toString(), Collectors.counting()));
    assertThat(failures).as("%s: failed calls, by failure", calledWhen).isEmpty();
    return calls.stream().map(call -> call.result().id()).toList();
  }

  private static String lastIssuedToken() {
    List<String> issued = witness.oauth2AccessTokensIssued();
    return issued.get(issued.size() - 1);
  }

  private static List<String> bearerTokensUsedSince(int count) {
    List<String> used = witness.bearerTokensUsed();
    return used.subList(count, used.size());
  }

  private static List<Integer> usersMeLinesPerClient() {
    return twitterClients.stream().map(client -> linesWith(client, USERS_ME_LINE)).toList();
  }

  private static int linesInClientLogs(String text) {
    return twitterClients.stream().mapToInt(client -> linesWith(client, text)).sum();
  }

  private static int linesWith(ServiceProcess process, String text) {
    return (int) process.log().lines().filter(line -> line.contains(text)).count();
  }
}
