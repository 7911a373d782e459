package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Faults to inject into Twitter's endpoints: a delay before every answer, and shares (0 to 1) of
 * requests answered 5xx, answered 429, or whose connection is dropped without an answer.
 */
public record FaultSettings(long latencyMillis, double serverErrorRate, double rateLimitRate, double dropRate) {

  public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0);

  private static final List<String> FIELDS = List.of("latencyMillis", "serverErrorRate", "rateLimitRate", "dropRate");

  public FaultSettings {
    if (latencyMillis < 0 || latencyMillis > 600_000) {
      throw new IllegalArgumentException("latencyMillis must be a whole number from 0 to 600000");
    }
    requireShare("serverErrorRate", serverErrorRate);
    requireShare("rateLimitRate", rateLimitRate);
    requireShare("dropRate", dropRate);
  }

  /**
   * A missing field is 0. A field that is null, of another type or unknown is refused by its
   * name, in words that name no Java type: the admin endpoint shows the message to its caller.
   */
  public static FaultSettings fromJson(JsonObject json) {
    if (json == null) {
      return NONE;
    }
    for (String name : json.fieldNames()) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "': the fields are " + String.join(", ", FIELDS));
      }
    }
    return new FaultSettings(wholeNumber(json, "latencyMillis"), number(json, "serverErrorRate"),
        number(json, "rateLimitRate"), number(json, "dropRate"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("latencyMillis", latencyMillis)
        .put("serverErrorRate", serverErrorRate)
        .put("rateLimitRate", rateLimitRate)
        .put("dropRate", dropRate);
  }

  private static long wholeNumber(JsonObject json, String name) {
    Object value = present(json, name);
    if (value == null) {
      return 0;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException(name + " must be a whole number of milliseconds");
  }

  private static double number(JsonObject json, String name) {
    Object value = present(json, name);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(name + " must be a number from 0 to 1");
  }

  /** The field's value, or null when it is absent; present with a null value is an error. */
  private static Object present(JsonObject json, String name) {
    if (json.containsKey(name) && json.getValue(name) == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return json.getValue(name);
  }

  private static void requireShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be a number from 0 to 1");
    }
  }
}
