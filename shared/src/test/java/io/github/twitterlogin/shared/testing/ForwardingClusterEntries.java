package io.github.twitterlogin.shared.testing;

import com.hazelcast.query.Predicate;
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.vertx.core.Future;
import java.util.function.BiConsumer;

/** Real entries behind a test's own: a test overrides the calls it watches or meddles with. */
public abstract class ForwardingClusterEntries implements ClusterEntries {

  protected final ClusterEntries entries;

  protected ForwardingClusterEntries(ClusterEntries entries) {
    this.entries = entries;
  }

  @Override
  public Future<byte[]> get(String key) {
    return entries.get(key);
  }

  @Override
  public Future<Void> create(String key, byte[] value, long maxIdleMillis) {
    return entries.create(key, value, maxIdleMillis);
  }

  @Override
  public Future<Boolean> compareAndSet(String key, byte[] expected, byte[] replacement) {
    return entries.compareAndSet(key, expected, replacement);
  }

  @Override
  public Future<byte[]> remove(String key) {
    return entries.remove(key);
  }

  @Override
  public Future<Integer> size() {
    return entries.size();
  }

  @Override
  public Future<Long> count(Predicate<String, byte[]> which) {
    return entries.count(which);
  }

  @Override
  public void onExpiry(BiConsumer<String, byte[]> expired) {
    entries.onExpiry(expired);
  }

  @Override
  public Future<Void> clear() {
    return entries.clear();
  }

  @Override
  public void close() {
    entries.close();
  }
}
