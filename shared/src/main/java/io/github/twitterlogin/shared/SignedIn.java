package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * Published on {@link TwitterAddresses#SIGNED_IN} once per completed sign-in, to every member of
 * the cluster. Who signed in, and when ({@code at}, epoch milliseconds); never a token.
 */
public record SignedIn(String userId, String screenName, String name, String profileImageUrl, long at) {

  public SignedIn {
    if (userId == null || userId.isBlank()) {
      throw MessageFields.badRequest("userId is required");
    }
  }

  public static SignedIn of(TwitterUser user, long at) {
    return new SignedIn(user.id(), user.screenName(), user.name(), user.profileImageUrl(), at);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("screenName", screenName)
        .put("name", name)
        .put("profileImageUrl", profileImageUrl)
        .put("at", at);
  }

  public static SignedIn fromJson(JsonObject json) {
    Long at = MessageFields.optionalLong(json, "at");
    if (at == null) {
      throw MessageFields.badRequest("at is required");
    }
    return new SignedIn(
        MessageFields.requiredText(json, "userId"),
        MessageFields.optionalText(json, "screenName"),
        MessageFields.optionalText(json, "name"),
        MessageFields.optionalText(json, "profileImageUrl"),
        at);
  }
}
