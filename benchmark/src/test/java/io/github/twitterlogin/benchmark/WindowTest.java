package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long MILLI = 1_000_000L;
  private static final BenchmarkOptions CLUSTER = BenchmarkOptions.parse(
      List.of("--cluster", "--concurrency", "8", "--warmup", "1s", "--duration", "10s"), Path.of("/checkout"));

  /**
   * Starts at 100 s, ends at 110 s; two gateways, each spending 0.5 s of CPU and starting 10
   * threads; the machine busy for 5.3 s, 1.3 s of them this run's (gateways, sandbox, driver).
   */
  private static final Snapshot START = new Snapshot(100 * SECOND, 10 * SECOND, 20 * SECOND, List.of(
      new Snapshot.Gateway(30 * SECOND, kinds(20 * SECOND, 5 * SECOND, 5 * SECOND), 100, Map.of("sessions", 1_000L),
          300 * 1024),
      new Snapshot.Gateway(40 * SECOND, kinds(30 * SECOND, 5 * SECOND, 5 * SECOND), 200, Map.of("sessions", 2_000L),
          310 * 1024)), 500 * SECOND, 0.5);
  private static final Snapshot END = new Snapshot(110 * SECOND, 10 * SECOND + 100 * MILLI, 20 * SECOND + 200 * MILLI,
      List.of(
          new Snapshot.Gateway(30 * SECOND + 500 * MILLI,
              kinds(20 * SECOND + 300 * MILLI, 5 * SECOND + 100 * MILLI, 5 * SECOND + 100 * MILLI), 110,
              Map.of("sessions", 1_300L, "__vertx.subs", 4L), 400 * 1024),
          new Snapshot.Gateway(40 * SECOND + 500 * MILLI,
              kinds(30 * SECOND + 300 * MILLI, 5 * SECOND + 200 * MILLI, 5 * SECOND), 210, Map.of("sessions", 2_300L),
              420 * 1024)),
      500 * SECOND + 5_300 * MILLI, 1.5);

  @Test
  void onlyLoginsThatEndInTheWindowCount() {
    List<LoginResult> results = new ArrayList<>();
    results.add(login(99 * SECOND, 100 * SECOND - 1, 10, 5));
    for (int i = 0; i < 100; i++) {
      results.add(login(100 * SECOND + i * 50 * MILLI, 100 * SECOND + i * 50 * MILLI + (i + 1) * MILLI, 40, 10));
    }
    results.add(login(109 * SECOND, 110 * SECOND, 10, 5));

    RunReport report = Window.report(CLUSTER, START, END, results, Map.of());

    assertThat(report.logins()).isEqualTo(100);
    assertThat(report.loginsPerSecond()).isEqualTo(10.0);
    assertThat(report.p50Ms()).isEqualTo(50.0);
    assertThat(report.p90Ms()).isEqualTo(90.0);
    assertThat(report.p99Ms()).isEqualTo(99.0);
    assertThat(report.gatewayAddedP99Ms()).isEqualTo(30.0);
  }

  @Test
  void costsAreTheProcessesCountersOverTheWindowPerLogin() {
    RunReport report = Window.report(CLUSTER, START, END, logins(200), Map.of());

    // 0.5 s of CPU on each gateway over 200 logins.
    assertThat(report.gatewayCpuMsPerLogin()).isCloseTo(5.0, within(1e-9));
    // Event loops 0.3 s on each, Hazelcast 0.1 and 0.2 s, the rest 0.1 s and nothing.
    assertThat(report.gatewayCpuMsPerLoginByThreadKind()).containsOnlyKeys(ProcFs.ThreadKind.values());
    assertThat(report.gatewayCpuMsPerLoginByThreadKind().get(ProcFs.ThreadKind.EVENT_LOOPS)).isCloseTo(3.0, within(1e-9));
    assertThat(report.gatewayCpuMsPerLoginByThreadKind().get(ProcFs.ThreadKind.HAZELCAST)).isCloseTo(1.5, within(1e-9));
    assertThat(report.gatewayCpuMsPerLoginByThreadKind().get(ProcFs.ThreadKind.OTHER)).isCloseTo(0.5, within(1e-9));
    assertThat(report.gatewayCpuMsPerLoginByThreadKind().get(ProcFs.ThreadKind.JIT)).isZero();
    assertThat(report.threadsPerLogin()).isEqualTo(0.1);
    assertThat(report.mapOperationsPerLoginByMap()).containsEntry("sessions", 3.0).containsEntry("__vertx.subs", 0.02);
    assertThat(report.mapOperationsPerLogin()).isCloseTo(3.02, within(1e-9));
    assertThat(report.sandboxCpuMsPerLogin()).isCloseTo(1.0, within(1e-9));
    assertThat(report.driverCpuMsPerLogin()).isCloseTo(0.5, within(1e-9));
    assertThat(report.gatewayRssMiB()).containsExactly(400L, 420L);
    // 4 s of others' CPU in a window of 10 s on each core.
    assertThat(report.othersCpuPercent())
        .isCloseTo(40.0 / Runtime.getRuntime().availableProcessors(), within(1e-9));
    assertThat(report.loadAverageStart()).isEqualTo(0.5);
    assertThat(report.loadAverageEnd()).isEqualTo(1.5);
  }

  @Test
  void errorsAreCountedByTheStepTheyHappenedIn() {
    List<LoginResult> results = new ArrayList<>(logins(10));
    results.add(failed(Step.CALLBACK, "HTTP 400, not a 302 redirect"));
    results.add(failed(Step.CALLBACK, "HTTP 400, not a 302 redirect"));
    results.add(failed(Step.APP, "HTTP 401, not 200"));

    RunReport report = Window.report(CLUSTER, START, END, results, Map.of());

    assertThat(report.logins()).isEqualTo(10);
    assertThat(report.errors()).containsExactly(Map.entry(Step.AUTH, 0L), Map.entry(Step.AUTHENTICATE, 0L),
        Map.entry(Step.CALLBACK, 2L), Map.entry(Step.APP, 1L));
    assertThat(report.errorCount()).isEqualTo(3);
    assertThat(report.failureSamples())
        .containsExactly("callback: HTTP 400, not a 302 redirect", "app: HTTP 401, not 200");
  }

  @Test
  void aWindowWithoutLoginsHasNoFigures() {
    RunReport report = Window.report(CLUSTER, START, END, List.of(failed(Step.AUTH, "Connection refused")), Map.of());

    assertThat(report.logins()).isZero();
    assertThat(report.p99Ms()).isNaN();
    assertThat(report.errorCount()).isEqualTo(1);
  }

  /** A gateway's CPU by thread kind, with no JIT nor GC time. */
  private static Map<ProcFs.ThreadKind, Long> kinds(long eventLoops, long hazelcast, long other) {
    return Map.of(ProcFs.ThreadKind.EVENT_LOOPS, eventLoops, ProcFs.ThreadKind.HAZELCAST, hazelcast,
        ProcFs.ThreadKind.OTHER, other);
  }

  private static List<LoginResult> logins(int count) {
    List<LoginResult> logins = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      logins.add(login(101 * SECOND, 102 * SECOND, 30, 10));
    }
    return logins;
  }

  private static LoginResult login(long start, long end, long gatewayMillis, long providerMillis) {
    return new LoginResult(start, end, gatewayMillis * MILLI, providerMillis * MILLI, null, null);
  }

  private static LoginResult failed(Step step, String failure) {
    return new LoginResult(101 * SECOND, 102 * SECOND, 0, 0, step, failure);
  }
}
