package io.github.twitterlogin.benchmark;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The processes of a run, each a JVM of its own so that each one's CPU is its own: the sandbox,
 * standing in for Twitter, and one gateway process (two with {@code --cluster}) running the
 * gateway and Twitter client roles, members of a cluster of a name of its own on 127.0.0.1.
 * Everything binds 127.0.0.1 on ports picked free.
 */
final class Topology {

  static final String SANDBOX_READY = "Twitter SANDBOX";
  static final String GATEWAY_READY = "Twitter Login Gateway is running";
  /** Hazelcast's map counters through JMX, refreshed on every read rather than every 5 s. */
  static final List<String> GATEWAY_JVM_OPTIONS = List.of("-Dhazelcast.jmx=true",
      "-Dhazelcast.jmx.update.interval.seconds=0");

  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration READY_DEADLINE = Duration.ofSeconds(180);
  private static final String CONSUMER_KEY = "login-benchmark";

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
    int gatewayCount = options.cluster() ? 2 : 1;
    List<Integer> ports = freePorts(2 * gatewayCount + 2);
    int sandboxPort = ports.get(0);
    List<Integer> gatewayPorts = ports.subList(1, 1 + gatewayCount);
    List<Integer> clusterPorts = ports.subList(1 + gatewayCount, 1 + 2 * gatewayCount);
    // Behind a load balancer every gateway has its URL; nothing listens there, the driver routes.
    String publicUrl = "http://" + LOOPBACK + ":" + (options.cluster() ? ports.get(ports.size() - 1)
        : gatewayPorts.get(0));
    String sandboxUrl = "http://" + LOOPBACK + ":" + sandboxPort;
    String consumerSecret = UUID.randomUUID().toString();
    String sessionKeys = freshSessionKeys();

    Path sandboxConfig = logs.resolve("sandbox.json");
    Files.createDirectories(logs);
    Files.writeString(sandboxConfig, sandboxConfig(sandboxPort, consumerSecret).encodePrettily());
    LaunchedProcess sandbox = launched.add(LaunchedProcess.start("sandbox", List.of(), options.sandboxJar(),
        Map.of("SANDBOX_CONFIG", sandboxConfig.toString()), logs));

    String clusterName = "login-benchmark-" + UUID.randomUUID();
    List<LaunchedProcess> gateways = new ArrayList<>();
    for (int i = 0; i < gatewayCount; i++) {
      Map<String, String> environment = gatewayEnvironment(gatewayPorts.get(i), publicUrl, sandboxUrl,
          consumerSecret, sessionKeys, clusterName, clusterPorts.get(i), clusterPorts);
      List<String> jvmOptions = new ArrayList<>(GATEWAY_JVM_OPTIONS);
      jvmOptions.addAll(options.gatewayJvmOptions());
      gateways.add(launched.add(LaunchedProcess.start("gateway-" + (char) ('a' + i), jvmOptions,
          options.serviceJar(), environment, logs)));
    }
    sandbox.awaitReady(SANDBOX_READY, READY_DEADLINE);
    for (LaunchedProcess gateway : gateways) {
      gateway.awaitReady(GATEWAY_READY, READY_DEADLINE);
    }
    return new Topology(sandbox, List.copyOf(gateways), List.copyOf(gatewayPorts), sandboxUrl);
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
  static JsonObject sandboxConfig(int port, String consumerSecret) {
    return new JsonObject()
        .put("host", LOOPBACK)
        .put("port", port)
        .put("loadMode", true)
        .put("consumers", new JsonArray().add(new JsonObject()
            .put("key", CONSUMER_KEY)
            .put("secret", consumerSecret)
            .put("callbackPrefix", new JsonArray().add("http://" + LOOPBACK + ":"))
            .put("appName", "Login benchmark")));
  }

  /** The variables of the service's README, for one gateway process of the run's own cluster. */
  static Map<String, String> gatewayEnvironment(int httpPort, String publicUrl, String sandboxUrl,
      String consumerSecret, String sessionKeys, String clusterName, int clusterPort, List<Integer> clusterPorts) {
    Map<String, String> environment = new HashMap<>();
    environment.put("ROLES", "gateway,twitter-client");
    environment.put("HTTP_HOST", LOOPBACK);
    environment.put("HTTP_PORT", Integer.toString(httpPort));
    environment.put("PUBLIC_URL", publicUrl);
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
    environment.put("CLUSTER_PORT", Integer.toString(clusterPort));
    environment.put("CLUSTER_PORT_AUTO_INCREMENT", "false");
    environment.put("CLUSTER_MEMBERS", clusterPorts.stream().map(port -> LOOPBACK + ":" + port)
        .collect(Collectors.joining(",")));
    return environment;
  }

  /** Distinct ports free on 127.0.0.1 now; each is bound and released before the next is asked for. */
  static List<Integer> freePorts(int count) {
    Set<Integer> ports = new HashSet<>();
    List<Integer> ordered = new ArrayList<>();
    while (ordered.size() < count) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
        if (ports.add(socket.getLocalPort())) {
          ordered.add(socket.getLocalPort());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ordered;
  }
}
