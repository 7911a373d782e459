package io.github.twitterlogin.service.process;

import com.hazelcast.core.HazelcastInstance;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * This test JVM as a member of the cluster under test, joined with {@link ClusteredVertx} like
 * every process: it sees the cluster as its members do (who is in it, who consumes an address,
 * which member holds a map entry), and may play a part, such as a Twitter client that holds a
 * request.
 */
public final class TestJvmMember implements AutoCloseable {

  private static final long JOIN_DEADLINE_SECONDS = 120;
  private static final long CALL_DEADLINE_SECONDS = 30;

  private final Vertx vertx;
  private final HazelcastClusterManager clusterManager;

  private TestJvmMember(Vertx vertx) {
    this.vertx = vertx;
    // The cluster manager is not public API; the tests read through it what the cluster knows.
    ClusterManager manager = ((VertxInternal) vertx).clusterManager();
    this.clusterManager = (HazelcastClusterManager) manager;
  }

  public static TestJvmMember join(ClusterSettings settings) throws Exception {
    return new TestJvmMember(ClusteredVertx.start(settings).await(JOIN_DEADLINE_SECONDS, TimeUnit.SECONDS));
  }

  public Vertx vertx() {
    return vertx;
  }

  public int memberCount() {
    return clusterManager.getNodes().size();
  }

  public void awaitMemberCount(int count, Duration deadline) {
    Eventually.until("a cluster of " + count + " members", deadline, () -> memberCount() == count,
        () -> ", members now: " + memberCount());
  }

  /** The Vert.x nodes (one per member) where a consumer of {@code address} is registered. */
  public Set<String> nodesConsuming(String address) {
    Promise<List<RegistrationInfo>> registrations = Promise.promise();
    clusterManager.getRegistrations(address, registrations);
    try {
      return registrations.future().await(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS).stream()
          .map(RegistrationInfo::nodeId)
          .collect(Collectors.toSet());
    } catch (TimeoutException e) {
      throw new AssertionError("The registrations of " + address + " could not be read", e);
    }
  }

  /** {@code 127.0.0.1:port} of this member's Hazelcast, for the members that join through it. */
  public String clusterAddress() {
    return ClusterMembers.hazelcastAddress(vertx);
  }

  /**
   * Until no partition of the cluster is migrating and every backup is in place, as an operator
   * waits between two steps of a rolling restart.
   */
  public void awaitClusterSafe(Duration deadline) {
    Eventually.until("the cluster safe (every backup in place)", deadline,
        () -> clusterManager.getHazelcastInstance().getPartitionService().isClusterSafe());
  }

  /** The Hazelcast port of the member that holds the primary copy of a map entry with this key. */
  public int primaryOwnerPort(String key) {
    HazelcastInstance hazelcast = clusterManager.getHazelcastInstance();
    return hazelcast.getPartitionService().getPartition(key).getOwner().getAddress().getPort();
  }

  @Override
  public void close() throws Exception {
    Future<Void> closed = vertx.close();
    closed.await(CALL_DEADLINE_SECONDS * 2, TimeUnit.SECONDS);
  }
}
