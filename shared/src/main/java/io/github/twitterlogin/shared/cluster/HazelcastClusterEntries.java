package io.github.twitterlogin.shared.cluster;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.query.Predicate;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Entries of a Hazelcast {@code IMap}. Each Hazelcast completion is handed straight to the
 * caller's Vert.x context: left to Hazelcast's default executor it would run on the common
 * ForkJoinPool, or on a new thread per completion where that pool has one thread (two cores).
 */
final class HazelcastClusterEntries implements ClusterEntries {

  /** Every member hears of each expiry; the claims say which one acts. */
  static final String ENDS_MAP_NAME = "twitter-login.entry-ends";
  private static final long CLAIM_SECONDS = 600;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final IMap<String, byte[]> map;

  HazelcastClusterEntries(Vertx vertx, HazelcastInstance hazelcast, String mapName) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.map = hazelcast.getMap(mapName);
  }

  @Override
  public Future<byte[]> get(String key) {
    return onContext(map.getAsync(key));
  }

  /** No time to live: the entry lives while it is read, up to {@code maxIdleMillis} between reads. */
  @Override
  public Future<Void> create(String key, byte[] sealed, long maxIdleMillis) {
    return onContext(map.setAsync(key, sealed, 0, TimeUnit.MILLISECONDS, maxIdleMillis, TimeUnit.MILLISECONDS));
  }

  @Override
  public Future<Boolean> compareAndSet(String key, byte[] expected, byte[] replacement) {
    return onContext(map.submitToKey(key, new CompareAndSetBytes(expected, replacement)));
  }

  @Override
  public Future<byte[]> remove(String key) {
    return onContext(map.removeAsync(key));
  }

  @Override
  public Future<Integer> size() {
    return vertx.executeBlocking(map::size);
  }

  /** A scan of the record stores, which does not touch an entry's last access (Hazelcast's {@code forEach}). */
  @Override
  public Future<Long> count(Predicate<String, byte[]> which) {
    return vertx.executeBlocking(() -> map.aggregate(Aggregators.count(), which), false);
  }

  @Override
  public Future<Void> clear() {
    return vertx.executeBlocking(() -> {
      map.clear();
      return null;
    });
  }

  /**
   * One listener per process (the gateway's verticle instances each have a store), and a claim
   * in the cluster per expiry: every listening member hears of each, the first claim acts.
   */
  @Override
  public void onExpiry(BiConsumer<String, byte[]> expired) {
    if (vertx.sharedData().<String, Boolean>getLocalMap(ENDS_MAP_NAME).putIfAbsent(map.getName(), true) != null) {
      return;
    }
    IMap<String, Boolean> claims = hazelcast.getMap(ENDS_MAP_NAME);
    map.addEntryListener((EntryExpiredListener<String, byte[]>) event ->
        claims.submitToKey(event.getKey(), new ClaimOnce(CLAIM_SECONDS)).thenAccept(claimed -> {
          if (claimed) {
            expired.accept(event.getKey(), event.getOldValue());
          }
        }), true);
  }

  @Override
  public void close() {
  }

  private <T> Future<T> onContext(CompletionStage<T> stage) {
    Promise<T> promise = ((ContextInternal) vertx.getOrCreateContext()).promise();
    stage.whenCompleteAsync((value, failure) -> {
      if (failure != null) {
        promise.fail(failure);
      } else {
        promise.complete(value);
      }
    }, Runnable::run);
    return promise.future();
  }
}
