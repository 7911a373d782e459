package io.github.twitterlogin.gateway.sstore.impl;

import com.hazelcast.map.IMap;
import io.github.twitterlogin.shared.cluster.CompareAndSetBytes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Sessions in a Hazelcast {@code IMap}. Each Hazelcast completion is handed straight to the
 * caller's Vert.x context: left to Hazelcast's default executor it would run on the common
 * ForkJoinPool, or on a new thread per completion where that pool has one thread (two cores).
 */
final class HazelcastSessionEntries implements SessionEntries {

  private final Vertx vertx;
  private final IMap<String, byte[]> map;

  HazelcastSessionEntries(Vertx vertx, IMap<String, byte[]> map) {
    this.vertx = vertx;
    this.map = map;
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

  @Override
  public Future<Void> clear() {
    return vertx.executeBlocking(() -> {
      map.clear();
      return null;
    });
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
