package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** An OAuth token and its secret: a user's access token, or a login's request token. */
public record TokenCredentials(String token, String tokenSecret) {

  public TokenCredentials {
    if (token == null || token.isBlank() || tokenSecret == null || tokenSecret.isBlank()) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
  }

  /** Writes {@code token} and {@code tokenSecret} into a message. */
  public JsonObject writeTo(JsonObject json) {
    return json.put("token", token).put("tokenSecret", tokenSecret);
  }

  public JsonObject toJson() {
    return writeTo(new JsonObject());
  }

  /** The token alone, without its secret: the reply of {@link TwitterAddresses#INVALIDATE_TOKEN}. */
  public JsonObject toTokenJson() {
    return new JsonObject().put("token", token);
  }

  public static TokenCredentials fromJson(JsonObject json) {
    return new TokenCredentials(
        MessageFields.requiredText(json, "token"), MessageFields.requiredText(json, "tokenSecret"));
  }

  @Override
  public String toString() {
    return "TokenCredentials[token=" + token + ", tokenSecret=(hidden)]";
  }
}
