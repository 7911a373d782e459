package io.github.twitterlogin.shared.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/** Builds the Hazelcast configuration of a member from {@link ClusterSettings}. */
public final class HazelcastClusterConfig {

  private static final int DEFAULT_HEARTBEAT_INTERVAL_SECONDS = 5;
  private static final int BEATS_PER_TIMEOUT = 5;

  private HazelcastClusterConfig() {
  }

  public static Config create(ClusterSettings settings) {
    // Starts from vertx-hazelcast's own config so that its __vertx.* maps keep their settings.
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Vert.x leaves the cluster when it closes; Hazelcast's own hook would race it at shutdown.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(settings.heartbeatTimeoutSeconds()));
    config.setProperty("hazelcast.heartbeat.interval.seconds",
        Integer.toString(heartbeatIntervalSeconds(settings.heartbeatTimeoutSeconds())));
    configureNetwork(config.getNetworkConfig(), settings);
    config.addMapConfig(new MapConfig(ClusterSettings.SESSION_MAP_NAME)
        .setBackupCount(settings.sessionBackupCount()));
    return config;
  }

  /**
   * Hazelcast beats every 5 s by default: with a shorter timeout a member only one beat late
   * would be dropped. Several beats fit in every timeout; 60 s keeps Hazelcast's 5 s.
   */
  static int heartbeatIntervalSeconds(int heartbeatTimeoutSeconds) {
    return Math.max(1, Math.min(DEFAULT_HEARTBEAT_INTERVAL_SECONDS, heartbeatTimeoutSeconds / BEATS_PER_TIMEOUT));
  }

  private static void configureNetwork(NetworkConfig network, ClusterSettings settings) {
    network.setPort(settings.port()).setPortAutoIncrement(settings.portAutoIncrement());
    if (settings.publicHost() != null) {
      network.setPublicAddress(settings.publicHost());
    }
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(settings.host()));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    settings.kubernetes().ifPresent(kubernetes -> kubernetes.applyTo(join));
  }
}
