package io.github.twitterlogin.shared.cluster;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.Optional;

/**
 * What this member knows of the cluster it is in: its Vert.x node id, the nodes of the members,
 * which nodes consume an address, whether it is still a member, and when members come and go.
 * Vert.x keeps these in its cluster manager, which is not public API; this is the one place that
 * reaches into it.
 */
public final class ClusterMembership {

  private final HazelcastClusterManager manager;

  private ClusterMembership(HazelcastClusterManager manager) {
    this.manager = manager;
  }

  /** Present when {@code vertx} is clustered with Hazelcast. */
  public static Optional<ClusterMembership> of(Vertx vertx) {
    return ((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hazelcast
        ? Optional.of(new ClusterMembership(hazelcast))
        : Optional.empty();
  }

  /** This member's Vert.x node id, as event-bus registrations name it. */
  public String nodeId() {
    return manager.getNodeId();
  }

  /** The node ids of the members that run Vert.x, from this member's own view (no remote call). */
  public List<String> nodes() {
    return manager.getNodes();
  }

  /** Whether this member has joined and not left, and still sees itself among the members. */
  public boolean isMember() {
    HazelcastInstance hazelcast = manager.getHazelcastInstance();
    return manager.isActive() && hazelcast != null && hazelcast.getLifecycleService().isRunning()
        && nodes().contains(nodeId());
  }

  /**
   * The node of each registration of a consumer of {@code address} in the cluster, once per
   * registration (a member whose verticle runs three instances appears three times); local-only
   * consumers left out. One read of the cluster's registrations, on a worker thread.
   */
  public Future<List<String>> nodesConsuming(String address) {
    Promise<List<RegistrationInfo>> registrations = Promise.promise();
    manager.getRegistrations(address, registrations);
    return registrations.future().map(found -> found.stream()
        .filter(registration -> !registration.localOnly())
        .map(RegistrationInfo::nodeId)
        .toList());
  }

  /**
   * Runs {@code changed} whenever a member joins or leaves, on a Hazelcast thread, once the list
   * of members has changed. Vert.x's own node listener is a single slot that its event bus
   * takes; Hazelcast takes as many membership listeners as asked.
   */
  public void onMembersChanged(Runnable changed) {
    manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipAdapter() {
      @Override
      public void memberAdded(MembershipEvent event) {
        changed.run();
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        changed.run();
      }
    });
  }
}
