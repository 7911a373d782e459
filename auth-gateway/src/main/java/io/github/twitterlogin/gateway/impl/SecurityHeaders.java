package io.github.twitterlogin.gateway.impl;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every answer of the gateway carries, its error pages included, even those for a
 * request that never reached a route (a bad {@code Host}, a malformed path, {@code OPTIONS *}):
 * one definition, put by the first handler of the gateway's routes and again by the error path.
 */
public final class SecurityHeaders {

  /**
   * Images may come from Twitter's hosts (avatars); forms post only here (sign-out); no page may
   * frame ours (clickjacking, also {@code X-Frame-Options} for older browsers).
   */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https: http:;"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private SecurityHeaders() {
  }

  /** As the first handler of a router. */
  public static void handle(RoutingContext ctx) {
    putOn(ctx.response());
    ctx.next();
  }

  /** The callback URL carries the request token: no Referer may take it to another site. */
  public static void putOn(HttpServerResponse response) {
    response
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
}
