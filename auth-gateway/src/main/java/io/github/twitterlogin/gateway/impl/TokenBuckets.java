package io.github.twitterlogin.gateway.impl;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per key (a client address, a session), holding at most {@code capacity}
 * tokens and gaining {@code capacity} per minute. At most {@code maxKeys} buckets are kept, the
 * least recently used making room: an attacker with many addresses cannot grow the memory without
 * bound; what the eviction costs is that a bucket forgotten is full again when its key returns.
 * Not thread-safe: its owner holds a lock around each use.
 */
final class TokenBuckets {

  private static final class Bucket {
    double tokens;
    long atMillis;

    Bucket(double tokens, long atMillis) {
      this.tokens = tokens;
      this.atMillis = atMillis;
    }
  }

  private final int capacity;
  private final Clock clock;
  private final Map<String, Bucket> buckets;

  TokenBuckets(int capacity, int maxKeys, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  boolean hasToken(String key) {
    return refilled(key).tokens >= 1;
  }

  /** After {@link #hasToken} said yes. */
  void take(String key) {
    refilled(key).tokens -= 1;
  }

  /** Seconds until the key's bucket has a token again; 0 when it has one now. */
  long waitSeconds(String key) {
    double missing = 1 - refilled(key).tokens;
    return missing <= 0 ? 0 : (long) Math.ceil(missing * 60 / capacity);
  }

  int size() {
    return buckets.size();
  }

  private Bucket refilled(String key) {
    long now = clock.millis();
    Bucket bucket = buckets.computeIfAbsent(key, any -> new Bucket(capacity, now));
    long elapsed = Math.max(0, now - bucket.atMillis);
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * capacity / 60_000.0);
    bucket.atMillis = now;
    return bucket;
  }
}
