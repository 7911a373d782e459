package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** An answer Twitter gives to a request it refuses: a status and {@code {"errors":[{code, message}]}}. */
final class TwitterError extends RuntimeException {

  private final int status;
  private final int code;

  TwitterError(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static TwitterError couldNotAuthenticate(String why) {
    return new TwitterError(401, 32, "Could not authenticate you. (" + why + ")");
  }

  static TwitterError invalidOrExpiredToken() {
    return new TwitterError(401, 89, "Invalid or expired token.");
  }

  static TwitterError timestampOutOfBounds() {
    return new TwitterError(401, 135, "Timestamp out of bounds.");
  }

  static TwitterError callbackNotApproved() {
    return new TwitterError(403, 415, "Callback URL not approved for this client application. "
        + "Approved callback URLs can be adjusted in your application settings");
  }

  /** The answer of X's tiers with "limited v1.1 endpoints" to any other v1.1 endpoint. */
  static TwitterError limitedV11Access() {
    return new TwitterError(403, 453, "You currently have access to a subset of X API V2 endpoints and limited v1.1"
        + " endpoints (e.g. media post, oauth) only. If you need access to this endpoint, you may need a different"
        + " access level. You can learn more here: https://developer.x.com/en/portal/product");
  }

  static TwitterError rateLimitExceeded() {
    return new TwitterError(429, 88, "Rate limit exceeded");
  }

  static TwitterError badRequest(String why) {
    return new TwitterError(400, 214, why);
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }

  JsonObject toJson() {
    return new JsonObject().put("errors", new JsonArray().add(
        new JsonObject().put("code", code).put("message", getMessage())));
  }
}
