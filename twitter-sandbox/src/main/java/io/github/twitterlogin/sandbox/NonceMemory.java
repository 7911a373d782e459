package io.github.twitterlogin.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces seen per consumer and token. RFC 5849 section 3.3 only asks a nonce to be unique
 * per timestamp, consumer and token; Twitter reads it as one value per request ("to determine
 * whether a request has been submitted multiple times"), so the timestamp is left out of the key
 * and a nonce replayed under a new timestamp is refused too. Bounded in time, since a request
 * older than the allowed clock skew is refused by its timestamp anyway, and in size, dropping
 * the oldest first.
 */
final class NonceMemory {

  private final Map<String, Instant> seen = new LinkedHashMap<>();
  private final Clock clock;
  private final Duration window;
  private final int maxSize;

  /**
   * @param window how long a nonce is remembered: twice the allowed clock skew covers a request
   *     signed at the earliest accepted timestamp and one signed at the latest
   */
  NonceMemory(Clock clock, Duration window, int maxSize) {
    this.clock = clock;
    this.window = window;
    this.maxSize = maxSize;
  }

  static NonceMemory forClockSkew(Clock clock, Duration allowedClockSkew, int maxSize) {
    return new NonceMemory(clock, allowedClockSkew.multipliedBy(2), maxSize);
  }

  /** Remembers the nonce; false if it was already used with the same consumer and token. */
  boolean firstUse(String consumerKey, String token, String nonce) {
    forgetExpired();
    String key = consumerKey + '&' + (token == null ? "" : token) + '&' + nonce;
    if (seen.putIfAbsent(key, clock.instant()) != null) {
      return false;
    }
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

  /** Entries are in the order they were seen, so the expired ones are at the head. */
  private void forgetExpired() {
    Instant horizon = clock.instant().minus(window);
    Iterator<Instant> entries = seen.values().iterator();
    while (entries.hasNext() && entries.next().isBefore(horizon)) {
      entries.remove();
    }
  }
}
