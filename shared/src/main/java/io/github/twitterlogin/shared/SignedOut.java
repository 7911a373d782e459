package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Locale;

/**
 * Published on {@link TwitterAddresses#SIGNED_OUT} to every member of the cluster when a
 * sign-in ends: who, why, and when ({@code at}, epoch milliseconds).
 */
public record SignedOut(String userId, Reason reason, long at) {

  /** Why a sign-in ended; its JSON is the lower-case name. */
  public enum Reason {
    /** The user signed out. */
    LOGOUT,
    /** The session was not used for its timeout. */
    EXPIRED,
    /** Twitter no longer accepts the user's token (revoked by the user, or answered with error 89). */
    REVOKED;

    public String toJson() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Reason fromJson(String value) {
      return Arrays.stream(values())
          .filter(reason -> reason.toJson().equals(value))
          .findFirst()
          .orElseThrow(() -> MessageFields.badRequest("reason must be logout, expired or revoked"));
    }
  }

  public SignedOut {
    if (userId == null || userId.isBlank()) {
      throw MessageFields.badRequest("userId is required");
    }
    if (reason == null) {
      throw MessageFields.badRequest("reason is required");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("reason", reason.toJson()).put("at", at);
  }

  public static SignedOut fromJson(JsonObject json) {
    Long at = MessageFields.optionalLong(json, "at");
    if (at == null) {
      throw MessageFields.badRequest("at is required");
    }
    return new SignedOut(MessageFields.requiredText(json, "userId"),
        Reason.fromJson(MessageFields.requiredText(json, "reason")), at);
  }
}
