package io.github.twitterlogin.shared.cluster;

import com.hazelcast.query.Predicate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Entries in this process's memory, when Vert.x is not clustered: a local map of the Vert.x
 * instance, which every verticle instance of the process shares.
 */
final class LocalClusterEntries implements ClusterEntries {

  private static final long SWEEP_INTERVAL_MILLIS = 60_000;

  /** Never changed once made, so the local map may share it without copying. */
  private record Entry(byte[] sealed, long maxIdleMillis, long lastRead) implements Shareable {

    Entry read(long now) {
      return new Entry(sealed, maxIdleMillis, now);
    }

    boolean expired(long now) {
      return maxIdleMillis > 0 && now - lastRead >= maxIdleMillis;
    }
  }

  private final LocalMap<String, Entry> entries;
  private final Vertx vertx;
  private final LongSupplier clock;
  private final long sweeper;
  private volatile BiConsumer<String, byte[]> expired = (key, value) -> { };

  LocalClusterEntries(Vertx vertx, String mapName, LongSupplier clock) {
    this.vertx = vertx;
    this.entries = vertx.sharedData().getLocalMap(mapName);
    this.clock = clock;
    this.sweeper = vertx.setPeriodic(SWEEP_INTERVAL_MILLIS, tick -> sweep());
  }

  @Override
  public Future<byte[]> get(String key) {
    long now = clock.getAsLong();
    Entry read = entries.computeIfPresent(key, (k, entry) -> entry.expired(now) ? null : entry.read(now));
    return Future.succeededFuture(read == null ? null : read.sealed());
  }

  @Override
  public Future<Void> create(String key, byte[] sealed, long maxIdleMillis) {
    entries.put(key, new Entry(sealed, maxIdleMillis, clock.getAsLong()));
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> compareAndSet(String key, byte[] expected, byte[] replacement) {
    boolean[] replaced = new boolean[1];
    long now = clock.getAsLong();
    entries.compute(key, (k, entry) -> {
      Entry current = entry == null || entry.expired(now) ? null : entry;
      if (expected == null ? current != null : current == null || !Arrays.equals(current.sealed(), expected)) {
        return current;
      }
      replaced[0] = true;
      return replacement == null ? null
          : new Entry(replacement, current == null ? 0 : current.maxIdleMillis(), current == null ? now : current.lastRead());
    });
    return Future.succeededFuture(replaced[0]);
  }

  @Override
  public Future<byte[]> remove(String key) {
    Entry removed = entries.remove(key);
    return Future.succeededFuture(removed == null ? null : removed.sealed());
  }

  @Override
  public Future<Integer> size() {
    sweep();
    return Future.succeededFuture(entries.size());
  }

  /** A look at each entry, which does not count as reading it. */
  @Override
  public Future<Long> count(Predicate<String, byte[]> which) {
    long now = clock.getAsLong();
    long counted = entries.entrySet().stream()
        .filter(entry -> !entry.getValue().expired(now))
        .filter(entry -> which.apply(Map.entry(entry.getKey(), entry.getValue().sealed())))
        .count();
    return Future.succeededFuture(counted);
  }

  @Override
  public Future<Void> clear() {
    entries.clear();
    return Future.succeededFuture();
  }

  /** The sweep that removes an entry says so; two sweeps cannot both remove one entry. */
  @Override
  public void onExpiry(BiConsumer<String, byte[]> expired) {
    this.expired = expired;
  }

  @Override
  public void close() {
    vertx.cancelTimer(sweeper);
  }

  private void sweep() {
    long now = clock.getAsLong();
    for (String key : entries.keySet()) {
      Entry[] removed = new Entry[1];
      entries.computeIfPresent(key, (k, entry) -> {
        if (!entry.expired(now)) {
          return entry;
        }
        removed[0] = entry;
        return null;
      });
      if (removed[0] != null) {
        expired.accept(key, removed[0].sealed());
      }
    }
  }
}
