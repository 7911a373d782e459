package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import com.hazelcast.map.LocalMapStats;
import io.github.twitterlogin.service.process.Eventually;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Vert.x instances in one JVM, each its own Hazelcast member on 127.0.0.1: the sandbox, the
 * Twitter client and gateway A on one, gateway B on the other. Both gateways have B's public URL,
 * as behind a load balancer, so Twitter sends the browser back to B.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class ClusteredSignInTest {

  private static final String ZOE = "1000000002";
  private static final String HIRO = "1000000003";
  /** Signed in by one test only, so that HIRO's first sign-in stays the first. */
  private static final String ADA = "1000000001";
  private static final String MALLORY = "1000000004";
  private static final int LOGINS = 20;

  private static ClusterMembers cluster;
  private static Vertx nodeA;
  private static Vertx nodeB;
  private static String gatewayA;
  private static String gatewayB;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ClusterMembers.startOnLoopback("sign-in-test", 2);
    nodeA = cluster.get(0);
    nodeB = cluster.get(1);
    String sandbox = LoopbackDeployments.sandbox(nodeA, SandboxConsumer.DEFAULT_CALLBACK_PREFIXES);
    LoopbackDeployments.twitterClient(nodeA, LoopbackDeployments.witness(nodeA, sandbox).url());
    gatewayB = LoopbackDeployments.gateway(nodeB);
    gatewayA = LoopbackDeployments.gatewayBehind(nodeA, gatewayB);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void loginStartedOnOneGatewayCompletesOnTheOther() {
    SignInBrowser browser = new SignInBrowser(nodeA);
    HttpResponse<Buffer> auth = browser.get(gatewayA + "/auth");
    String callback = browser.consent(auth.getHeader("Location"), ZOE, "authorize");
    assertThat(callback).startsWith(gatewayB + "/callback?");

    HttpResponse<Buffer> completed = browser.get(callback);

    assertThat(completed.statusCode()).isEqualTo(302);
    assertThat(browser.getJson(gatewayB + "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("zoe_angstrom");
    assertThat(browser.getJson(gatewayA + "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("zoe_angstrom");
  }

  /**
   * A first sign-in, started on A and finished on B, then the app read on B: the session is stored
   * at /auth, read and taken (left empty, so removed) at the callback and stored anew under its new
   * id, read at /app; the token is stored once, without a read, as she has none kept yet.
   */
  @Test
  void aLoginCostsFiveSessionOperationsAndOneToKeepTheToken() {
    long sessionsBefore = operations(ClusterSettings.SESSION_MAP_NAME);
    long tokensBefore = operations(ClusterSettings.USER_TOKEN_MAP_NAME);
    SignInBrowser browser = new SignInBrowser(nodeA);

    HttpResponse<Buffer> auth = browser.get(gatewayA + "/auth");
    browser.get(browser.consent(auth.getHeader("Location"), HIRO, "authorize"));
    assertThat(browser.getJson(gatewayB + "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("hiro");

    // Hazelcast counts an operation as it completes, which may be just after its caller goes on.
    Eventually.until("the login's map operations are counted", Duration.ofSeconds(10),
        () -> operations(ClusterSettings.SESSION_MAP_NAME) - sessionsBefore >= 5
            && operations(ClusterSettings.USER_TOKEN_MAP_NAME) - tokensBefore >= 1);
    assertThat(operations(ClusterSettings.SESSION_MAP_NAME) - sessionsBefore).as("session map operations").isEqualTo(5);
    assertThat(operations(ClusterSettings.USER_TOKEN_MAP_NAME) - tokensBefore).as("token map operations").isEqualTo(1);
  }

  /**
   * Nobody in this cluster listens to the sign-in events, and still their publishes ask the
   * cluster's map of event-bus consumers nothing: Vert.x caches an address's consumers only once
   * it has some, so without the gateway's local consumer each sign-in looked the address up in
   * {@code __vertx.subs} again. What is left are the reads of which members run a Twitter client,
   * at most one every 2 s per member while requests are made ({@code TwitterClientMembers}).
   */
  @Test
  void signInEventsWithNobodyListeningAskTheClusterNothing() {
    new SignInBrowser(nodeA).signIn(gatewayA, ADA);
    long before = subscriptionOperations();
    long started = System.nanoTime();

    for (int login = 0; login < LOGINS; login++) {
      assertThat(new SignInBrowser(nodeA).signIn(gatewayA, login % 2 == 0 ? ADA : MALLORY).statusCode()).isEqualTo(302);
    }

    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
    long membersReads = 2 * (seconds / 2 + 2);
    assertThat(subscriptionOperations() - before).as("__vertx.subs operations over %d logins in %d s", LOGINS, seconds)
        .isLessThanOrEqualTo(Math.min(membersReads, LOGINS / 2));
  }

  private static long subscriptionOperations() {
    return Stream.of(nodeA, nodeB)
        .map(node -> ClusterMembers.hazelcast(node).getMultiMap("__vertx.subs").getLocalMultiMapStats())
        .mapToLong(ClusteredSignInTest::operations).sum();
  }

  /** Every operation on the map that the members made, as the benchmark counts them. */
  private static long operations(String mapName) {
    return Stream.of(nodeA, nodeB).map(node -> ClusterMembers.hazelcast(node).getMap(mapName).getLocalMapStats())
        .mapToLong(ClusteredSignInTest::operations).sum();
  }

  private static long operations(LocalMapStats stats) {
    return stats.getPutOperationCount() + stats.getSetOperationCount() + stats.getGetOperationCount()
        + stats.getRemoveOperationCount() + stats.getOtherOperationCount();
  }

  @Test
  void gatewayWithoutALocalTwitterClientServesTheWholeLogin() {
    SignInBrowser browser = new SignInBrowser(nodeB);

    HttpResponse<Buffer> completed = browser.signIn(gatewayB, ZOE);

    assertThat(completed.statusCode()).isEqualTo(302);
    assertThat(browser.get(gatewayB + "/app").bodyAsString()).contains("Zoë Ångström");
  }

}
