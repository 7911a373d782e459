package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Answers in Twitter's formats: form-encoded for the OAuth steps, JSON for the API, v1.1's or v2's. */
final class TwitterAnswers {

  private static final String V2_PATHS = "/2/";

  private TwitterAnswers() {
  }

  static Future<Void> form(RoutingContext ctx, List<Parameter> parameters) {
    return ctx.response()
        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Parameter.formatForm(parameters));
  }

  static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
    return json(ctx, status, "application/json; charset=utf-8", body);
  }

  /** A refusal as the API of the path gives it: v1.1's {@code errors} list, or v2's problem document. */
  static Future<Void> refuse(RoutingContext ctx, TwitterError error) {
    return isV2(ctx) ? problem(ctx, V2Problem.of(error)) : json(ctx, error.status(), error.toJson());
  }

  static Future<Void> problem(RoutingContext ctx, V2Problem problem) {
    return json(ctx, problem.status(), V2Problem.CONTENT_TYPE, problem.body());
  }

  /** The v2 API, whose refusals are problem documents; OAuth 2.0's token endpoints under it have their own. */
  static boolean isV2(RoutingContext ctx) {
    String path = ctx.request().path();
    return path != null && path.startsWith(V2_PATHS) && !OAuth2Error.isOAuth2Path(path);
  }

  static void rateLimitHeaders(RoutingContext ctx, RateLimits.Usage usage) {
    ctx.response()
        .putHeader("x-rate-limit-limit", Integer.toString(usage.limit()))
        .putHeader("x-rate-limit-remaining", Integer.toString(usage.remaining()))
        .putHeader("x-rate-limit-reset", Long.toString(usage.resetEpochSeconds()));
  }

  private static Future<Void> json(RoutingContext ctx, int status, String contentType, JsonObject body) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
