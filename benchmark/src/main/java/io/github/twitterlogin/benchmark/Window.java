package io.github.twitterlogin.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The measured window, between two snapshots: the logins that finished in it, and what the
 * processes spent meanwhile. Costs are per successful login; the warm-up before and the logins
 * still running after count for nothing.
 */
final class Window {

  private static final int MAX_FAILURE_SAMPLES = 5;
  private static final double NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

  private Window() {
  }

  static RunReport report(BenchmarkOptions options, Snapshot start, Snapshot end, List<LoginResult> results,
      Map<String, Long> processes) {
    List<LoginResult> inWindow = results.stream()
        .filter(login -> login.endNanos() >= start.nanos() && login.endNanos() < end.nanos())
        .toList();
    List<LoginResult> succeeded = inWindow.stream().filter(LoginResult::succeeded).toList();
    long logins = succeeded.size();
    double seconds = (end.nanos() - start.nanos()) / 1e9;
    Percentiles latency = Percentiles.of(succeeded.stream().mapToLong(LoginResult::latencyNanos).toArray());
    Percentiles added = Percentiles.of(succeeded.stream().mapToLong(LoginResult::gatewayAddedNanos).toArray());
    long gatewayCpu = sum(end, Snapshot.Gateway::cpuNanos) - sum(start, Snapshot.Gateway::cpuNanos);
    long threads = sum(end, Snapshot.Gateway::threadsStarted) - sum(start, Snapshot.Gateway::threadsStarted);
    Map<String, Double> mapOperations = perLogin(mapOperations(end), mapOperations(start), logins);
    long sandboxCpu = end.sandboxCpuNanos() - start.sandboxCpuNanos();
    long driverCpu = end.driverCpuNanos() - start.driverCpuNanos();
    long othersCpu = end.machineBusyNanos() - start.machineBusyNanos() - gatewayCpu - sandboxCpu - driverCpu;
    double machineNanos = (end.nanos() - start.nanos()) * (double) Runtime.getRuntime().availableProcessors();
    return new RunReport(
        options.mode(),
        options.concurrency(),
        options.warmup().toSeconds(),
        seconds,
        logins,
        logins / seconds,
        millis(latency, 50),
        millis(latency, 90),
        millis(latency, 99),
        millis(added, 99),
        errors(inWindow),
        failureSamples(inWindow),
        gatewayCpu / NANOS_PER_MILLI / logins,
        cpuMillisPerLoginByThreadKind(start, end, logins),
        (double) threads / logins,
        mapOperations.values().stream().mapToDouble(Double::doubleValue).sum(),
        mapOperations,
        end.gateways().stream().map(gateway -> gateway.rssKib() / 1024).toList(),
        sandboxCpu / NANOS_PER_MILLI / logins,
        driverCpu / NANOS_PER_MILLI / logins,
        Math.max(0, 100 * othersCpu / machineNanos),
        start.loadAverage(),
        end.loadAverage(),
        Runtime.getRuntime().availableProcessors(),
        options.gatewayJvmOptions(),
        options.reportedGatewayEnvironment(),
        processes);
  }

  private static double millis(Percentiles percentiles, double percent) {
    return percentiles.count() == 0 ? Double.NaN : percentiles.at(percent) / NANOS_PER_MILLI;
  }

  private static long sum(Snapshot snapshot, ToLongFunction<Snapshot.Gateway> counter) {
    return snapshot.gateways().stream().mapToLong(counter).sum();
  }

  /** Summed over the gateways, in milliseconds per login; every kind is there, 0 if it spent nothing. */
  private static Map<ProcFs.ThreadKind, Double> cpuMillisPerLoginByThreadKind(Snapshot start, Snapshot end,
      long logins) {
    Map<ProcFs.ThreadKind, Double> perLogin = new EnumMap<>(ProcFs.ThreadKind.class);
    for (ProcFs.ThreadKind kind : ProcFs.ThreadKind.values()) {
      long spent = sum(end, gateway -> gateway.cpuNanosByThreadKind().getOrDefault(kind, 0L))
          - sum(start, gateway -> gateway.cpuNanosByThreadKind().getOrDefault(kind, 0L));
      perLogin.put(kind, spent / NANOS_PER_MILLI / logins);
    }
    return perLogin;
  }

  /** Summed over the members: each counts the operations it called. */
  private static Map<String, Long> mapOperations(Snapshot snapshot) {
    Map<String, Long> total = new TreeMap<>();
    snapshot.gateways().forEach(gateway -> gateway.mapOperations().forEach((map, count) ->
        total.merge(map, count, Long::sum)));
    return total;
  }

  private static Map<String, Double> perLogin(Map<String, Long> end, Map<String, Long> start, long logins) {
    Map<String, Double> perLogin = new TreeMap<>();
    end.forEach((map, count) -> {
      long operations = count - start.getOrDefault(map, 0L);
      if (operations > 0) {
        perLogin.put(map, (double) operations / logins);
      }
    });
    return perLogin;
  }

  private static Map<Step, Long> errors(List<LoginResult> logins) {
    Map<Step, Long> errors = new EnumMap<>(Step.class);
    for (Step step : Step.values()) {
      errors.put(step, logins.stream().filter(login -> login.failedStep() == step).count());
    }
    return errors;
  }

  private static List<String> failureSamples(List<LoginResult> logins) {
    List<String> samples = new ArrayList<>();
    for (LoginResult login : logins) {
      String sample = login.succeeded() ? null : login.failedStep().key() + ": " + login.failure();
      if (sample != null && !samples.contains(sample) && samples.size() < MAX_FAILURE_SAMPLES) {
        samples.add(sample);
      }
    }
    return samples;
  }
}
