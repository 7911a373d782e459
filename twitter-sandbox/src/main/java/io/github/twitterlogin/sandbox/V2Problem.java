package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A refusal in the shape of X's v2 API, a problem document ({@code application/problem+json}):
 * {@code {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}} for
 * the statuses X answers without details, and {@code invalid-request} with the offending
 * parameters for a query X does not take.
 */
record V2Problem(int status, JsonObject body) {

  static final String CONTENT_TYPE = "application/problem+json";
  private static final String INVALID_REQUEST = "https://api.twitter.com/2/problems/invalid-request";

  /**
   * The v2 answer for a refusal v1.1 would give as {@code error}. Every failed authentication is
   * "Unauthorized" on v2, a missing or malformed header (v1.1's 400, code 215) too.
   */
  static V2Problem of(TwitterError error) {
    int status = error.code() == 215 ? 401 : error.status();
    return plain(status);
  }

  static V2Problem plain(int status) {
    String title = switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found Error";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
    return new V2Problem(status, new JsonObject().put("title", title).put("detail", title).put("type", "about:blank")
        .put("status", status));
  }

  /** X's answer to a query parameter or value it does not take; X leaves out the status here. */
  static V2Problem invalidRequest(String parameter, String value, String message) {
    JsonObject problem = new JsonObject()
        .put("parameters", new JsonObject().put(parameter, new JsonArray().add(value)))
        .put("message", message);
    return new V2Problem(400, new JsonObject()
        .put("errors", new JsonArray().add(problem))
        .put("title", "Invalid Request")
        .put("detail", "One or more parameters to your request was invalid.")
        .put("type", INVALID_REQUEST));
  }
}
