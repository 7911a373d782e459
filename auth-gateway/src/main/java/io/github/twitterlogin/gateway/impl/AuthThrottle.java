package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.TrustedProxies;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * Limits the logins started at {@code /auth}: each asks Twitter for a request token on the app's
 * quota, so one client must not burn it. A token bucket per client address and one per session
 * (a session the store found: a cookie made up does not get a bucket of its own), both at
 * {@code authRatePerMinute}; a start needs a token from each. The buckets are this gateway
 * process's, shared by its verticle instances: in a cluster the limit holds per gateway, and a
 * client that the load balancer spreads over N gateways may start up to N times as many.
 */
public final class AuthThrottle implements Shareable {

  /** Buckets kept per kind (client addresses, sessions): about 200 bytes each, 2 MB per kind at most. */
  static final int MAX_KEYS = 10_000;
  private static final String LOCAL_MAP = "twitter-login.auth-throttle";

  private final TrustedProxies proxies;
  private final TokenBuckets addresses;
  private final TokenBuckets sessions;

  private AuthThrottle(int ratePerMinute, TrustedProxies proxies, Clock clock) {
    this.proxies = proxies;
    this.addresses = new TokenBuckets(ratePerMinute, MAX_KEYS, clock);
    this.sessions = new TokenBuckets(ratePerMinute, MAX_KEYS, clock);
  }

  /**
   * The one of the gateway named {@code gateway} (its public URL and base path) in this Vert.x
   * instance, created by its first verticle instance; null when the rate is 0, the limit off.
   */
  public static AuthThrottle of(Vertx vertx, String gateway, int ratePerMinute, TrustedProxies proxies, Clock clock) {
    if (ratePerMinute == 0) {
      return null;
    }
    LocalMap<String, AuthThrottle> shared = vertx.sharedData().getLocalMap(LOCAL_MAP);
    AuthThrottle created = new AuthThrottle(ratePerMinute, proxies, clock);
    AuthThrottle existing = shared.putIfAbsent(gateway, created);
    return existing != null ? existing : created;
  }

  /** Before the login route; a HEAD starts nothing, and is not counted. */
  public void handle(RoutingContext ctx, ErrorPages errors, LoginMetrics metrics) {
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.next();
      return;
    }
    String address = proxies.clientOf(ctx.request().remoteAddress().hostAddress(),
        ctx.request().headers().getAll("X-Forwarded-For"));
    String session = ctx.session() == null || ctx.session().isEmpty() ? null : ctx.session().id();
    long waitSeconds = takeOrWait(address, session);
    if (waitSeconds == 0) {
      ctx.next();
    } else {
      metrics.throttled(session != null && refusedBySession(address) ? "session" : "address");
      errors.render(ctx, PageError.tooManySignIns(waitSeconds));
    }
  }

  /** After a refusal: whether the address had a token, so that it was the session's bucket that was empty. */
  private synchronized boolean refusedBySession(String address) {
    return addresses.hasToken(address);
  }

  /** A token from each bucket, or none and the seconds until both have one. */
  private synchronized long takeOrWait(String address, String session) {
    boolean allowed = addresses.hasToken(address) && (session == null || sessions.hasToken(session));
    if (allowed) {
      addresses.take(address);
      if (session != null) {
        sessions.take(session);
      }
      return 0;
    }
    long wait = Math.max(addresses.waitSeconds(address), session == null ? 0 : sessions.waitSeconds(session));
    return Math.max(1, wait);
  }
}
