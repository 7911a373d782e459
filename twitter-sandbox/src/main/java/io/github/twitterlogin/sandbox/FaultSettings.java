package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;

/**
 * Faults to inject into Twitter's endpoints: a delay before every answer, and shares (0 to 1) of
 * requests answered 5xx, answered 429, or whose connection is dropped without an answer.
 */
public record FaultSettings(long latencyMillis, double serverErrorRate, double rateLimitRate, double dropRate) {

  public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0);

  public FaultSettings {
    if (latencyMillis < 0 || latencyMillis > 600_000) {
      throw new IllegalArgumentException("latencyMillis must be from 0 to 600000");
    }
    requireShare("serverErrorRate", serverErrorRate);
    requireShare("rateLimitRate", rateLimitRate);
    requireShare("dropRate", dropRate);
  }

  public static FaultSettings fromJson(JsonObject json) {
    if (json == null) {
      return NONE;
    }
    try {
      return new FaultSettings(
          json.getLong("latencyMillis", 0L),
          json.getDouble("serverErrorRate", 0.0),
          json.getDouble("rateLimitRate", 0.0),
          json.getDouble("dropRate", 0.0));
    } catch (ClassCastException wrongType) {
      throw new IllegalArgumentException("Fault settings hold numbers only");
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("latencyMillis", latencyMillis)
        .put("serverErrorRate", serverErrorRate)
        .put("rateLimitRate", rateLimitRate)
        .put("dropRate", dropRate);
  }

  private static void requireShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be from 0 to 1");
    }
  }
}
