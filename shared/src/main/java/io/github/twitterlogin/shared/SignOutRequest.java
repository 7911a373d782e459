package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * Ends one sign-in whose token the Twitter client keeps: {@code reason} is why the gateway's
 * session ended ({@link SignedOut.Reason#LOGOUT} or {@link SignedOut.Reason#EXPIRED}), and with
 * {@code revoke} the token is also revoked at Twitter first. What the vault then keeps follows
 * {@code USER_TOKEN_RETENTION}.
 */
public record SignOutRequest(String userId, String signInId, SignedOut.Reason reason, boolean revoke) {

  public SignOutRequest {
    if (userId == null || userId.isBlank()) {
      throw MessageFields.badRequest("userId is required");
    }
    if (signInId == null || signInId.isBlank()) {
      throw MessageFields.badRequest("signInId is required");
    }
    if (reason == null || reason == SignedOut.Reason.REVOKED) {
      throw MessageFields.badRequest("reason must be logout or expired");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("signInId", signInId).put("reason", reason.toJson())
        .put("revoke", revoke);
  }

  public static SignOutRequest fromJson(JsonObject json) {
    return new SignOutRequest(
        MessageFields.requiredText(json, "userId"),
        MessageFields.requiredText(json, "signInId"),
        SignedOut.Reason.fromJson(MessageFields.requiredText(json, "reason")),
        MessageFields.optionalFlag(json, "revoke"));
  }
}
