package io.github.twitterlogin.shared.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.query.Predicate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.function.BiConsumer;

/**
 * Byte values by key in the cluster's map, or in this process's memory when Vert.x is not
 * clustered, each change one atomic step on one entry, each completion on the caller's Vert.x
 * context: what the sealed sessions and the user-token vault are kept in. An entry made with a
 * max idle time expires once it is unread that long.
 */
public interface ClusterEntries {

  /**
   * In the Hazelcast map {@code mapName} when {@code vertx} is clustered with Hazelcast, in a local
   * map of the Vert.x instance otherwise (shared by every verticle of the process).
   */
  static ClusterEntries create(Vertx vertx, String mapName) {
    // The cluster manager is not public API; it is where a clustered Vert.x keeps its Hazelcast.
    if (((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hazelcast) {
      return create(vertx, hazelcast.getHazelcastInstance(), mapName);
    }
    if (vertx.isClustered()) {
      throw new IllegalStateException("ClusterEntries needs Vert.x clustered with Hazelcast (vertx-hazelcast)");
    }
    return new LocalClusterEntries(vertx, mapName, System::currentTimeMillis);
  }

  static ClusterEntries create(Vertx vertx, HazelcastInstance hazelcast, String mapName) {
    return new HazelcastClusterEntries(vertx, hazelcast, mapName);
  }

  /** The value, or null; reading it counts as use, so it does not expire while in use. */
  Future<byte[]> get(String key);

  /** Stores a value under a key no other holds (a new random id), expiring {@code maxIdleMillis} unread. */
  Future<Void> create(String key, byte[] value, long maxIdleMillis);

  /**
   * Replaces the value only if it is still {@code expected}, keeping its expiry; a null
   * {@code replacement} removes the entry. With a null {@code expected}, stores
   * {@code replacement} only if the key holds nothing; otherwise an absent entry stays absent.
   */
  Future<Boolean> compareAndSet(String key, byte[] expected, byte[] replacement);

  /** Removes the entry; answers the value it held, or null. */
  Future<byte[]> remove(String key);

  Future<Integer> size();

  /**
   * How many entries {@code which} accepts, each tested where it is stored (a Hazelcast
   * aggregation: one pass over its own entries on each member, in parallel), on a worker thread.
   * Reading an entry this way is not a use: it does not keep an entry from expiring. {@code which}
   * travels to every member, whose class path must hold its class.
   */
  Future<Long> count(Predicate<String, byte[]> which);

  /**
   * Calls {@code expired} once for each entry that expires (the key and the value it held):
   * once in the whole cluster, whichever members listen.
   */
  void onExpiry(BiConsumer<String, byte[]> expired);

  Future<Void> clear();

  void close();
}
