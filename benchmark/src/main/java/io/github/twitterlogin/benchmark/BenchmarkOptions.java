package io.github.twitterlogin.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run measures, from the command line: {@code --concurrency N}, {@code --warmup 60s},
 * {@code --duration 60s}, {@code --cluster}, {@code --sticky}, {@code --out FILE.json}, {@code --service-jar},
 * {@code --sandbox-jar} and, repeatable, {@code --gateway-jvm-option OPTION} and {@code --gateway-env NAME=VALUE}.
 *
 * @param sticky with {@code cluster}: each login stays on one gateway, the logins taking the
 *     gateways in turn, as behind a load balancer with sticky sessions; the login that crosses
 *     has a baseline in the same cluster
 * @param root the project's checkout, where the default jars and output are found
 * @param gatewayJvmOptions added to each gateway's {@code java} command, e.g. a system property to compare
 * @param gatewayEnvironment set in each gateway's environment over the benchmark's own, e.g. a setting of the
 *     service's README to compare ({@code SESSION_BACKUP_COUNT=0})
 */
public record BenchmarkOptions(
    int concurrency,
    Duration warmup,
    Duration duration,
    boolean cluster,
    boolean sticky,
    Path out,
    Path serviceJar,
    Path sandboxJar,
    List<String> gatewayJvmOptions,
    Map<String, String> gatewayEnvironment,
    Path root) {

  public static final int DEFAULT_CONCURRENCY = 32;
  /** A JVM under load on 2 cores needs about a minute before its CPU per login settles. */
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(60);
  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);

  static final String USAGE = String.join("\n",
      "Usage: java -jar benchmark/target/login-benchmark.jar [options]",
      "  --concurrency N          virtual users, each signing in as a new visitor again and again (default 32)",
      "  --warmup 60s             load before the measured window, not reported (ms, s or m; default 60s)",
      "  --duration 60s           the measured window (default 60s)",
      "  --cluster                two gateway processes: each login starts on one and finishes on the other",
      "  --sticky                 with --cluster: each login stays on one gateway, the gateways in turn",
      "  --out FILE.json          where the JSON goes, the Markdown beside it",
      "                           (default benchmark/target/login-benchmark-<mode>-c<N>.json)",
      "  --service-jar PATH       default service/target/twitter-login-gateway.jar",
      "  --sandbox-jar PATH       default twitter-sandbox/target/twitter-sandbox.jar",
      "  --gateway-jvm-option OPT added to each gateway's java command; repeatable",
      "  --gateway-env NAME=VALUE set in each gateway's environment, over the benchmark's own; repeatable");

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
  private static final Pattern ENVIRONMENT_ENTRY = Pattern.compile("([A-Z_][A-Z0-9_]*)=(.*)");
  static final String HIDDEN = "(set, not shown)";

  public BenchmarkOptions {
    gatewayJvmOptions = List.copyOf(gatewayJvmOptions);
    gatewayEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(gatewayEnvironment));
    if (concurrency < 1 || concurrency > 10_000) {
      throw new IllegalArgumentException("--concurrency must be from 1 to 10000");
    }
    if (duration.isZero()) {
      throw new IllegalArgumentException("--duration must be longer than 0");
    }
    if (sticky && !cluster) {
      throw new IllegalArgumentException("--sticky needs --cluster: one gateway keeps every login anyway");
    }
  }

  /** @throws IllegalArgumentException naming the flag that is unknown or lacks its value */
  public static BenchmarkOptions parse(List<String> args, Path root) {
    int concurrency = DEFAULT_CONCURRENCY;
    Duration warmup = DEFAULT_WARMUP;
    Duration duration = DEFAULT_DURATION;
    boolean cluster = false;
    boolean sticky = false;
    Path out = null;
    Path serviceJar = root.resolve("service/target/twitter-login-gateway.jar");
    Path sandboxJar = root.resolve("twitter-sandbox/target/twitter-sandbox.jar");
    List<String> jvmOptions = new ArrayList<>();
    Map<String, String> environment = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      switch (flag) {
        case "--cluster" -> cluster = true;
        case "--sticky" -> sticky = true;
        case "--concurrency" -> concurrency = wholeNumber(flag, value(args, ++i, flag));
        case "--warmup" -> warmup = duration(flag, value(args, ++i, flag));
        case "--duration" -> duration = duration(flag, value(args, ++i, flag));
        case "--out" -> out = Path.of(value(args, ++i, flag));
        case "--service-jar" -> serviceJar = Path.of(value(args, ++i, flag));
        case "--sandbox-jar" -> sandboxJar = Path.of(value(args, ++i, flag));
        case "--gateway-jvm-option" -> jvmOptions.add(value(args, ++i, flag));
        case "--gateway-env" -> environmentEntry(flag, value(args, ++i, flag), environment);
        default -> throw new IllegalArgumentException("Unknown option " + flag);
      }
    }
    if (out == null) {
      out = root.resolve("benchmark/target/login-benchmark-" + mode(cluster, sticky) + "-c" + concurrency + ".json");
    }
    return new BenchmarkOptions(concurrency, warmup, duration, cluster, sticky, out, serviceJar, sandboxJar, jvmOptions,
        environment, root);
  }

  /** {@code 60s}, {@code 2m}, {@code 500ms}; a bare number is seconds. */
  static Duration duration(String flag, String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(flag + " takes a duration such as 60s, 2m or 500ms, not " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  /**
   * {@link #gatewayEnvironment} as a report shows it: the value of a name that holds a secret
   * (one with {@code SECRET}, {@code KEY} or {@code PASSWORD} in it) stays out of the output.
   */
  public Map<String, String> reportedGatewayEnvironment() {
    Map<String, String> reported = new LinkedHashMap<>();
    gatewayEnvironment.forEach((name, value) -> reported.put(name, holdsSecret(name) ? HIDDEN : value));
    return reported;
  }

  private static boolean holdsSecret(String name) {
    return name.contains("SECRET") || name.contains("KEY") || name.contains("PASSWORD");
  }

  private static void environmentEntry(String flag, String text, Map<String, String> environment) {
    Matcher matcher = ENVIRONMENT_ENTRY.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(flag + " takes NAME=VALUE, a name of capitals, digits and _");
    }
    // The benchmark chooses it per gateway, and reads the ports there.
    if (matcher.group(1).equals(Topology.PORTS_FILE)) {
      throw new IllegalArgumentException(flag + " cannot set " + matcher.group(1) + ": the benchmark sets it per gateway");
    }
    environment.put(matcher.group(1), matcher.group(2));
  }

  /** {@code single}, {@code cluster} (each login crosses) or {@code cluster-sticky}. */
  public String mode() {
    return mode(cluster, sticky);
  }

  private static String mode(boolean cluster, boolean sticky) {
    return !cluster ? "single" : sticky ? "cluster-sticky" : "cluster";
  }

  public Path markdownOut() {
    String name = out.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return out.resolveSibling(base + ".md");
  }

  private static String value(List<String> args, int index, String flag) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args.get(index);
  }

  private static int wholeNumber(String flag, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(flag + " takes a whole number, not " + text);
    }
  }
}
