package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** Exchanges the verifier that Twitter gave the callback, signed with the request token. */
public record AccessTokenRequest(TokenCredentials requestToken, String verifier) {

  public AccessTokenRequest {
    if (requestToken == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
    if (verifier == null || verifier.isBlank()) {
      throw MessageFields.badRequest("verifier is required");
    }
  }

  public JsonObject toJson() {
    return requestToken.writeTo(new JsonObject()).put("verifier", verifier);
  }

  public static AccessTokenRequest fromJson(JsonObject json) {
    return new AccessTokenRequest(
        TokenCredentials.fromJson(json), MessageFields.requiredText(json, "verifier"));
  }

  @Override
  public String toString() {
    return "AccessTokenRequest[requestToken=" + requestToken + ", verifier=(hidden)]";
  }
}
