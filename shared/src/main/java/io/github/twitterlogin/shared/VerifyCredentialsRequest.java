package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * Asks who owns an access token, or a signed-in user named by id; {@code includeEmail} needs the
 * app's email permission.
 */
public record VerifyCredentialsRequest(UserToken credentials, boolean includeEmail) {

  public VerifyCredentialsRequest {
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret, or userId, are required");
    }
  }

  public VerifyCredentialsRequest(TokenCredentials credentials, boolean includeEmail) {
    this(credentials == null ? null : UserToken.of(credentials), includeEmail);
  }

  public static VerifyCredentialsRequest of(TokenCredentials credentials) {
    return new VerifyCredentialsRequest(credentials, false);
  }

  /** The same question, signed with {@code credentials}: a call by user id, once the vault gave her token. */
  public VerifyCredentialsRequest signedWith(TokenCredentials credentials) {
    return signedWith(UserToken.of(credentials));
  }

  /** The same question, signed with {@code token}: an OAuth 1.0a token or an OAuth 2.0 bearer token. */
  public VerifyCredentialsRequest signedWith(UserToken token) {
    return new VerifyCredentialsRequest(token, includeEmail);
  }

  public JsonObject toJson() {
    return credentials.writeTo(new JsonObject()).put("includeEmail", includeEmail);
  }

  public static VerifyCredentialsRequest fromJson(JsonObject json) {
    return new VerifyCredentialsRequest(
        UserToken.fromJson(json), MessageFields.optionalFlag(json, "includeEmail"));
  }
}
