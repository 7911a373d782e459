package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * The answer to a {@link SignInRequest}: who signed in, and either the user's access token, or,
 * when the Twitter client keeps it, the id of this sign-in, which {@link SignOutRequest} ends.
 */
public record SignIn(TwitterUser user, TokenCredentials credentials, String signInId) {

  public SignIn {
    if (user == null) {
      throw MessageFields.badRequest("user is required");
    }
    if ((credentials == null) == (signInId == null)) {
      throw MessageFields.badRequest("either token and tokenSecret, or signInId, is required");
    }
  }

  public SignIn(TwitterUser user, TokenCredentials credentials) {
    this(user, credentials, null);
  }

  /** Whether the Twitter client kept the token: the answer names the sign-in, not the token. */
  public boolean tokenKept() {
    return signInId != null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("user", user.toJson());
    return credentials != null ? credentials.writeTo(json) : json.put("signInId", signInId);
  }

  public static SignIn fromJson(JsonObject json) {
    Object user = json.getValue("user");
    if (user != null && !(user instanceof JsonObject)) {
      throw MessageFields.badRequest("user must be an object");
    }
    String signInId = MessageFields.optionalText(json, "signInId");
    return new SignIn(user == null ? null : TwitterUser.fromJson((JsonObject) user),
        signInId == null ? TokenCredentials.fromJson(json) : null, signInId);
  }

  @Override
  public String toString() {
    return "SignIn[user=" + user + (credentials != null ? ", credentials=" + credentials : ", signInId=" + signInId)
        + "]";
  }
}
