package io.github.twitterlogin.shared.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds the Hazelcast configuration of a member from {@link ClusterSettings}. */
public final class HazelcastClusterConfig {

  private static final int DEFAULT_HEARTBEAT_INTERVAL_SECONDS = 5;
  private static final int BEATS_PER_TIMEOUT = 5;
  /** At most this many cores, Hazelcast gets fewer threads: see {@link #sizeThreads}. */
  static final int SMALL_MACHINE_CORES = 2;
  static final String PARTITION_THREADS = "hazelcast.operation.thread.count";
  static final String IO_THREADS = "hazelcast.io.thread.count";
  static final String RESPONSE_THREADS = "hazelcast.operation.response.thread.count";
  static final String EXPIRY_OPERATIONS = "hazelcast.internal.map.expiration.cleanup.operation.count";
  /**
   * What Hazelcast gives {@link #EXPIRY_OPERATIONS} with its own partition threads on 2 cores:
   * 3 per thread, and 2 threads (it takes at least 2, whatever the cores).
   */
  static final String SMALL_MACHINE_EXPIRY_OPERATIONS = "6";

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
    sizeThreads(config, Runtime.getRuntime().availableProcessors(), System::getProperty);
    config.addMapConfig(new MapConfig(ClusterSettings.SESSION_MAP_NAME)
        .setBackupCount(settings.sessionBackupCount()));
    config.addMapConfig(new MapConfig(ClusterSettings.USER_TOKEN_MAP_NAME)
        .setBackupCount(settings.sessionBackupCount()));
    return config;
  }

  /**
   * Hazelcast sizes its threads for a machine of its own: a partition thread per core, 3 input and
   * 3 output I/O threads, 2 response threads. Here it shares the cores with Vert.x's event loops,
   * and on 2 cores those threads mostly hand each operation on to one another: with one partition
   * thread, one I/O thread each way, and answers read on the I/O thread (0 response threads, which
   * Hazelcast allows), a login across two gateways cost 0.72 ms of CPU against 0.88 ms, and a
   * gateway alone served as many logins (docs/performance.md). Larger machines keep Hazelcast's
   * defaults, as nothing was measured there. A value set in the configuration or as a system
   * property ({@code -Dhazelcast.io.thread.count=3}) wins, as Hazelcast reads the configuration
   * first: nothing is set over either.
   *
   * <p>Hazelcast also sizes its sweep of expired entries by the partition threads: every 5 s it
   * sends 3 clean-up operations per thread, each to one partition that holds entries that can
   * expire. With one thread a session that expired unread would be dropped, and said to have ended,
   * half as often; the sweep keeps the 6 operations it had with Hazelcast's 2 threads.
   */
  static void sizeThreads(Config config, int cores, UnaryOperator<String> systemProperties) {
    if (cores > SMALL_MACHINE_CORES) {
      return;
    }
    Map.of(PARTITION_THREADS, "1", IO_THREADS, "1", RESPONSE_THREADS, "0",
        EXPIRY_OPERATIONS, SMALL_MACHINE_EXPIRY_OPERATIONS).forEach((name, value) -> {
      if (config.getProperty(name) == null && systemProperties.apply(name) == null) {
        config.setProperty(name, value);
      }
    });
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
