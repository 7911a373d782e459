package io.github.twitterlogin.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.github.twitterlogin.shared.testing.ListeningSockets;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A member is reachable on CLUSTER_HOST only, and by other members only unless a client port is set. */
class PrivateClusterTest {

  private static final long DEADLINE_SECONDS = 120;

  @Test
  void aMemberListensOnTheClusterHostOnly() throws Exception {
    Vertx member = start(ClusterMembers.loopback(ClusterMembers.uniqueName("private"), List.of()));
    try {
      List<ListeningSockets.Socket> listening = ListeningSockets.ofCurrentProcess();

      assertThat(listening).extracting(ListeningSockets.Socket::port).contains(hazelcastPort(member));
      assertThat(listening).filteredOn(ListeningSockets.Socket::isWildcard).isEmpty();
    } finally {
      member.close().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void aHazelcastClientThatKnowsTheClusterNameIsRefused() throws Exception {
    String name = ClusterMembers.uniqueName("private");
    Vertx member = start(ClusterMembers.loopback(name, List.of()));
    try {
      assertThatThrownBy(() -> connectClient(name, hazelcastPort(member)).shutdown())
          .hasMessageContaining("Unable to connect");
    } finally {
      member.close().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClientPortLetsClientsInOnItsOwnSocket() throws Exception {
    String name = ClusterMembers.uniqueName("private");
    int clientPort = freePortOfThisProcess();
    ClusterSettings loopback = ClusterMembers.loopback(name, List.of());
    Vertx member = start(new ClusterSettings(loopback.name(), loopback.host(), loopback.port(), false, null,
        loopback.members(), loopback.kubernetes(), 0, loopback.eventBusTls(), 1, 60, clientPort));
    try {
      HazelcastInstance client = connectClient(name, clientPort);
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

  private static int hazelcastPort(Vertx member) {
    String address = ClusterMembers.hazelcastAddress(member);
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** Hazelcast takes no port 0 for its client socket; this process binds it right after. */
  private static int freePortOfThisProcess() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static HazelcastInstance connectClient(String clusterName, int port) {
    ClientConfig config = new ClientConfig().setClusterName(clusterName);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.getNetworkConfig().addAddress("127.0.0.1:" + port);
    config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(3_000);
    return HazelcastClient.newHazelcastClient(config);
  }
}
