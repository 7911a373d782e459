package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A tiny real run of the benchmark's jar, as its one command runs it, against the jars built in
 * package: two gateway processes (the mode with the most parts), two users, a few seconds.
 */
class LoginBenchmarkIT {

  private static final long DEADLINE_SECONDS = 180;

  @Test
  void aShortClusterRunSignsUsersInAndStopsEveryProcessItStarted() throws Exception {
    Path out = Path.of(System.getProperty("smoke.out")).resolve("cluster-c2.json");
    Files.deleteIfExists(out);

    Process benchmark = run(out, "--cluster", "--concurrency", "2", "--warmup", "2s", "--duration", "6s",
        "--service-jar", System.getProperty("service.jar"),
        "--sandbox-jar", System.getProperty("sandbox.jar"));

    assertThat(benchmark.exitValue()).as("exit status; its output in %s", log(out)).isZero();
    JsonObject report = new JsonObject(Files.readString(out));
    assertThat(report.getLong("logins")).isPositive();
    assertThat(report.getJsonObject("errors").getMap()).allSatisfy((step, count) -> assertThat(count).isEqualTo(0));
    assertThat(report.getDouble("gatewayCpuMsPerLogin")).isPositive();
    JsonObject byThreadKind = report.getJsonObject("gatewayCpuMsPerLoginByThreadKind");
    assertThat(byThreadKind.fieldNames()).containsExactlyInAnyOrder("eventLoops", "hazelcast", "jit", "gc", "other");
    assertThat(byThreadKind.getDouble("eventLoops")).isPositive();
    assertThat(byThreadKind.getDouble("hazelcast")).isPositive();
    assertThat(byThreadKind.getMap().values().stream().mapToDouble(ms -> ((Number) ms).doubleValue()).sum())
        .isCloseTo(report.getDouble("gatewayCpuMsPerLogin"), within(report.getDouble("gatewayCpuMsPerLogin") * 0.05));
    assertThat(report.getDouble("mapOperationsPerLogin")).isPositive();
    assertThat(report.getJsonObject("mapOperationsPerLoginByMap").getMap()).containsKey("twitter-login.sessions");
    assertThat(report.getJsonArray("gatewayRssMiB")).hasSize(2);
    assertThat(Files.readString(out.resolveSibling("cluster-c2.md"))).contains("| cluster | 2 |");
    assertThat(report.getJsonObject("processes").fieldNames()).containsExactlyInAnyOrder("sandbox", "gateway-a",
        "gateway-b");
    for (String name : report.getJsonObject("processes").fieldNames()) {
      long pid = report.getJsonObject("processes").getLong(name);
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("%s, pid %d", name, pid).isEmpty();
    }
  }

  private static Process run(Path out, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-jar", System.getProperty("benchmark.jar")));
    command.addAll(List.of(args));
    command.addAll(List.of("--out", out.toString()));
    Files.createDirectories(out.getParent());
    Process benchmark = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(out).toFile()).start();
    if (!benchmark.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      // SIGTERM: its shutdown hook stops the processes it started.
      benchmark.destroy();
      benchmark.waitFor(60, TimeUnit.SECONDS);
      throw new AssertionError("The benchmark did not finish within " + DEADLINE_SECONDS + " s; see " + log(out));
    }
    return benchmark;
  }

  private static Path log(Path out) {
    return out.resolveSibling("benchmark.log");
  }
}
