package io.github.twitterlogin.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void aRowHasOneCellPerColumnOfTheHeader() {
    String table = RunReport.markdownTable(List.of(report(643.25, 156.04)));
    List<String> lines = table.lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(cells(lines.get(2))).hasSameSizeAs(cells(lines.get(0)));
    assertThat(cells(lines.get(1))).hasSameSizeAs(cells(lines.get(0)));
  }

  @Test
  void aRowShowsTheFiguresRounded() {
    assertThat(report(643.25, 156.04).markdownRow()).isEqualTo(
        "| cluster | 32 | 643.3 | 40.5 | 90.0 | 156.0 | 120.0 | 0/0/3/1 | 1.90 | 1.20/0.50/0.05/0.15/– | 0.01 | 12.50"
            + " | 410 + 420"
            + " | 0.80 | 0.60 | 3 |");
  }

  @Test
  void aFigureTheWindowCouldNotGiveIsADashAndNullInJson() {
    RunReport empty = report(0, Double.NaN);

    assertThat(cells(empty.markdownRow()).get(5)).isEqualTo("–");
    assertThat(empty.toJson().getJsonObject("latencyMs").getValue("p99")).isNull();
    assertThat(empty.toJson().containsKey("latencyMs")).isTrue();
  }

  @Test
  void theJsonNamesEveryFigure() {
    JsonObject json = report(643.25, 156.04).toJson();

    assertThat(json.getString("mode")).isEqualTo("cluster");
    assertThat(json.getDouble("loginsPerSecond")).isEqualTo(643.25);
    assertThat(json.getJsonObject("latencyMs").getDouble("p99")).isEqualTo(156.04);
    assertThat(json.getJsonObject("errors").getMap()).containsEntry("callback", 3L).containsEntry("app", 1L);
    assertThat(json.getJsonObject("mapOperationsPerLoginByMap").getDouble("twitter-login.sessions")).isEqualTo(12.5);
    assertThat(json.getJsonArray("gatewayRssMiB").getList()).containsExactly(410L, 420L);
    assertThat(json.getJsonObject("processes").getLong("gateway-a")).isEqualTo(4242L);
    assertThat(json.getDouble("othersCpuPercent")).isEqualTo(3.4);
    assertThat(json.getJsonObject("gatewayCpuMsPerLoginByThreadKind").getMap())
        .containsExactly(Map.entry("eventLoops", 1.2), Map.entry("hazelcast", 0.5), Map.entry("jit", 0.05),
            Map.entry("gc", 0.15));
    assertThat(json.getJsonObject("gatewayEnvironment").getString("SESSION_BACKUP_COUNT")).isEqualTo("0");
    assertThat(json.getJsonArray("failureSamples").getList()).containsExactly("callback: HTTP 400, not a 302 redirect");
    // Parsed back, as the smoke test and a later comparison read it.
    assertThat(new JsonObject(json.encodePrettily())).isEqualTo(json);
  }

  private static RunReport report(double loginsPerSecond, double p99) {
    Map<Step, Long> errors = new EnumMap<>(Step.class);
    errors.put(Step.AUTH, 0L);
    errors.put(Step.AUTHENTICATE, 0L);
    errors.put(Step.CALLBACK, 3L);
    errors.put(Step.APP, 1L);
    return new RunReport("cluster", 32, 60, 60.0, 38_595, loginsPerSecond, 40.46, 90.0, p99, 120.0, errors,
        List.of("callback: HTTP 400, not a 302 redirect"), 1.9, byThreadKind(), 0.0123, 12.5, Map.of("twitter-login.sessions", 12.5),
        List.of(410L, 420L), 0.8, 0.6, 3.4, 0.25, 1.75, 2, List.of(),
        Map.of("SESSION_BACKUP_COUNT", "0"), Map.of("gateway-a", 4242L));
  }

  /** No figure for the other threads: the row shows a dash. */
  private static Map<ProcFs.ThreadKind, Double> byThreadKind() {
    Map<ProcFs.ThreadKind, Double> byThreadKind = new EnumMap<>(ProcFs.ThreadKind.class);
    byThreadKind.put(ProcFs.ThreadKind.EVENT_LOOPS, 1.2);
    byThreadKind.put(ProcFs.ThreadKind.HAZELCAST, 0.5);
    byThreadKind.put(ProcFs.ThreadKind.JIT, 0.05);
    byThreadKind.put(ProcFs.ThreadKind.GC, 0.15);
    return byThreadKind;
  }

  private static List<String> cells(String row) {
    String inner = row.substring(row.indexOf('|') + 1, row.lastIndexOf('|'));
    return List.of(inner.split("\\|", -1)).stream().map(String::trim).toList();
  }
}
