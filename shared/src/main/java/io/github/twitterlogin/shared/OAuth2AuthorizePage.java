package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** The answer to an {@link OAuth2AuthorizeRequest}: where to send the browser. */
public record OAuth2AuthorizePage(String authorizeUrl) {

  public OAuth2AuthorizePage {
    if (authorizeUrl == null || authorizeUrl.isBlank()) {
      throw MessageFields.badRequest("authorizeUrl is required");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("authorizeUrl", authorizeUrl);
  }

  public static OAuth2AuthorizePage fromJson(JsonObject json) {
    return new OAuth2AuthorizePage(MessageFields.requiredText(json, "authorizeUrl"));
  }
}
