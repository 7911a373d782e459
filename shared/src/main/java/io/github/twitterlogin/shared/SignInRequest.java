package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;

/**
 * The callback's step of the login in one request: exchanges the {@code verifier} that X gave the
 * callback, signed with the request token, and reads the user's profile from {@code profileSource}
 * (null means {@link ProfileSource#V2}). {@code includeEmail} asks for the email, which only
 * {@link ProfileSource#V1_1} gives, and needs the app's email permission. With {@code keepToken},
 * a Twitter client that keeps users' tokens (its vault, on unless {@code USER_CALLS=off}) keeps
 * the access token and answers a sign-in id in its place; one that does not answers the token.
 */
public record SignInRequest(
    TokenCredentials requestToken, String verifier, ProfileSource profileSource, boolean includeEmail,
    boolean keepToken) {

  public SignInRequest {
    if (requestToken == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
    if (verifier == null || verifier.isBlank()) {
      throw MessageFields.badRequest("verifier is required");
    }
    profileSource = profileSource == null ? ProfileSource.V2 : profileSource;
    if (includeEmail && profileSource != ProfileSource.V1_1) {
      throw MessageFields.badRequest("includeEmail needs profileSource v1.1: only verify_credentials gives the email");
    }
  }

  public SignInRequest(TokenCredentials requestToken, String verifier, ProfileSource profileSource,
      boolean includeEmail) {
    this(requestToken, verifier, profileSource, includeEmail, false);
  }

  /** The profile from {@code 2/users/me}, without email. */
  public static SignInRequest of(TokenCredentials requestToken, String verifier) {
    return new SignInRequest(requestToken, verifier, ProfileSource.V2, false);
  }

  public JsonObject toJson() {
    return requestToken.writeTo(new JsonObject())
        .put("verifier", verifier)
        .put("profileSource", profileSource.value())
        .put("includeEmail", includeEmail)
        .put("keepToken", keepToken);
  }

  public static SignInRequest fromJson(JsonObject json) {
    return new SignInRequest(
        TokenCredentials.fromJson(json),
        MessageFields.requiredText(json, "verifier"),
        ProfileSource.fromValue("profileSource", MessageFields.optionalText(json, "profileSource")),
        MessageFields.optionalFlag(json, "includeEmail"),
        MessageFields.optionalFlag(json, "keepToken"));
  }

  @Override
  public String toString() {
    return "SignInRequest[requestToken=" + requestToken + ", verifier=(hidden), profileSource="
        + profileSource.value() + ", includeEmail=" + includeEmail + ", keepToken=" + keepToken + "]";
  }
}
