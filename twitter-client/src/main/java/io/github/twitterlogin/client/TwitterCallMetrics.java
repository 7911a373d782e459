package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.metrics.MeterRegistries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code twitter.client.calls}: every HTTP call to Twitter, as a timer (a count and a latency
 * histogram) by {@code operation}, Twitter's {@code status} ({@code none} when no answer came)
 * and {@code failure} ({@code none}, or the {@code TwitterFailure} it ended in). The operation is
 * the endpoint's name, {@code api_call} for calls of the API as a user, never the path itself (a
 * user's calls would make a series per path). In the registry of the Vert.x instance when it runs
 * with metrics (vertx-micrometer-metrics), nowhere otherwise.
 */
final class TwitterCallMetrics {

  private static final Map<String, String> OPERATIONS = Map.of(
      "oauth/request_token", "request_token",
      "oauth/access_token", "access_token",
      "2/users/me", "users_me",
      "1.1/account/verify_credentials.json", "verify_credentials",
      "1.1/oauth/invalidate_token", "invalidate_token",
      OAuth2Endpoints.TOKEN_PATH, "oauth2_token",
      OAuth2Endpoints.REVOKE_PATH, "oauth2_revoke");
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500),
      Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  /** Each tag set's timer, built on first use: every call records one, and building it again looks it up by a new id. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  private TwitterCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  static TwitterCallMetrics of(Vertx vertx) {
    return new TwitterCallMetrics(MeterRegistries.of(vertx));
  }

  /** @param status Twitter's answer's status, or 0 when none came; @param failure null when the call succeeded */
  void record(TwitterRequest request, boolean userCall, int status, Throwable failure, long startNanos) {
    String operation = userCall ? "api_call" : OPERATIONS.getOrDefault(request.path(), "other");
    String answered = status == 0 ? "none" : Integer.toString(status);
    String failed = failure == null ? "none"
        : failure instanceof TwitterFailureException twitter ? twitter.failure().name() : "INTERNAL_ERROR";
    timers.computeIfAbsent(operation + " " + answered + " " + failed, key -> Timer.builder("twitter.client.calls")
            .description("HTTP calls to Twitter, by operation, Twitter's status and the failure they ended in")
            .tag("operation", operation)
            .tag("status", answered)
            .tag("failure", failed)
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry))
        .record(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
