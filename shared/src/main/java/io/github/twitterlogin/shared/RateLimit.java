package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * Twitter's {@code x-rate-limit-limit}, {@code -remaining} and {@code -reset} (epoch seconds)
 * headers; each is null when Twitter did not send it.
 */
public record RateLimit(Integer limit, Integer remaining, Long reset) {

  public static final RateLimit NONE = new RateLimit(null, null, null);

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (limit != null) {
      json.put("limit", limit);
    }
    if (remaining != null) {
      json.put("remaining", remaining);
    }
    if (reset != null) {
      json.put("reset", reset);
    }
    return json;
  }

  public static RateLimit fromJson(JsonObject json) {
    if (json == null) {
      return NONE;
    }
    return new RateLimit(
        MessageFields.optionalInteger(json, "limit"),
        MessageFields.optionalInteger(json, "remaining"),
        MessageFields.optionalLong(json, "reset"));
  }
}
