package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        "--gateway-jvm-option", "-Xmx1g", "--gateway-jvm-option", "-Dp=4"), ROOT);

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
