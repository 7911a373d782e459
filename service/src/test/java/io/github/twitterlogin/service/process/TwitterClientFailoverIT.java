package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Twitter client processes and a sandbox process; this JVM, a member of the cluster, calls
 * Twitter through the shared facade as any verticle would, while one client is killed.
 */
class TwitterClientFailoverIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final long EVENT_BUS_TIMEOUT_MILLIS = 5_000;
  /**
   * A request in flight to the killed client fails with CLIENT_UNAVAILABLE once the cluster drops
   * it; one sent to it just before fails so too, or times out should the drop come later.
   */
  private static final Set<TwitterFailure> FAILURES_OF_A_VANISHED_CLIENT =
      Set.of(TwitterFailure.CLIENT_UNAVAILABLE, TwitterFailure.CLIENT_TIMEOUT, TwitterFailure.NO_CLIENT);

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();

  private static LoopbackCluster cluster;
  private static ServiceProcess clientToKill;
  private static TestJvmMember member;
  private static TwitterClient twitter;

  /** What became of one request: answered, or failed with this failure. */
  private record Outcome(TwitterFailure failure) {

    static final Outcome ANSWERED = new Outcome(null);

    boolean answered() {
      return failure == null;
    }

    @Override
    public String toString() {
      return answered() ? "answered" : failure.name();
    }
  }

  @BeforeAll
  static void startCluster() throws Exception {
    TestApp app = TestApp.create();
    WitnessedSandbox sandbox = WitnessedSandbox.start(processes, app);
    cluster = LoopbackCluster.start("twitter-client-failover");
    member = cluster.testJvm();
    String apiUrl = sandbox.awaitWitness(browsers.vertx()).url();
    clientToKill = processes.startService("twitter-client-1",
        cluster.member().roles("twitter-client").twitterApi(apiUrl, app));
    ServiceProcess survivor = processes.startService("twitter-client-2",
        cluster.member().roles("twitter-client").twitterApi(apiUrl, app));
    ServiceProcess.awaitAllReady(clientToKill, survivor);
    // This JVM and the two Twitter clients.
    member.awaitMemberCount(3, DEADLINE);
    twitter = TwitterClient.create(member.vertx(), new DeliveryOptions().setSendTimeout(EVENT_BUS_TIMEOUT_MILLIS));
    // The first calls open connections and load classes in cold JVMs, and may outlast the timeout.
    Eventually.until("a batch reaching both clients fully answered", DEADLINE,
        () -> outcomesOf(requests(4)).stream().allMatch(Outcome::answered));
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void requestsAreAnsweredByTheOtherClientOnceOneIsKilled() {
    assertThat(member.nodesConsuming(TwitterAddresses.REQUEST_TOKEN)).as("Twitter clients").hasSize(2);
    assertThat(outcomesOf(requests(20))).as("before the kill").allMatch(Outcome::answered);

    List<Future<RequestToken>> inFlight = requests(10);
    clientToKill.kill();
    List<Outcome> aroundTheKill = new ArrayList<>(outcomesOf(inFlight));
    // Until every member has dropped the dead client, some requests still go to it.
    Eventually.until("the cluster dropping the killed client, then a batch fully answered", DEADLINE, () -> {
      List<Outcome> batch = outcomesOf(requests(4));
      aroundTheKill.addAll(batch);
      return batch.stream().allMatch(Outcome::answered)
          && member.nodesConsuming(TwitterAddresses.REQUEST_TOKEN).size() == 1;
    });

    assertThat(aroundTheKill).as("around the kill, answered or failed as the facade reports a vanished client: %s",
            aroundTheKill.stream().collect(Collectors.groupingBy(Outcome::toString, Collectors.counting())))
        .allMatch(outcome -> outcome.answered() || FAILURES_OF_A_VANISHED_CLIENT.contains(outcome.failure()));
    assertThat(outcomesOf(requests(50))).as("after the kill was detected").allMatch(Outcome::answered);
  }

  private static List<Future<RequestToken>> requests(int count) {
    return IntStream.range(0, count).mapToObj(i -> twitter.requestToken(SignIn.LOAD_BALANCER_URL + "/callback")).toList();
  }

  /** Each request ends, answered or failed; one that does neither was lost, and fails the test. */
  private static List<Outcome> outcomesOf(List<Future<RequestToken>> requests) {
    return requests.stream().map(TwitterClientFailoverIT::outcomeOf).toList();
  }

  private static Outcome outcomeOf(Future<RequestToken> request) {
    try {
      request.await(EVENT_BUS_TIMEOUT_MILLIS * 10, TimeUnit.MILLISECONDS);
      return Outcome.ANSWERED;
    } catch (TwitterFailureException failure) {
      return new Outcome(failure.failure());
    } catch (TimeoutException lost) {
      throw new AssertionError("A request was neither answered nor failed", lost);
    }
  }
}
