package io.github.twitterlogin.gateway.sstore.impl;

import io.vertx.core.Future;
import java.util.function.BiConsumer;

/**
 * Where sealed sessions live, by lookup key: the cluster's map, or this process's memory when
 * Vert.x is not clustered. Every change is one atomic step on one entry; an entry unread for
 * {@code maxIdleMillis} expires.
 */
interface SessionEntries {

  /** The sealed session, or null; reading it counts as use, so it does not expire while in use. */
  Future<byte[]> get(String key);

  /** Stores a session that is not stored yet. */
  Future<Void> create(String key, byte[] sealed, long maxIdleMillis);

  /** Replaces the value only if it is still {@code expected}; an absent entry stays absent. */
  Future<Boolean> compareAndSet(String key, byte[] expected, byte[] replacement);

  /** Removes the entry; answers the value it held, or null. */
  Future<byte[]> remove(String key);

  Future<Integer> size();

  /**
   * Calls {@code expired} once for each entry that expires (the key and the value it held):
   * once in the whole cluster, whichever members listen.
   */
  void onExpiry(BiConsumer<String, byte[]> expired);

  Future<Void> clear();

  void close();
}
