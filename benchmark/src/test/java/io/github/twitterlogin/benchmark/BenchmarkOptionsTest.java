package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

  private static final Path ROOT = Path.of("/checkout");

  @Test
  void withoutFlagsItIsThirtyTwoUsersAMinuteOfWarmUpAndAMinuteMeasured() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of(), ROOT);

    assertThat(options.concurrency()).isEqualTo(32);
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.cluster()).isFalse();
    assertThat(options.serviceJar()).isEqualTo(ROOT.resolve("service/target/twitter-login-gateway.jar"));
    assertThat(options.sandboxJar()).isEqualTo(ROOT.resolve("twitter-sandbox/target/twitter-sandbox.jar"));
    assertThat(options.out()).isEqualTo(ROOT.resolve("benchmark/target/login-benchmark-single-c32.json"));
    assertThat(options.markdownOut()).isEqualTo(ROOT.resolve("benchmark/target/login-benchmark-single-c32.md"));
  }

  @Test
  void everyFlagIsRead() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of("--cluster", "--concurrency", "8", "--warmup", "500ms",
        "--duration", "2m", "--out", "/tmp/run.json", "--service-jar", "/s.jar", "--sandbox-jar", "/x.jar",
        "--gateway-jvm-option", "-Xmx1g", "--gateway-jvm-option", "-Dp=4",
        "--gateway-env", "SESSION_BACKUP_COUNT=0", "--gateway-env", "ROLES=gateway"), ROOT);

    assertThat(options.cluster()).isTrue();
    assertThat(options.mode()).isEqualTo("cluster");
    assertThat(options.concurrency()).isEqualTo(8);
    assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.out()).isEqualTo(Path.of("/tmp/run.json"));
    assertThat(options.markdownOut()).isEqualTo(Path.of("/tmp/run.md"));
    assertThat(options.serviceJar()).isEqualTo(Path.of("/s.jar"));
    assertThat(options.sandboxJar()).isEqualTo(Path.of("/x.jar"));
    assertThat(options.gatewayJvmOptions()).containsExactly("-Xmx1g", "-Dp=4");
    assertThat(options.gatewayEnvironment())
        .containsExactly(Map.entry("SESSION_BACKUP_COUNT", "0"), Map.entry("ROLES", "gateway"));
  }

  @Test
  void aGatewayVariableIsNameEqualsValueAndTheLastOneWins() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of("--gateway-env", "JAVA_OPTS=-Da=b=c",
        "--gateway-env", "EMPTY=", "--gateway-env", "JAVA_OPTS=-Dx"), ROOT);

    assertThat(options.gatewayEnvironment()).containsExactly(Map.entry("JAVA_OPTS", "-Dx"), Map.entry("EMPTY", ""));
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--gateway-env", "lower=1"), ROOT))
        .hasMessage("--gateway-env takes NAME=VALUE, a name of capitals, digits and _");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--gateway-env", "NO_VALUE"), ROOT))
        .hasMessageStartingWith("--gateway-env takes NAME=VALUE");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--gateway-env", "PORTS_FILE=/tmp/p"), ROOT))
        .hasMessage("--gateway-env cannot set PORTS_FILE: the benchmark sets it per gateway");
  }

  @Test
  void theReportShowsNoValueOfAVariableThatHoldsASecret() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of("--gateway-env", "TWITTER_CONSUMER_SECRET=s3cr3t",
        "--gateway-env", "SESSION_ENCRYPTION_KEYS=k1:abc", "--gateway-env", "TLS_KEY_PASSWORD=pw",
        "--gateway-env", "SESSION_BACKUP_COUNT=2"), ROOT);

    assertThat(options.reportedGatewayEnvironment()).containsExactly(
        Map.entry("TWITTER_CONSUMER_SECRET", BenchmarkOptions.HIDDEN),
        Map.entry("SESSION_ENCRYPTION_KEYS", BenchmarkOptions.HIDDEN),
        Map.entry("TLS_KEY_PASSWORD", BenchmarkOptions.HIDDEN),
        Map.entry("SESSION_BACKUP_COUNT", "2"));
    assertThat(options.gatewayEnvironment()).containsEntry("TWITTER_CONSUMER_SECRET", "s3cr3t");
  }

  @Test
  void theDefaultOutputNamesModeAndConcurrency() {
    assertThat(BenchmarkOptions.parse(List.of("--cluster", "--concurrency", "8"), ROOT).out())
        .isEqualTo(ROOT.resolve("benchmark/target/login-benchmark-cluster-c8.json"));
  }

  @Test
  void stickyKeepsEachLoginOnOneGatewayOfTheCluster() {
    BenchmarkOptions options = BenchmarkOptions.parse(List.of("--cluster", "--sticky", "--concurrency", "8"), ROOT);

    assertThat(options.sticky()).isTrue();
    assertThat(options.mode()).isEqualTo("cluster-sticky");
    assertThat(options.out()).isEqualTo(ROOT.resolve("benchmark/target/login-benchmark-cluster-sticky-c8.json"));
    assertThat(BenchmarkOptions.parse(List.of("--cluster"), ROOT).sticky()).isFalse();
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--sticky"), ROOT))
        .hasMessage("--sticky needs --cluster: one gateway keeps every login anyway");
  }

  @Test
  void aBareNumberIsSeconds() {
    assertThat(BenchmarkOptions.duration("--warmup", "0")).isEqualTo(Duration.ZERO);
    assertThat(BenchmarkOptions.duration("--warmup", "15")).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void badInputNamesTheFlag() {
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--duration", "soon"), ROOT))
        .hasMessageContaining("--duration");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--concurrency", "many"), ROOT))
        .hasMessageContaining("--concurrency");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--concurrency", "0"), ROOT))
        .hasMessageContaining("--concurrency");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--duration", "0s"), ROOT))
        .hasMessageContaining("--duration");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--out"), ROOT)).hasMessage("--out needs a value");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--fast"), ROOT)).hasMessage("Unknown option --fast");
  }
}
