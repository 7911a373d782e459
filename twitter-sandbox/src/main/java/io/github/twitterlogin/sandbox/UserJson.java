package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/** Sandbox users in the shapes of Twitter's v1.1 user object and v2 {@code users/me}. */
final class UserJson {

  private static final String CREATED_AT = "Wed Jan 01 00:00:00 +0000 2020";

  private final SandboxSettings settings;
  private final Supplier<String> publicUrl;

  UserJson(SandboxSettings settings, Supplier<String> publicUrl) {
    this.settings = settings;
    this.publicUrl = publicUrl;
  }

  JsonObject v1(String userId, boolean includeEmail, boolean includeStatus, boolean includeEntities) {
    SandboxUser user = user(userId);
    String avatar = user.avatarUrl(publicUrl.get());
    JsonObject json = new JsonObject()
        .put("id", Long.parseLong(user.id()))
        .put("id_str", user.id())
        .put("name", user.name())
        .put("screen_name", user.screenName())
        .put("location", "")
        .put("description", "A sandbox account: not a Twitter user.")
        .put("url", (String) null)
        .put("protected", false)
        .put("followers_count", 0)
        .put("friends_count", 0)
        .put("created_at", CREATED_AT)
        .put("verified", false)
        .put("profile_image_url", avatar)
        .put("profile_image_url_https", avatar)
        .put("default_profile_image", false);
    if (includeEmail && user.email() != null) {
      json.put("email", user.email());
    }
    if (includeStatus) {
      json.put("status", new JsonObject().put("id_str", user.id() + "1").put("created_at", CREATED_AT)
          .put("text", "Hello from the sandbox"));
    }
    if (includeEntities) {
      json.put("entities", new JsonObject().put("description", new JsonObject().put("urls", new JsonArray())));
    }
    return json;
  }

  JsonObject v2(String userId) {
    SandboxUser user = user(userId);
    return new JsonObject().put("data", new JsonObject()
        .put("id", user.id())
        .put("name", user.name())
        .put("username", user.screenName()));
  }

  private SandboxUser user(String userId) {
    return settings.user(userId).orElseThrow(TwitterError::invalidOrExpiredToken);
  }
}
