package io.github.twitterlogin.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Twitter's per-user rate limits: so many calls to an endpoint in a window (verify_credentials:
 * 75 per 15 minutes), the window starting at the first call.
 */
final class RateLimits {

  /** What the {@code x-rate-limit-*} headers tell after a call, and whether it was allowed. */
  record Usage(int limit, int remaining, long resetEpochSeconds, boolean allowed) {
  }

  private record Window(Instant start, int calls) {
  }

  private final Map<String, Window> windows = new HashMap<>();
  private final Clock clock;
  private final Duration length;
  private final int limit;

  RateLimits(Clock clock, Duration length, int limit) {
    this.clock = clock;
    this.length = length;
    this.limit = limit;
  }

  Usage call(String userId, String endpoint) {
    Instant now = clock.instant();
    String key = userId + ' ' + endpoint;
    Window window = windows.get(key);
    if (window == null || !window.start().plus(length).isAfter(now)) {
      window = new Window(now, 0);
    }
    boolean allowed = window.calls() < limit;
    if (allowed) {
      window = new Window(window.start(), window.calls() + 1);
    }
    windows.put(key, window);
    long reset = window.start().plus(length).getEpochSecond();
    return new Usage(limit, limit - window.calls(), reset, allowed);
  }
}
