package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * Asks for a request token whose login returns to {@code callbackUrl}. {@code forceLogin} and
 * {@code screenName} go to the login page's URL as X's {@code force_login} and
 * {@code screen_name}; {@code screenName} may be null. {@code accessType}, null unless the login
 * asks for less (or more) than the app's registered access, is sent signed as
 * {@code x_auth_access_type}. {@code loginPage} (null means {@link LoginPage#AUTHENTICATE}) is the
 * page that {@link RequestToken#authenticateUrl()} points at.
 */
public record RequestTokenRequest(
    String callbackUrl, boolean forceLogin, String screenName, AccessType accessType, LoginPage loginPage) {

  public RequestTokenRequest {
    if (callbackUrl == null || callbackUrl.isBlank()) {
      throw MessageFields.badRequest("callbackUrl is required");
    }
    loginPage = loginPage == null ? LoginPage.AUTHENTICATE : loginPage;
  }

  /** The app's own access, on the authenticate page. */
  public RequestTokenRequest(String callbackUrl, boolean forceLogin, String screenName) {
    this(callbackUrl, forceLogin, screenName, null, LoginPage.AUTHENTICATE);
  }

  public static RequestTokenRequest of(String callbackUrl) {
    return new RequestTokenRequest(callbackUrl, false, null);
  }

  public RequestTokenRequest withAccessType(AccessType type) {
    return new RequestTokenRequest(callbackUrl, forceLogin, screenName, type, loginPage);
  }

  public RequestTokenRequest withLoginPage(LoginPage page) {
    return new RequestTokenRequest(callbackUrl, forceLogin, screenName, accessType, page);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("callbackUrl", callbackUrl)
        .put("forceLogin", forceLogin)
        .put("loginPage", loginPage.value());
    if (screenName != null) {
      json.put("screenName", screenName);
    }
    if (accessType != null) {
      json.put("accessType", accessType.value());
    }
    return json;
  }

  public static RequestTokenRequest fromJson(JsonObject json) {
    return new RequestTokenRequest(
        MessageFields.requiredText(json, "callbackUrl"),
        MessageFields.optionalFlag(json, "forceLogin"),
        MessageFields.optionalText(json, "screenName"),
        AccessType.fromValue("accessType", MessageFields.optionalText(json, "accessType")),
        LoginPage.fromValue("loginPage", MessageFields.optionalText(json, "loginPage")));
  }
}
