package io.github.twitterlogin.shared;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Twitter's answer to an {@link ApiRequest}: status, body as text, and its rate limit. */
public record ApiResponse(int status, String body, String contentType, RateLimit rateLimit) {

  public ApiResponse {
    body = body == null ? "" : body;
    rateLimit = rateLimit == null ? RateLimit.NONE : rateLimit;
  }

  /** The body as a JSON object, or a failed parse as {@link TwitterFailure#TWITTER_ERROR}. */
  public JsonObject bodyAsJsonObject() {
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException notAnObject) {
      throw new TwitterFailureException(
          TwitterFailure.TWITTER_ERROR, "Twitter's answer is not a JSON object");
    }
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("status", status)
        .put("body", body)
        .put("rateLimit", rateLimit.toJson());
    if (contentType != null) {
      json.put("contentType", contentType);
    }
    return json;
  }

  public static ApiResponse fromJson(JsonObject json) {
    Integer status = MessageFields.optionalInteger(json, "status");
    if (status == null) {
      throw MessageFields.badRequest("status is required");
    }
    Object rateLimit = json.getValue("rateLimit");
    return new ApiResponse(
        status,
        MessageFields.optionalText(json, "body", Integer.MAX_VALUE),
        MessageFields.optionalText(json, "contentType"),
        rateLimit instanceof JsonObject limits ? RateLimit.fromJson(limits) : RateLimit.NONE);
  }
}
