package io.github.twitterlogin.sandbox;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * Makes Twitter's endpoints unreliable on purpose, for reliability tests: each request first
 * waits the configured latency, then may have its connection dropped, be answered 5xx, or be
 * answered 429, each by its configured share, in the shape of the API of the path (v1.1 or v2).
 * Settings change at run time.
 */
final class FaultInjection {

  private static final Duration RATE_LIMIT_RESET = Duration.ofMinutes(15);

  private final Vertx vertx;
  private final Clock clock;
  private final Random random;
  private volatile FaultSettings faults;

  FaultInjection(Vertx vertx, Clock clock, Random random, FaultSettings faults) {
    this.vertx = vertx;
    this.clock = clock;
    this.random = random;
    this.faults = faults;
  }

  FaultSettings current() {
    return faults;
  }

  void change(FaultSettings faults) {
    this.faults = faults;
  }

  void handle(RoutingContext ctx) {
    FaultSettings now = faults;
    if (now.latencyMillis() > 0) {
      vertx.setTimer(now.latencyMillis(), fired -> misbehave(ctx, now));
    } else {
      misbehave(ctx, now);
    }
  }

  private void misbehave(RoutingContext ctx, FaultSettings now) {
    if (chance(now.dropRate())) {
      ctx.request().connection().close();
    } else if (chance(now.serverErrorRate())) {
      TwitterAnswers.refuse(ctx, new TwitterError(503, 130, "Over capacity"));
    } else if (chance(now.rateLimitRate())) {
      long reset = clock.instant().plus(RATE_LIMIT_RESET).getEpochSecond();
      ctx.response().putHeader("x-rate-limit-limit", "75").putHeader("x-rate-limit-remaining", "0")
          .putHeader("x-rate-limit-reset", Long.toString(reset));
      TwitterAnswers.refuse(ctx, TwitterError.rateLimitExceeded());
    } else {
      ctx.next();
    }
  }

  private boolean chance(double share) {
    return share > 0 && random.nextDouble() < share;
  }
}
