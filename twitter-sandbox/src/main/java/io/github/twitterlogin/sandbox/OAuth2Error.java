package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;

/**
 * A refusal of X's OAuth 2.0 token endpoints, in RFC 6749 section 5.2's shape with X's words:
 * {@code {"error":"invalid_request","error_description":"Value passed for the token was invalid."}}.
 */
final class OAuth2Error extends RuntimeException {

  static final String TOKEN_PATH = "/2/oauth2/token";
  static final String REVOKE_PATH = "/2/oauth2/revoke";

  private final int status;
  private final String error;

  OAuth2Error(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  static OAuth2Error invalidRequest(String description) {
    return new OAuth2Error(400, "invalid_request", description);
  }

  static OAuth2Error missing(String parameter) {
    return invalidRequest("Missing required parameter [" + parameter + "].");
  }

  /** X's answer to an unknown, spent, expired or revoked refresh token, or one of another client. */
  static OAuth2Error invalidToken() {
    return invalidRequest("Value passed for the token was invalid.");
  }

  static OAuth2Error invalidCode() {
    return invalidRequest("Value passed for the authorization code was invalid.");
  }

  /** X's answer to a confidential client without its Basic credentials, or with wrong ones. */
  static OAuth2Error missingClientAuthentication() {
    return new OAuth2Error(401, "unauthorized_client", "Missing valid authorization header");
  }

  static boolean isOAuth2Path(String path) {
    return path.startsWith("/2/oauth2/");
  }

  int status() {
    return status;
  }

  JsonObject toJson() {
    return new JsonObject().put("error", error).put("error_description", getMessage());
  }
}
