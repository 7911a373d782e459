package io.github.twitterlogin.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces seen per consumer and token (RFC 5849 section 3.3: a nonce is unique for its
 * timestamp, consumer and token). Bounded in time, since a request older than the allowed clock
 * skew is refused by its timestamp anyway, and in size, dropping the oldest first.
 */
final class NonceMemory {

  private final Map<String, Instant> seen = new LinkedHashMap<>();
  private final Clock clock;
  private final Duration window;
  private final int maxSize;

  NonceMemory(Clock clock, Duration window, int maxSize) {
    this.clock = clock;
    this.window = window;
    this.maxSize = maxSize;
  }

  /** Remembers the nonce; false if it was already used with the same consumer, token and timestamp. */
  boolean firstUse(String consumerKey, String token, String timestamp, String nonce) {
    forgetExpired();
    String key = consumerKey + '&' + (token == null ? "" : token) + '&' + timestamp + '&' + nonce;
    if (seen.containsKey(key)) {
      return false;
    }
    seen.put(key, clock.instant());
    if (seen.size() > maxSize) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  int size() {
    return seen.size();
  }

  private void forgetExpired() {
    Instant horizon = clock.instant().minus(window.multipliedBy(2));
    Iterator<Instant> entries = seen.values().iterator();
    while (entries.hasNext() && entries.next().isBefore(horizon)) {
      entries.remove();
    }
  }
}
