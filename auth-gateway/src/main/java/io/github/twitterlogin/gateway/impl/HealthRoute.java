package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health}: the gateway answers, so it is up; the body also says whether a Twitter
 * client answers on the event bus, without which no one can sign in.
 */
public final class HealthRoute {

  private final TwitterClient twitter;

  /** @param twitter a facade with a short timeout: a health check must answer quickly */
  public HealthRoute(TwitterClient twitter) {
    this.twitter = twitter;
  }

  public void handle(RoutingContext ctx) {
    twitter.ping()
        .map(pong -> new JsonObject().put("status", "UP"))
        .otherwise(failure -> new JsonObject().put("status", "DOWN").put("reason", failure.getMessage()))
        .compose(client -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          return ctx.json(new JsonObject().put("status", "UP").put("twitterClient", client));
        })
        .onFailure(ctx::fail);
  }
}
