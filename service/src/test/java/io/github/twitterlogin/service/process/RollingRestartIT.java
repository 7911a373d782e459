package io.github.twitterlogin.service.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.SandboxWitness;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rolling restart of the gateways, as an orchestrator does one: gateway A gets SIGTERM and is
 * started again, then gateway B, each step waiting for the cluster to have every backup in place
 * again. A person signed in before the restart stays signed in at every step, on whichever
 * gateway serves them, and a new person can sign in at every step. The Twitter client runs in a
 * process of its own, and so does the sandbox.
 */
class RollingRestartIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String ZOE = "1000000002";

  @RegisterExtension
  static final LaunchedProcesses processes = new LaunchedProcesses();

  private static final Browsers browsers = new Browsers();

  private static LoopbackCluster cluster;
  private static TestJvmMember member;
  private static SandboxWitness witness;

  @BeforeAll
  static void startCluster() throws Exception {
    TestApp app = TestApp.create();
    WitnessedSandbox sandbox = WitnessedSandbox.start(processes, app);
    cluster = LoopbackCluster.start("rolling-restart");
    member = cluster.testJvm();
    witness = sandbox.awaitWitness(browsers.vertx());
    processes.startService("twitter-client", cluster.member().roles("twitter-client").twitterApi(witness.url(), app))
        .awaitReady();
  }

  @AfterAll
  static void leave() throws Exception {
    browsers.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void signedInPersonStaysSignedInAndNewLoginsCompleteThroughoutARollingRestart() {
    ServiceProcess a = startGateway("gateway-a");
    ServiceProcess b = startGateway("gateway-b");
    ServiceProcess.awaitAllReady(a, b);
    // This JVM, the Twitter client, gateways A and B.
    member.awaitMemberCount(4, DEADLINE);
    Browser person = browsers.open();
    SignIn.signInThrough(person, a.httpPort(), SignIn.ADA);

    a = restart(a, b, person, "gateway-a-restarted");
    b = restart(b, a, person, "gateway-b-restarted");

    assertThat(SignIn.signedInScreenName(person, a.httpPort())).isEqualTo(SignIn.ADA_SCREEN_NAME);
    assertThat(SignIn.signedInScreenName(person, b.httpPort())).isEqualTo(SignIn.ADA_SCREEN_NAME);
    assertThat(witness.refusals()).isEmpty();
  }

  /**
   * One step of the rolling restart: SIGTERM to {@code stopping} while {@code other} serves, then
   * a new process in its place. Before and after the new one starts, the person is still signed
   * in and a new login completes.
   */
  private ServiceProcess restart(ServiceProcess stopping, ServiceProcess other, Browser person, String newName) {
    member.awaitClusterSafe(DEADLINE);
    assertThat(stopping.terminate(DEADLINE)).as("exit status of %s on SIGTERM", stopping).isZero();
    member.awaitMemberCount(3, DEADLINE);
    assertStillServing(person, other.httpPort(), "with " + stopping.name() + " stopped");

    ServiceProcess started = startGateway(newName);
    started.awaitReady();
    member.awaitMemberCount(4, DEADLINE);
    assertStillServing(person, started.httpPort(), "on " + newName);
    assertStillServing(person, other.httpPort(), "on " + other.name() + " once " + newName + " runs");
    return started;
  }

  private static void assertStillServing(Browser person, int gateway, String step) {
    assertThat(SignIn.signedInScreenName(person, gateway)).as("the person signed in before, " + step)
        .isEqualTo(SignIn.ADA_SCREEN_NAME);
    Browser newcomer = browsers.open();
    SignIn.signInThrough(newcomer, gateway, ZOE);
    assertThat(SignIn.signedInScreenName(newcomer, gateway)).as("a new login, " + step).isEqualTo("zoe_angstrom");
  }

  private static ServiceProcess startGateway(String name) {
    return processes.startService(name, cluster.member().roles("gateway").gateway(SignIn.LOAD_BALANCER_URL));
  }
}
