package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * One OAuth 2.0 token by itself: the refresh token of {@link TwitterAddresses#OAUTH2_REFRESH}, or
 * the access or refresh token of {@link TwitterAddresses#OAUTH2_REVOKE}.
 */
public record OAuth2TokenRequest(String token) {

  public OAuth2TokenRequest {
    if (token == null || token.isBlank()) {
      throw MessageFields.badRequest("token is required");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("token", token);
  }

  public static OAuth2TokenRequest fromJson(JsonObject json) {
    return new OAuth2TokenRequest(MessageFields.requiredText(json, "token"));
  }

  @Override
  public String toString() {
    return "OAuth2TokenRequest[token=(hidden)]";
  }
}
