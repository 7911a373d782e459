package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose token signs a call: an OAuth 1.0a access token itself ({@code token} and {@code
 * tokenSecret}), an OAuth 2.0 access token ({@code bearerToken}, sent as {@code Authorization:
 * Bearer}), or a signed-in user named by id ({@code userId}), whose token the Twitter client
 * keeps in its vault, so that the caller never holds it.
 */
public final class UserToken {

  private final TokenCredentials credentials;
  private final String bearerToken;
  private final String userId;

  private UserToken(TokenCredentials credentials, String bearerToken, String userId) {
    this.credentials = credentials;
    this.bearerToken = bearerToken;
    this.userId = userId;
  }

  public static UserToken of(TokenCredentials credentials) {
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret are required");
    }
    return new UserToken(credentials, null, null);
  }

  /** An OAuth 2.0 access token of the user (RFC 6750). */
  public static UserToken ofBearer(String accessToken) {
    if (accessToken == null || accessToken.isBlank()) {
      throw MessageFields.badRequest("bearerToken is required");
    }
    return new UserToken(null, accessToken, null);
  }

  public static UserToken ofUser(String userId) {
    if (userId == null || userId.isBlank()) {
      throw MessageFields.badRequest("userId is required");
    }
    return new UserToken(null, null, userId);
  }

  /** The OAuth 1.0a token, when the caller gave it. */
  public Optional<TokenCredentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The OAuth 2.0 access token, when the caller gave it. */
  public Optional<String> bearerToken() {
    return Optional.ofNullable(bearerToken);
  }

  /** The user, when the caller named her instead of giving her token. */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** Writes {@code token} and {@code tokenSecret}, {@code bearerToken}, or {@code userId} into a message. */
  public JsonObject writeTo(JsonObject json) {
    if (credentials != null) {
      return credentials.writeTo(json);
    }
    return bearerToken != null ? json.put("bearerToken", bearerToken) : json.put("userId", userId);
  }

  /** One of {@code userId}, {@code bearerToken}, or {@code token} and {@code tokenSecret}; more is BAD_REQUEST. */
  public static UserToken fromJson(JsonObject json) {
    String user = MessageFields.optionalText(json, "userId");
    String bearer = MessageFields.optionalText(json, "bearerToken");
    boolean hasToken = json.containsKey("token") || json.containsKey("tokenSecret");
    if ((user != null ? 1 : 0) + (bearer != null ? 1 : 0) + (hasToken ? 1 : 0) > 1) {
      throw MessageFields.badRequest("give one of userId, bearerToken, or token and tokenSecret");
    }
    if (user != null) {
      return ofUser(user);
    }
    return bearer != null ? ofBearer(bearer) : of(TokenCredentials.fromJson(json));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserToken that && Objects.equals(credentials, that.credentials)
        && Objects.equals(bearerToken, that.bearerToken) && Objects.equals(userId, that.userId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(credentials, bearerToken, userId);
  }

  @Override
  public String toString() {
    if (credentials != null) {
      return "UserToken[" + credentials + "]";
    }
    return bearerToken != null ? "UserToken[bearerToken=(hidden)]" : "UserToken[userId=" + userId + "]";
  }
}
