package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.metrics.MeterRegistries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The logins' metrics, in the registry of the Vert.x instance when it runs with metrics
 * (vertx-micrometer-metrics), and nowhere otherwise:
 * <ul>
 *   <li>{@code twitter.login.logins.started}: logins sent to Twitter (a request token kept in the session);</li>
 *   <li>{@code twitter.login.logins.completed}, by {@code outcome} and {@code failure}: each callback
 *   that ended a login, {@code completed} (signed in), {@code cancelled} (at Twitter), {@code
 *   rejected} (refused here or by Twitter: not started here, replayed or expired, malformed, not on
 *   the allow-list, a verifier Twitter refused; the failure is the page's code) or {@code failed}
 *   (the Twitter call failed; the failure is its {@code TwitterFailure});</li>
 *   <li>{@code twitter.login.duration}, by {@code outcome}: from the start to the end of the
 *   callback, for the callbacks that found their login, the person's time at Twitter included;</li>
 *   <li>{@code twitter.login.auth.throttled}, by {@code by} ({@code address} or {@code session});</li>
 *   <li>{@code twitter.login.sessions}, by {@code state}: the cluster's stored sessions that are
 *   {@code signed_in}, and those {@code signing_in} (no sign-in, so holding started logins), as
 *   {@link SealedSessionStore#count()} says; sampled when scraped, at most every
 *   {@link #SESSIONS_SAMPLE_SECONDS} seconds, off the event loop. Every gateway of the cluster
 *   reports the same figures: take their maximum, not their sum.</li>
 * </ul>
 */
public final class LoginMetrics {

  static final long SESSIONS_SAMPLE_SECONDS = 30;
  private static final Duration[] DURATION_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(2),
      Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
      Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)};
  private static final String SESSIONS_SAMPLER = "twitter-login.sessions-sampler";

  public enum Outcome {
    COMPLETED, CANCELLED, REJECTED, FAILED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final boolean enabled;
  private final Counter started;
  /**
   * The meters of each tag set, built on first use: every login ends in one, and building a meter
   * again looks it up in the registry by a new id each time. The tags come from small fixed sets
   * (the outcomes, the pages' and the failures' codes, the buckets).
   */
  private final Map<String, Counter> completed = new ConcurrentHashMap<>();
  private final Map<Outcome, Timer> durations = new ConcurrentHashMap<>();
  private final Map<String, Counter> throttles = new ConcurrentHashMap<>();

  private LoginMetrics(MeterRegistry registry, boolean enabled) {
    this.registry = registry;
    this.enabled = enabled;
    this.started = Counter.builder("twitter.login.logins.started")
        .description("Logins sent to Twitter, their request token kept in the session")
        .register(registry);
  }

  /** In the registry of {@code vertx} when it has metrics on. */
  public static LoginMetrics of(Vertx vertx) {
    MeterRegistry registry = MeterRegistries.of(vertx);
    return new LoginMetrics(registry, MeterRegistries.records(registry));
  }

  /** When the login a callback ends began: null until the callback has found it. */
  static final class CallbackStart {
    Instant startedAt;
  }

  void started() {
    started.increment();
  }

  /** @param startedAt when the login began, for its duration; null when the callback did not find it */
  /** Before the answer goes out, so that whoever sees the answer sees it counted. */
  void ended(Outcome outcome, String failure, Instant startedAt, Clock clock) {
    completed.computeIfAbsent(outcome.tag() + " " + failure, key -> Counter.builder("twitter.login.logins.completed")
            .description("Callbacks that ended a login, by outcome and failure")
            .tag("outcome", outcome.tag())
            .tag("failure", failure)
            .register(registry))
        .increment();
    if (startedAt != null) {
      durations.computeIfAbsent(outcome, key -> Timer.builder("twitter.login.duration")
              .description("From a login's start to the end of its callback, the person's time at Twitter included")
              .tag("outcome", outcome.tag())
              .serviceLevelObjectives(DURATION_BUCKETS)
              .register(registry))
          .record(Duration.between(startedAt, clock.instant()));
    }
  }

  /** How a callback's failure ends its login. */
  void endedBy(Throwable failure, Instant startedAt, Clock clock) {
    if (failure instanceof TwitterFailureException twitter) {
      ended(Outcome.FAILED, twitter.failure().name(), startedAt, clock);
    } else if (failure instanceof PageError page && page.status() < 500) {
      ended(Outcome.REJECTED, page.code(), startedAt, clock);
    } else {
      ended(Outcome.FAILED, failure instanceof PageError page ? page.code() : "internal_error", startedAt, clock);
    }
  }

  void throttled(String by) {
    throttles.computeIfAbsent(by, key -> Counter.builder("twitter.login.auth.throttled")
            .description("Starts of a login refused with 429, by the bucket that was empty")
            .tag("by", by)
            .register(registry))
        .increment();
  }

  /**
   * The sessions' gauges, once per Vert.x instance and map whichever gateway instance comes first:
   * each sample is one count of the cluster's sessions, which every instance would repeat.
   */
  public void sampleSessions(Vertx vertx, SealedSessionStore store) {
    if (!enabled) {
      return;
    }
    LocalMap<String, SessionsSampler> samplers = vertx.sharedData().getLocalMap(SESSIONS_SAMPLER);
    SessionsSampler sampler = new SessionsSampler(vertx, store);
    if (samplers.putIfAbsent(SealedSessionStore.DEFAULT_MAP_NAME, sampler) == null) {
      Gauge.builder("twitter.login.sessions", sampler, SessionsSampler::signedIn)
          .description("Stored sessions of the cluster, by state (signed_in, or signing_in: started logins only)")
          .tag("state", "signed_in").strongReference(true).register(registry);
      Gauge.builder("twitter.login.sessions", sampler, SessionsSampler::signingIn)
          .tag("state", "signing_in").strongReference(true).register(registry);
    }
  }

  /** The last count, and a new one started when it is older than the sample period. */
  private static final class SessionsSampler implements Shareable {

    private final Vertx vertx;
    private final SealedSessionStore store;
    private final AtomicLong signedIn = new AtomicLong(-1);
    private final AtomicLong signingIn = new AtomicLong(-1);
    private final AtomicLong sampledAtNanos = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicBoolean sampling = new AtomicBoolean();

    SessionsSampler(Vertx vertx, SealedSessionStore store) {
      this.vertx = vertx;
      this.store = store;
    }

    double signedIn() {
      refresh();
      return valueOf(signedIn);
    }

    double signingIn() {
      refresh();
      return valueOf(signingIn);
    }

    /** NaN until the first count, and while the cluster cannot be counted. */
    private static double valueOf(AtomicLong count) {
      long value = count.get();
      return value < 0 ? Double.NaN : value;
    }

    private void refresh() {
      long now = System.nanoTime();
      if (now - sampledAtNanos.get() < Duration.ofSeconds(SESSIONS_SAMPLE_SECONDS).toNanos()
          || !sampling.compareAndSet(false, true)) {
        return;
      }
      sampledAtNanos.set(now);
      vertx.runOnContext(start -> store.count().onComplete(counted -> {
        signedIn.set(counted.succeeded() ? counted.result().signedIn() : -1);
        signingIn.set(counted.succeeded() ? counted.result().signingIn() : -1);
        sampling.set(false);
      }));
    }
  }
}
