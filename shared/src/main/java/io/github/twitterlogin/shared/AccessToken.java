package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** A user's access token, with the user Twitter issued it for. */
public record AccessToken(TokenCredentials credentials, String userId, String screenName) {

  public AccessToken {
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
    if (userId == null || userId.isBlank()) {
      throw MessageFields.badRequest("userId is required");
    }
  }

  public JsonObject toJson() {
    return credentials.writeTo(new JsonObject())
        .put("userId", userId)
        .put("screenName", screenName);
  }

  public static AccessToken fromJson(JsonObject json) {
    return new AccessToken(
        TokenCredentials.fromJson(json),
        MessageFields.requiredText(json, "userId"),
        MessageFields.optionalText(json, "screenName"));
  }
}
