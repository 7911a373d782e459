package io.github.twitterlogin.shared.cluster;

import io.github.twitterlogin.shared.settings.Environment;
import java.util.List;

/**
 * How a process joins the cluster: Hazelcast by TCP-IP on {@code host:port} with the listed
 * {@code members}, and the Vert.x event bus on {@code host:eventBusPort}.
 *
 * @param publicHost the address other members reach this one at, when it differs from {@code host}
 * @param sessionBackupCount synchronous backups of each session; 1 survives the loss of a member
 */
public record ClusterSettings(
    String name,
    String host,
    int port,
    boolean portAutoIncrement,
    String publicHost,
    List<String> members,
    int eventBusPort,
    int sessionBackupCount) {

  public static final String DEFAULT_NAME = "twitter-login-gateway";
  public static final int DEFAULT_PORT = 5701;
  /** The Hazelcast map that holds the web sessions; its backups follow {@code sessionBackupCount}. */
  public static final String SESSION_MAP_NAME = "twitter-login.sessions";

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
        env.port("EVENT_BUS_PORT", 0),
        env.integer("SESSION_BACKUP_COUNT", 1, 0, 6));
  }

  /** A cluster of members on 127.0.0.1 only, as tests and local runs use. */
  public static ClusterSettings loopback(String name, int port, List<Integer> memberPorts) {
    List<String> members = memberPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    return new ClusterSettings(name, "127.0.0.1", port, false, null, members, 0, 1);
  }
}
