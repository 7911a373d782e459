package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose access token signs a call: the token itself ({@code token} and {@code tokenSecret}), or a
 * signed-in user named by id ({@code userId}), whose token the Twitter client keeps in its vault,
 * so that the caller never holds the secret.
 */
public final class UserToken {

  private final TokenCredentials credentials;
  private final String userId;

  private UserToken(TokenCredentials credentials, String userId) {
    this.credentials = credentials;
    this.userId = userId;
  }

  public static UserToken of(TokenCredentials credentials) {
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
    return new UserToken(credentials, null);
  }

  public static UserToken ofUser(String userId) {
    if (userId == null || userId.isBlank()) {
      throw MessageFields.badRequest("userId is required");
    }
    return new UserToken(null, userId);
  }

  /** The token, when the caller gave it. */
  public Optional<TokenCredentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The user, when the caller named her instead of giving her token. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** Writes {@code token} and {@code tokenSecret}, or {@code userId}, into a message. */
  public JsonObject writeTo(JsonObject json) {
    return credentials != null ? credentials.writeTo(json) : json.put("userId", userId);
  }

  /** {@code userId} without {@code token}, or {@code token} and {@code tokenSecret}; both is BAD_REQUEST. */
  public static UserToken fromJson(JsonObject json) {
    String user = MessageFields.optionalText(json, "userId");
    boolean hasToken = json.containsKey("token") || json.containsKey("tokenSecret");
    if (user != null && hasToken) {
      throw MessageFields.badRequest("give either userId or token and tokenSecret, not both");
    }
    return user != null ? ofUser(user) : of(TokenCredentials.fromJson(json));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserToken that && Objects.equals(credentials, that.credentials)
        && Objects.equals(userId, that.userId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(credentials, userId);
  }

  @Override
  public String toString() {
    return credentials != null ? "UserToken[" + credentials + "]" : "UserToken[userId=" + userId + "]";
  }
}
