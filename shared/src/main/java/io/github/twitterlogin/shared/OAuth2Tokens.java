package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A user's OAuth 2.0 tokens, as X's token endpoint grants them: a bearer access token (X's last
 * 2 hours), when it expires, the scopes granted and, with {@code offline.access}, the refresh
 * token, which is single-use and rotates on each refresh. {@code toString()} hides both tokens;
 * {@link #toJson()} carries them, so never log it.
 */
public record OAuth2Tokens(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes) {

  public OAuth2Tokens {
    if (accessToken == null || accessToken.isBlank()) {
      throw MessageFields.badRequest("accessToken is required");
    }
    if (refreshToken != null && refreshToken.isBlank()) {
      throw MessageFields.badRequest("refreshToken must not be blank; leave it out when none was granted");
    }
    if (expiresAt == null) {
      throw MessageFields.badRequest("expiresAt is required");
    }
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** Whether the access token has less than {@code margin} left at {@code now}: time to refresh it. */
  public boolean expiresWithin(Duration margin, Instant now) {
    return !expiresAt.minus(margin).isAfter(now);
  }

  /** The bearer token as the signer of a call. */
  public UserToken bearer() {
    return UserToken.ofBearer(accessToken);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("accessToken", accessToken)
        .put("expiresAt", expiresAt.toEpochMilli())
        .put("scopes", new JsonArray(scopes));
    if (refreshToken != null) {
      json.put("refreshToken", refreshToken);
    }
    return json;
  }

  public static OAuth2Tokens fromJson(JsonObject json) {
    Long expiresAt = MessageFields.optionalLong(json, "expiresAt");
    return new OAuth2Tokens(
        MessageFields.requiredText(json, "accessToken"),
        MessageFields.optionalText(json, "refreshToken"),
        expiresAt == null ? null : Instant.ofEpochMilli(expiresAt),
        MessageFields.optionalTexts(json, "scopes"));
  }

  @Override
  public String toString() {
    return "OAuth2Tokens[accessToken=(hidden), refreshToken=" + (refreshToken == null ? "(none)" : "(hidden)")
        + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
  }
}
