package io.github.twitterlogin.shared.testing;

import com.hazelcast.core.HazelcastInstance;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Clustered Vert.x instances in the test JVM, each its own Hazelcast member on 127.0.0.1, all in
 * a cluster of a name of their own (TCP-IP join, never multicast). Every member binds a port the
 * OS gives (port 0): the first one joins nobody, the others join through the port it got, so no
 * port is picked before it is bound. Called from the test thread: starting and closing are
 * awaited with a deadline.
 */
public final class ClusterMembers implements AutoCloseable {

  private static final long DEADLINE_SECONDS = 120;

  private final List<Vertx> members;

  private ClusterMembers(List<Vertx> members) {
    this.members = members;
  }

  /** Starts the first member, then the others in parallel; when one cannot start, the others are closed. */
  public static ClusterMembers startOnLoopback(String namePrefix, int count) throws Exception {
    String name = uniqueName(namePrefix);
    Vertx first = ClusteredVertx.start(loopback(name, List.of())).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    List<String> seed = List.of(hazelcastAddress(first));
    List<Future<Vertx>> starting = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      starting.add(ClusteredVertx.start(loopback(name, seed)));
    }
    List<Vertx> started = new ArrayList<>(List.of(first));
    try {
      Future.join(starting).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      starting.forEach(member -> started.add(member.result()));
      return new ClusterMembers(started);
    } catch (Exception | Error failed) {
      starting.stream().filter(Future::succeeded).forEach(member -> started.add(member.result()));
      new ClusterMembers(started).closeAfter(failed);
      throw failed;
    }
  }

  /** A cluster name no other run uses. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /**
   * A member on 127.0.0.1 that binds the port the OS gives and joins the members listed as
   * {@code host:port}; with none listed it starts a cluster of its own.
   */
  public static ClusterSettings loopback(String name, List<String> members) {
    return new ClusterSettings(name, "127.0.0.1", 0, false, null, members, Optional.empty(), 0, Optional.empty(),
        1, 60, 0);
  }

  /** The Hazelcast member a Vert.x instance is clustered with. */
  public static HazelcastInstance hazelcast(Vertx member) {
    // The cluster manager is not public API; it is the one place that knows the member.
    return ((HazelcastClusterManager) ((VertxInternal) member).clusterManager()).getHazelcastInstance();
  }

  /** {@code host:port} of a member's Hazelcast, for the members that join through it. */
  public static String hazelcastAddress(Vertx member) {
    HazelcastInstance hazelcast = hazelcast(member);
    return hazelcast.getCluster().getLocalMember().getAddress().getHost() + ":"
        + hazelcast.getCluster().getLocalMember().getAddress().getPort();
  }

  public Vertx get(int index) {
    return members.get(index);
  }

  /** Closes every member, adding a failure to close to the failure that made the test stop. */
  public void closeAfter(Throwable failure) {
    try {
      close();
    } catch (Exception closeFailed) {
      failure.addSuppressed(closeFailed);
    }
  }

  @Override
  public void close() throws Exception {
    closeInTurn(members).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Closes the members one after another, each after the one before has left, going on past a
   * failure and failing with it at the end. A member that leaves a live cluster hands its
   * partitions over at once; members that leave together can wait on each other, each for
   * partitions owned by one that is leaving too (a test saw five at once take over 60 s).
   */
  public static Future<Void> closeInTurn(List<Vertx> members) {
    Future<Void> closed = Future.succeededFuture();
    for (Vertx member : members) {
      closed = closed.eventually(member::close);
    }
    return closed;
  }
}
