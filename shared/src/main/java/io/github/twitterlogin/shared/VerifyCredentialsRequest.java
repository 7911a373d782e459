package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/** Asks who owns an access token; {@code includeEmail} needs the app's email permission. */
public record VerifyCredentialsRequest(TokenCredentials credentials, boolean includeEmail) {

  public VerifyCredentialsRequest {
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
  }

  public static VerifyCredentialsRequest of(TokenCredentials credentials) {
    return new VerifyCredentialsRequest(credentials, false);
  }

  public JsonObject toJson() {
    return credentials.writeTo(new JsonObject()).put("includeEmail", includeEmail);
  }

  public static VerifyCredentialsRequest fromJson(JsonObject json) {
    return new VerifyCredentialsRequest(
        TokenCredentials.fromJson(json), MessageFields.optionalFlag(json, "includeEmail"));
  }
}
