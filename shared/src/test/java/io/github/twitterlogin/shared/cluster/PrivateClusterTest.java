package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.github.twitterlogin.shared.testing.ListeningSockets;
import io.github.twitterlogin.shared.testing.LoopbackPorts;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A member is reachable on CLUSTER_HOST only, and by other members only unless a client port is set. */
class PrivateClusterTest {

  private static final long DEADLINE_SECONDS = 120;

  @Test
  void aMemberListensOnTheClusterHostOnly() throws Exception {
    int port = LoopbackPorts.one();
    Vertx member = start(ClusterSettings.loopback("private-" + UUID.randomUUID(), port, List.of(port)));
    try {
      List<ListeningSockets.Socket> listening = ListeningSockets.ofCurrentProcess();

      assertThat(listening).extracting(ListeningSockets.Socket::port).contains(port);
      assertThat(listening).filteredOn(ListeningSockets.Socket::isWildcard).isEmpty();
    } finally {
      member.close().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void aHazelcastClientThatKnowsTheClusterNameIsRefused() throws Exception {
    String name = "private-" + UUID.randomUUID();
    int port = LoopbackPorts.one();
    Vertx member = start(ClusterSettings.loopback(name, port, List.of(port)));
    try {
      assertThatThrownBy(() -> connectClient(name, port).shutdown())
          .hasMessageContaining("Unable to connect");
    } finally {
      member.close().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClientPortLetsClientsInOnItsOwnSocket() throws Exception {
    String name = "private-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.distinct(2);
    ClusterSettings loopback = ClusterSettings.loopback(name, ports.get(0), List.of(ports.get(0)));
    Vertx member = start(new ClusterSettings(loopback.name(), loopback.host(), loopback.port(), false, null,
        loopback.members(), loopback.kubernetes(), 0, loopback.eventBusTls(), 1, 60, ports.get(1)));
    try {
      HazelcastInstance client = connectClient(name, ports.get(1));
      try {
        assertThat(client.getCluster().getMembers()).hasSize(1);
      } finally {
        client.shutdown();
      }
      assertThat(ListeningSockets.ofCurrentProcess()).filteredOn(ListeningSockets.Socket::isWildcard).isEmpty();
    } finally {
      member.close().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static Vertx start(ClusterSettings settings) throws Exception {
    return ClusteredVertx.start(settings).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  private static HazelcastInstance connectClient(String clusterName, int port) {
    ClientConfig config = new ClientConfig().setClusterName(clusterName);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().addAddress("127.0.0.1:" + port);
    config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(3_000);
    return HazelcastClient.newHazelcastClient(config);
  }
}
