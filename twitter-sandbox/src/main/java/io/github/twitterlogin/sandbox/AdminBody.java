package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON object an admin request carries. Only {@code application/json} is read: a web page
 * cannot send it across origins without a CORS preflight, which the sandbox never approves.
 */
final class AdminBody {

  private AdminBody() {
  }

  /**
   * @param what what the body holds, for the refusals ({@code fault settings})
   * @return the object, or empty once the request is answered 415 (another content type) or 400
   */
  static Optional<JsonObject> read(RoutingContext ctx, String what) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      TwitterAnswers.json(ctx, 415, error("send the " + what + " as application/json"));
      return Optional.empty();
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException notAnObject) {
      TwitterAnswers.json(ctx, 400, error("invalid " + what + ": the body is not a JSON object"));
      return Optional.empty();
    }
    if (body == null) {
      TwitterAnswers.json(ctx, 400, error("invalid " + what + ": the body is empty"));
      return Optional.empty();
    }
    return Optional.of(body);
  }

  static JsonObject error(String message) {
    return new JsonObject().put("error", message);
  }
}
