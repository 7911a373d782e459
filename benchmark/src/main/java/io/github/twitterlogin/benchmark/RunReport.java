package io.github.twitterlogin.benchmark;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of one run's measured window, as a row of a Markdown table and as JSON. Latencies
 * in milliseconds; costs per successful login; NaN where the window had no login.
 *
 * @param gatewayAddedP99Ms p99 over logins of (time in gateway requests - time in provider requests)
 * @param gatewayCpuMsPerLoginByThreadKind {@code gatewayCpuMsPerLogin} split by what the threads do
 *     (Vert.x's event loops, Hazelcast's threads, the JIT compilers, the garbage collector, the rest)
 * @param mapOperationsPerLogin Hazelcast map operations summed over all maps and members
 * @param gatewayRssMiB each gateway process's resident memory at the window's end
 * @param othersCpuPercent the CPU that processes other than the run's used in the window, in % of
 *     the machine's: other engineers' builds on a shared machine show here
 * @param processes the pid of each process the run started, by name
 */
record RunReport(
    String mode,
    int concurrency,
    long warmupSeconds,
    double windowSeconds,
    long logins,
    double loginsPerSecond,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double gatewayAddedP99Ms,
    Map<Step, Long> errors,
    List<String> failureSamples,
    double gatewayCpuMsPerLogin,
    Map<ProcFs.ThreadKind, Double> gatewayCpuMsPerLoginByThreadKind,
    double threadsPerLogin,
    double mapOperationsPerLogin,
    Map<String, Double> mapOperationsPerLoginByMap,
    List<Long> gatewayRssMiB,
    double sandboxCpuMsPerLogin,
    double driverCpuMsPerLogin,
    double othersCpuPercent,
    double loadAverageStart,
    double loadAverageEnd,
    int cores,
    List<String> gatewayJvmOptions,
    Map<String, String> gatewayEnvironment,
    Map<String, Long> processes) {

  static final String TABLE_HEADER = String.join("\n",
      "| mode | users | logins/s | p50 ms | p90 ms | p99 ms | gateway adds p99 ms | errors auth/authn/callback/app"
          + " | gateway CPU ms/login | of which event loops/Hazelcast/JIT/GC/other | threads started/login | map ops/login | gateway RSS MiB"
          + " | sandbox CPU ms/login | driver CPU ms/login | others' CPU % |",
      "|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|");

  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  static String markdownTable(List<RunReport> reports) {
    return TABLE_HEADER + "\n" + reports.stream().map(RunReport::markdownRow).collect(Collectors.joining("\n"));
  }

  String markdownRow() {
    return "| " + String.join(" | ",
        mode,
        Integer.toString(concurrency),
        number(loginsPerSecond, 1),
        number(p50Ms, 1),
        number(p90Ms, 1),
        number(p99Ms, 1),
        number(gatewayAddedP99Ms, 1),
        errors.values().stream().map(String::valueOf).collect(Collectors.joining("/")),
        number(gatewayCpuMsPerLogin, 2),
        Stream.of(ProcFs.ThreadKind.values())
            .map(kind -> number(gatewayCpuMsPerLoginByThreadKind.getOrDefault(kind, Double.NaN), 2))
            .collect(Collectors.joining("/")),
        number(threadsPerLogin, 2),
        number(mapOperationsPerLogin, 2),
        gatewayRssMiB.stream().map(String::valueOf).collect(Collectors.joining(" + ")),
        number(sandboxCpuMsPerLogin, 2),
        number(driverCpuMsPerLogin, 2),
        number(othersCpuPercent, 0)) + " |";
  }

  JsonObject toJson() {
    JsonObject errorsByStep = new JsonObject();
    errors.forEach((step, count) -> errorsByStep.put(step.key(), count));
    JsonObject pids = new JsonObject();
    processes.forEach(pids::put);
    JsonObject byThreadKind = new JsonObject();
    gatewayCpuMsPerLoginByThreadKind.forEach((kind, ms) -> byThreadKind.put(kind.key, finite(ms)));
    JsonObject mapOperations = new JsonObject();
    mapOperationsPerLoginByMap.forEach((map, perLogin) -> mapOperations.put(map, finite(perLogin)));
    return new JsonObject()
        .put("mode", mode)
        .put("concurrency", concurrency)
        .put("warmupSeconds", warmupSeconds)
        .put("windowSeconds", finite(windowSeconds))
        .put("logins", logins)
        .put("loginsPerSecond", finite(loginsPerSecond))
        .put("latencyMs", new JsonObject().put("p50", finite(p50Ms)).put("p90", finite(p90Ms)).put("p99", finite(p99Ms)))
        .put("gatewayAddedP99Ms", finite(gatewayAddedP99Ms))
        .put("errors", errorsByStep)
        .put("failureSamples", new JsonArray(failureSamples))
        .put("gatewayCpuMsPerLogin", finite(gatewayCpuMsPerLogin))
        .put("gatewayCpuMsPerLoginByThreadKind", byThreadKind)
        .put("threadsStartedPerLogin", finite(threadsPerLogin))
        .put("mapOperationsPerLogin", finite(mapOperationsPerLogin))
        .put("mapOperationsPerLoginByMap", mapOperations)
        .put("gatewayRssMiB", new JsonArray(gatewayRssMiB))
        .put("sandboxCpuMsPerLogin", finite(sandboxCpuMsPerLogin))
        .put("driverCpuMsPerLogin", finite(driverCpuMsPerLogin))
        .put("othersCpuPercent", finite(othersCpuPercent))
        .put("loadAverage", new JsonObject().put("start", loadAverageStart).put("end", loadAverageEnd))
        .put("cores", cores)
        .put("gatewayJvmOptions", new JsonArray(gatewayJvmOptions))
        .put("gatewayEnvironment", new JsonObject(new LinkedHashMap<>(gatewayEnvironment)))
        .put("processes", pids);
  }

  /** JSON has no NaN: a figure the window could not give is null. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String number(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
  }
}
