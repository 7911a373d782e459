package io.github.twitterlogin.shared.cluster;

import io.github.twitterlogin.shared.settings.Environment;
import java.util.List;
import java.util.Optional;

/**
 * How a process joins the cluster: Hazelcast on {@code host:port}, finding the other members by
 * TCP-IP from {@code members} (or through Kubernetes), and the Vert.x event bus on
 * {@code host:eventBusPort}, with TLS when configured.
 *
 * @param publicHost the address other members reach this one at, when it differs from {@code host}
 * @param sessionBackupCount synchronous backups of each session; 1 survives the loss of a member
 * @param heartbeatTimeoutSeconds how long a silent member stays in the cluster before it is dropped
 * @param clientPort where Hazelcast clients may connect, on {@code host}; 0 (the default) refuses
 *     them: a client that knows the cluster name could read every map
 */
public record ClusterSettings(
    String name,
    String host,
    int port,
    boolean portAutoIncrement,
    String publicHost,
    List<String> members,
    Optional<KubernetesDiscovery> kubernetes,
    int eventBusPort,
    Optional<EventBusTls> eventBusTls,
    int sessionBackupCount,
    int heartbeatTimeoutSeconds,
    int clientPort) {

  public static final String DEFAULT_NAME = "twitter-login-gateway";
  public static final int DEFAULT_PORT = 5701;
  /** The Hazelcast map that holds the web sessions; its backups follow {@code sessionBackupCount}. */
  public static final String SESSION_MAP_NAME = "twitter-login.sessions";
  /**
   * The Hazelcast map where the Twitter client keeps the signed-in users' access tokens, sealed;
   * its backups follow {@code sessionBackupCount}, since a token lost with a member signs her out
   * of the calls by id.
   */
  public static final String USER_TOKEN_MAP_NAME = "twitter-login.user-tokens";

  public ClusterSettings {
    members = List.copyOf(members);
  }

  public static ClusterSettings fromEnvironment(Environment env) {
    String host = env.text("CLUSTER_HOST", "127.0.0.1");
    return new ClusterSettings(
        env.text("CLUSTER_NAME", DEFAULT_NAME),
        host,
        env.port("CLUSTER_PORT", DEFAULT_PORT),
        env.flag("CLUSTER_PORT_AUTO_INCREMENT", true),
        env.text("CLUSTER_PUBLIC_HOST", null),
        env.list("CLUSTER_MEMBERS", List.of(host)),
        KubernetesDiscovery.fromEnvironment(env),
        env.port("EVENT_BUS_PORT", 0),
        EventBusTls.fromEnvironment(env),
        env.integer("SESSION_BACKUP_COUNT", 1, 0, 6),
        env.integer("CLUSTER_HEARTBEAT_TIMEOUT_SECONDS", 60, 1, 3600),
        env.port("CLUSTER_CLIENT_PORT", 0));
  }

  /** A cluster of members on 127.0.0.1 only, as tests use: this member on {@code port}. */
  public static ClusterSettings loopback(String name, int port, List<Integer> memberPorts) {
    List<String> members = memberPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    return new ClusterSettings(name, "127.0.0.1", port, false, null, members, Optional.empty(), 0,
        Optional.empty(), 1, 60, 0);
  }

  public ClusterSettings withEventBusTls(EventBusTls tls) {
    return new ClusterSettings(name, host, port, portAutoIncrement, publicHost, members, kubernetes,
        eventBusPort, Optional.of(tls), sessionBackupCount, heartbeatTimeoutSeconds, clientPort);
  }
}
