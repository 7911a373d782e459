package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Answers in Twitter's formats: form-encoded for the OAuth steps, JSON for the API. */
final class TwitterAnswers {

  private TwitterAnswers() {
  }

  static Future<Void> form(RoutingContext ctx, List<Parameter> parameters) {
    return ctx.response()
        .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Parameter.formatForm(parameters));
  }

  static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static void rateLimitHeaders(RoutingContext ctx, RateLimits.Usage usage) {
    ctx.response()
        .putHeader("x-rate-limit-limit", Integer.toString(usage.limit()))
        .putHeader("x-rate-limit-remaining", Integer.toString(usage.remaining()))
        .putHeader("x-rate-limit-reset", Long.toString(usage.resetEpochSeconds()));
  }
}
