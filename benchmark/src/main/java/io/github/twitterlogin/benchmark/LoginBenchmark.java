package io.github.twitterlogin.benchmark;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Logins per second of the service and what each costs, in one command:
 * {@code java -jar benchmark/target/login-benchmark.jar --concurrency 32 --duration 60s --warmup 60s [--cluster]}.
 * Starts the sandbox and the gateway process(es) from the built jars, drives logins through them
 * for the warm-up and then the measured window, reads each process's counters at the window's
 * edges, writes the report as Markdown and JSON, and stops every process it started.
 */
public final class LoginBenchmark {

  private static final long STOP_DEADLINE_SECONDS = 60;
  private static final long WARMUP_LOGINS_DEADLINE_SECONDS = 300;
  private static final long POLL_MILLIS = 100;

  private LoginBenchmark() {
  }

  public static void main(String[] args) {
    BenchmarkOptions options;
    try {
      if (Arrays.asList(args).contains("--help")) {
        System.out.println(BenchmarkOptions.USAGE);
        return;
      }
      options = BenchmarkOptions.parse(Arrays.asList(args), projectRoot());
    } catch (IllegalArgumentException badOption) {
      System.err.println(badOption.getMessage() + "\n" + BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      RunReport report = run(options);
      System.out.println(RunReport.markdownTable(List.of(report)));
      System.out.println("Markdown: " + options.markdownOut() + "\nJSON: " + options.out());
      System.exit(report.logins() > 0 ? 0 : 1);
    } catch (Exception failure) {
      System.err.println("The benchmark failed: " + failure);
      System.exit(1);
    }
  }

  static RunReport run(BenchmarkOptions options) throws Exception {
    requireFile(options.serviceJar(), "the service's jar");
    requireFile(options.sandboxJar(), "the sandbox's jar");
    Path logs = options.out().resolveSibling(options.markdownOut().getFileName().toString().replace(".md", "-logs"));
    try (Launched launched = new Launched()) {
      System.out.println("Starting the sandbox and " + (options.cluster() ? "two gateways" : "a gateway")
          + "; their logs in " + logs);
      Topology topology = Topology.start(options, launched, logs);
      List<JvmProbe> probes = attach(topology);
      try {
        RunReport report = drive(options, topology, probes);
        write(options, report);
        return report;
      } finally {
        for (JvmProbe probe : probes) {
          probe.close();
        }
      }
    }
  }

  private static RunReport drive(BenchmarkOptions options, Topology topology, List<JvmProbe> probes)
      throws Exception {
    // One event loop: the driver must cost less than what it measures.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    LoadDriver driver = new LoadDriver(vertx, topology.gatewayPorts, topology.sandboxUrl, options.concurrency(),
        options.sticky());
    try {
      Future<Void> running = driver.start();
      System.out.println("Warming up for " + options.warmup().toSeconds() + " s with " + options.concurrency()
          + " users");
      Thread.sleep(options.warmup().toMillis());
      awaitEveryUserSignedInOnce(driver, options.concurrency());
      Snapshot start = Snapshot.take(topology, probes);
      System.out.println("Measuring for " + options.duration().toSeconds() + " s");
      Thread.sleep(options.duration().toMillis());
      Snapshot end = Snapshot.take(topology, probes);
      driver.stop();
      running.await(STOP_DEADLINE_SECONDS, TimeUnit.SECONDS);
      requireAlive(topology);
      return Window.report(options, start, end, driver.results(), topology.pids());
    } finally {
      driver.stop();
      vertx.close().await(STOP_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * A window that opens before the first logins are through would measure the JVMs' start, not
   * their work: on a loaded machine the warm-up lasts until there have been as many logins as users.
   */
  private static void awaitEveryUserSignedInOnce(LoadDriver driver, int users) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_LOGINS_DEADLINE_SECONDS);
    if (driver.succeeded() < users) {
      System.out.println("Warming up until there have been " + users + " logins");
    }
    while (driver.succeeded() < users) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Fewer than " + users + " logins succeeded in the warm-up and "
            + WARMUP_LOGINS_DEADLINE_SECONDS + " s more; see the processes' logs");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static List<JvmProbe> attach(Topology topology) throws Exception {
    List<JvmProbe> probes = new ArrayList<>();
    for (LaunchedProcess gateway : topology.gateways) {
      probes.add(JvmProbe.attach(gateway.pid()));
    }
    return probes;
  }

  private static void requireAlive(Topology topology) {
    for (LaunchedProcess gateway : topology.gateways) {
      if (!gateway.isAlive()) {
        throw new IllegalStateException(gateway.name() + " exited during the run; see " + gateway.log());
      }
    }
  }

  private static void write(BenchmarkOptions options, RunReport report) throws Exception {
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    Files.writeString(options.out(), report.toJson().encodePrettily() + "\n");
    Files.writeString(options.markdownOut(), RunReport.markdownTable(List.of(report)) + "\n");
  }

  private static void requireFile(Path path, String what) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(what + " is not at " + path + ": build it first with"
          + " `mvn -B -q package -DskipTests`, or name it with --service-jar / --sandbox-jar");
    }
  }

  /**
   * The checkout the benchmark was built in: its jar is {@code benchmark/target/login-benchmark.jar}
   * and its classes {@code benchmark/target/classes}, both three levels below.
   */
  static Path projectRoot() {
    try {
      Path location = Path.of(LoginBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.toAbsolutePath().getParent().getParent().getParent();
    } catch (Exception notFound) {
      return Path.of("").toAbsolutePath();
    }
  }
}
