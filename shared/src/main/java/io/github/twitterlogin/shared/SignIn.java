package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** The answer to a {@link SignInRequest}: who signed in, and the user's access token. */
public record SignIn(TwitterUser user, TokenCredentials credentials) {

  public SignIn {
    if (user == null) {
      throw MessageFields.badRequest("user is required");
    }
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
  }

  public JsonObject toJson() {
    return credentials.writeTo(new JsonObject()).put("user", user.toJson());
  }

  public static SignIn fromJson(JsonObject json) {
    Object user = json.getValue("user");
    if (user != null && !(user instanceof JsonObject)) {
      throw MessageFields.badRequest("user must be an object");
    }
    return new SignIn(user == null ? null : TwitterUser.fromJson((JsonObject) user), TokenCredentials.fromJson(json));
  }

  @Override
  public String toString() {
    return "SignIn[user=" + user + ", credentials=" + credentials + "]";
  }
}
