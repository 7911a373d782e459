package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Sandbox users in the shapes of Twitter's v1.1 user object and v2's user, its fields as asked for. */
final class UserJson {

  /** Every {@code user.fields} value X's v2 takes, in X's order (as its refusal lists them). */
  static final List<String> V2_FIELDS = List.of("affiliation", "connection_status", "created_at", "description",
      "entities", "id", "location", "most_recent_tweet_id", "name", "parsed_description_entities", "pinned_tweet_id",
      "profile_banner_url", "profile_image_url", "protected", "public_metrics", "receives_your_dm",
      "subscription_type", "url", "username", "verified", "verified_type", "withheld");

  private static final String CREATED_AT = "Wed Jan 01 00:00:00 +0000 2020";
  private static final String CREATED_AT_V2 = "2020-01-01T00:00:00.000Z";
  private static final String DESCRIPTION = "A sandbox account: not a Twitter user.";

  private final SandboxUsers users;
  private final Supplier<String> publicUrl;

  UserJson(SandboxUsers users, Supplier<String> publicUrl) {
    this.users = users;
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
        .put("description", DESCRIPTION)
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

  /**
   * {@code id}, {@code name} and {@code username} always, as on X, and of the other fields only
   * those asked for. A field X would leave out for this user (no pinned tweet, no banner) is
   * left out here too.
   */
  JsonObject v2(String userId, Set<String> fields) {
    SandboxUser user = user(userId);
    JsonObject data = new JsonObject().put("id", user.id()).put("name", user.name()).put("username", user.screenName());
    if (fields.contains("created_at")) {
      data.put("created_at", CREATED_AT_V2);
    }
    if (fields.contains("description")) {
      data.put("description", DESCRIPTION);
    }
    if (fields.contains("location")) {
      data.put("location", "");
    }
    if (fields.contains("profile_image_url")) {
      data.put("profile_image_url", user.avatarUrl(publicUrl.get()));
    }
    if (fields.contains("protected")) {
      data.put("protected", false);
    }
    if (fields.contains("public_metrics")) {
      data.put("public_metrics", new JsonObject().put("followers_count", 0).put("following_count", 0)
          .put("tweet_count", 1).put("listed_count", 0).put("like_count", 0));
    }
    if (fields.contains("url")) {
      data.put("url", "");
    }
    if (fields.contains("verified")) {
      data.put("verified", false);
    }
    if (fields.contains("verified_type")) {
      data.put("verified_type", "none");
    }
    return new JsonObject().put("data", data);
  }

  private SandboxUser user(String userId) {
    return users.byId(userId).orElseThrow(TwitterError::invalidOrExpiredToken);
  }
}
