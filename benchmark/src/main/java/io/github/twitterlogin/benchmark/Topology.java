package io.github.twitterlogin.benchmark;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The processes of a run, each a JVM of its own so that each one's CPU is its own: the sandbox,
 * standing in for Twitter, and one gateway process (two with {@code --cluster}) running the
 * gateway and Twitter client roles, members of a cluster of a name of its own on 127.0.0.1.
 * Everything binds 127.0.0.1 on ports the OS gives, which each process reports in its PORTS_FILE.
 */
final class Topology {

  static final String SANDBOX_READY = "Twitter SANDBOX";
  static final String GATEWAY_READY = "Twitter Login Gateway is running";
  /** Hazelcast's map counters through JMX, refreshed on every read rather than every 5 s. */
  static final List<String> GATEWAY_JVM_OPTIONS = List.of("-Dhazelcast.jmx=true",
      "-Dhazelcast.jmx.update.interval.seconds=0");

  /** Where a process of the run writes the ports it took, before it says it is ready. */
  static final String PORTS_FILE = "PORTS_FILE";

  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration READY_DEADLINE = Duration.ofSeconds(180);
  private static final String CONSUMER_KEY = "login-benchmark";
  /** The load balancer's URL, the public URL of gateways behind it; the driver plays its part. */
  private static final String LOAD_BALANCER_URL = "http://" + LOOPBACK + ":9";

  final LaunchedProcess sandbox;
  final List<LaunchedProcess> gateways;
  final List<Integer> gatewayPorts;
  final String sandboxUrl;

  private Topology(LaunchedProcess sandbox, List<LaunchedProcess> gateways, List<Integer> gatewayPorts,
      String sandboxUrl) {
    this.sandbox = sandbox;
    this.gateways = gateways;
    this.gatewayPorts = gatewayPorts;
    this.sandboxUrl = sandboxUrl;
  }

  static Topology start(BenchmarkOptions options, Launched launched, Path logs) throws Exception {
    Files.createDirectories(logs);
    String consumerSecret = UUID.randomUUID().toString();
    String sessionKeys = freshSessionKeys();

    Path sandboxConfig = logs.resolve("sandbox.json");
    Files.writeString(sandboxConfig, sandboxConfig(consumerSecret).encodePrettily());
    Path sandboxPorts = logs.resolve("sandbox.ports.json");
    LaunchedProcess sandbox = launched.add(LaunchedProcess.start("sandbox", List.of(), options.sandboxJar(),
        Map.of("SANDBOX_CONFIG", sandboxConfig.toString(), PORTS_FILE, sandboxPorts.toString()), logs));
    sandbox.awaitReady(SANDBOX_READY, READY_DEADLINE);
    String sandboxUrl = "http://" + LOOPBACK + ":" + ports(sandboxPorts).getInteger("sandbox");

    // Behind a load balancer every gateway has its URL, where nothing listens: the driver routes.
    // One gateway alone names the port it takes.
    Optional<String> publicUrl = options.cluster() ? Optional.of(LOAD_BALANCER_URL) : Optional.empty();
    String clusterName = "login-benchmark-" + UUID.randomUUID();
    List<LaunchedProcess> gateways = new ArrayList<>();
    List<Integer> gatewayPorts = new ArrayList<>();
    Optional<String> firstMember = Optional.empty();
    for (int i = 0; i < (options.cluster() ? 2 : 1); i++) {
      String name = "gateway-" + (char) ('a' + i);
      Path portsFile = logs.resolve(name + ".ports.json");
      Map<String, String> environment = gatewayEnvironment(publicUrl, sandboxUrl, consumerSecret, sessionKeys,
          clusterName, firstMember);
      environment.putAll(options.gatewayEnvironment());
      environment.put(PORTS_FILE, portsFile.toString());
      List<String> jvmOptions = new ArrayList<>(GATEWAY_JVM_OPTIONS);
      jvmOptions.addAll(options.gatewayJvmOptions());
      LaunchedProcess gateway = launched.add(LaunchedProcess.start(name, jvmOptions, options.serviceJar(),
          environment, logs));
      // The second joins through the first, so it starts once the first says where it listens.
      gateway.awaitReady(GATEWAY_READY, READY_DEADLINE);
      JsonObject ports = ports(portsFile);
      gateways.add(gateway);
      gatewayPorts.add(ports.getInteger("http"));
      firstMember = firstMember.or(() -> Optional.of(LOOPBACK + ":" + ports.getInteger("cluster")));
    }
    return new Topology(sandbox, List.copyOf(gateways), List.copyOf(gatewayPorts), sandboxUrl);
  }

  /** What a process wrote to its PORTS_FILE, before the line that says it is ready. */
  private static JsonObject ports(Path portsFile) throws IOException {
    return new JsonObject(Files.readString(portsFile));
  }

  /** The pid of each process, by name. */
  Map<String, Long> pids() {
    Map<String, Long> pids = new TreeMap<>();
    pids.put(sandbox.name(), sandbox.pid());
    gateways.forEach(gateway -> pids.put(gateway.name(), gateway.pid()));
    return pids;
  }

  /** A key of the run's own, the same for every gateway of it: SESSION_ENCRYPTION_KEYS. */
  private static String freshSessionKeys() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return "run:" + Base64.getEncoder().encodeToString(key);
  }

  /**
   * The sandbox's load mode: every login approved at once as a new sandbox user, without the
   * per-user rate limits that thousands of logins would reach.
   */
  static JsonObject sandboxConfig(String consumerSecret) {
    return new JsonObject()
        .put("host", LOOPBACK)
        .put("port", 0)
        .put("loadMode", true)
        .put("consumers", new JsonArray().add(new JsonObject()
            .put("key", CONSUMER_KEY)
            .put("secret", consumerSecret)
            .put("callbackPrefix", new JsonArray().add("http://" + LOOPBACK + ":"))
            .put("appName", "Login benchmark")));
  }

  /**
   * The variables of the service's README, for one gateway process of the run's own cluster, on
   * ports the OS gives; the others join the first.
   */
  static Map<String, String> gatewayEnvironment(Optional<String> publicUrl, String sandboxUrl, String consumerSecret,
      String sessionKeys, String clusterName, Optional<String> firstMember) {
    Map<String, String> environment = new HashMap<>();
    environment.put("ROLES", "gateway,twitter-client");
    environment.put("HTTP_HOST", LOOPBACK);
    environment.put("HTTP_PORT", "0");
    publicUrl.ifPresent(url -> environment.put("PUBLIC_URL", url));
    environment.put("TWITTER_API_URL", sandboxUrl);
    environment.put("TWITTER_CONSUMER_KEY", CONSUMER_KEY);
    environment.put("TWITTER_CONSUMER_SECRET", consumerSecret);
    environment.put("SESSION_ENCRYPTION_KEYS", sessionKeys);
    // Every login of the run comes from 127.0.0.1: a load test, not a client to throttle.
    environment.put("AUTH_RATE_PER_MINUTE", "0");
    // Several gateway processes on one machine: a metrics port each.
    environment.put("METRICS_PORT", "0");
    environment.put("CLUSTER_NAME", clusterName);
    environment.put("CLUSTER_HOST", LOOPBACK);
    environment.put("CLUSTER_PORT", "0");
    // The first looks for members on CLUSTER_HOST's default ports, finds none of its cluster's name, and starts it.
    firstMember.ifPresent(member -> environment.put("CLUSTER_MEMBERS", member));
    return environment;
  }
}
