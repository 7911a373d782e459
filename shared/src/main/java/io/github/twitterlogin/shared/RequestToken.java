package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** A request token, and the Twitter page that the browser goes to with it. */
public record RequestToken(TokenCredentials credentials, String authenticateUrl) {

  public RequestToken {
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
    if (authenticateUrl == null || authenticateUrl.isBlank()) {
      throw MessageFields.badRequest("authenticateUrl is required");
    }
  }

  public String token() {
    return credentials.token();
  }

  public JsonObject toJson() {
    return credentials.writeTo(new JsonObject()).put("authenticateUrl", authenticateUrl);
  }

  public static RequestToken fromJson(JsonObject json) {
    return new RequestToken(
        TokenCredentials.fromJson(json), MessageFields.requiredText(json, "authenticateUrl"));
  }
}
