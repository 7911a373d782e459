package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * Asks for a request token whose login returns to {@code callbackUrl}. {@code forceLogin} and
 * {@code screenName} go to the authenticate URL as Twitter's {@code force_login} and
 * {@code screen_name}; {@code screenName} may be null.
 */
public record RequestTokenRequest(String callbackUrl, boolean forceLogin, String screenName) {

  public RequestTokenRequest {
    if (callbackUrl == null || callbackUrl.isBlank()) {
      throw MessageFields.badRequest("callbackUrl is required");
    }
  }

  public static RequestTokenRequest of(String callbackUrl) {
    return new RequestTokenRequest(callbackUrl, false, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("callbackUrl", callbackUrl).put("forceLogin", forceLogin);
    if (screenName != null) {
      json.put("screenName", screenName);
    }
    return json;
  }

  public static RequestTokenRequest fromJson(JsonObject json) {
    return new RequestTokenRequest(
        MessageFields.requiredText(json, "callbackUrl"),
        MessageFields.optionalFlag(json, "forceLogin"),
        MessageFields.optionalText(json, "screenName"));
  }
}
