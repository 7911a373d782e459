package io.github.twitterlogin.shared.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
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
    configureNetwork(config, settings);
    config.addMapConfig(new MapConfig(ClusterSettings.SESSION_MAP_NAME)
        .setBackupCount(settings.sessionBackupCount()));
    config.addMapConfig(new MapConfig(ClusterSettings.USER_TOKEN_MAP_NAME)
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

  /**
   * The cluster is private: its members hold every session, so nothing may reach it from outside.
   * Hazelcast binds every interface unless {@code hazelcast.socket.bind.any} is false, whatever
   * interfaces are listed; and its default single socket also serves Hazelcast clients, which
   * only need the cluster name (no secret) to read every map. The advanced network config gives
   * the member protocol a socket of its own, and clients none unless a client port is set.
   */
  private static void configureNetwork(Config config, ClusterSettings settings) {
    config.setProperty("hazelcast.socket.bind.any", "false");
    AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
    network.setMemberEndpointConfig(endpoint(settings, settings.port(), settings.portAutoIncrement()));
    if (settings.clientPort() != 0) {
      network.setClientEndpointConfig(endpoint(settings, settings.clientPort(), false));
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    settings.kubernetes().ifPresent(kubernetes -> kubernetes.applyTo(join));
  }

  private static ServerSocketEndpointConfig endpoint(ClusterSettings settings, int port, boolean autoIncrement) {
    ServerSocketEndpointConfig endpoint = new ServerSocketEndpointConfig();
    endpoint.setPort(port).setPortAutoIncrement(autoIncrement);
    endpoint.setInterfaces(new InterfacesConfig().setEnabled(true).addInterface(settings.host()));
    if (settings.publicHost() != null) {
      endpoint.setPublicAddress(settings.publicHost());
    }
    return endpoint;
  }
}
