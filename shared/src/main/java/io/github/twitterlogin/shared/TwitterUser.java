package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** The profile of a signed-in user; {@code email} is null unless asked for and granted. */
public record TwitterUser(
    String id, String screenName, String name, String profileImageUrl, String email) {

  public TwitterUser {
    if (id == null || id.isBlank()) {
      throw MessageFields.badRequest("id is required");
    }
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("screenName", screenName)
        .put("name", name)
        .put("profileImageUrl", profileImageUrl);
    if (email != null) {
      json.put("email", email);
    }
    return json;
  }

  public static TwitterUser fromJson(JsonObject json) {
    return new TwitterUser(
        MessageFields.requiredText(json, "id"),
        MessageFields.optionalText(json, "screenName"),
        MessageFields.optionalText(json, "name"),
        MessageFields.optionalText(json, "profileImageUrl"),
        MessageFields.optionalText(json, "email"));
  }
}
