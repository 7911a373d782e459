package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.RateLimit;
import io.vertx.core.MultiMap;

/** Twitter's {@code x-rate-limit-*} headers; a missing or malformed one is left out, not an error. */
final class RateLimitHeaders {

  static final String LIMIT = "x-rate-limit-limit";
  static final String REMAINING = "x-rate-limit-remaining";
  static final String RESET = "x-rate-limit-reset";

  private RateLimitHeaders() {
  }

  static RateLimit read(MultiMap headers) {
    Long limit = number(headers.get(LIMIT));
    Long remaining = number(headers.get(REMAINING));
    return new RateLimit(asInteger(limit), asInteger(remaining), number(headers.get(RESET)));
  }

  private static Long number(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException malformed) {
      return null;
    }
  }

  private static Integer asInteger(Long value) {
    return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
  }
}
