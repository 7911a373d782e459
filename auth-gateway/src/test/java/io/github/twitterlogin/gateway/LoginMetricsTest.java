package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The logins' metrics, read from a Prometheus scrape of the registry that vertx-micrometer-metrics
 * gives a Vert.x started with metrics on, after logins that end each way.
 */
class LoginMetricsTest {

  private Vertx vertx;
  private String registryName;

  /** A registry of its own: a Vert.x instance of another test starting or stopping in between shares nothing. */
  @BeforeEach
  void startVertxWithMetrics() {
    registryName = "login-metrics-" + UUID.randomUUID();
    vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true).setRegistryName(registryName)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)))).build();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void aCompletedLoginIsCountedWithItsDuration() throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    String token = gateway.startLogin("");
    gateway.clock.advance(Duration.ofSeconds(7));
    gateway.completeLogin(token);

    PrometheusText metrics = scrape();

    assertThat(metrics.sum("twitter_login_logins_started_total")).isEqualTo(1);
    assertThat(metrics.sum("twitter_login_logins_completed_total", Map.of("outcome", "completed", "failure", "none")))
        .isEqualTo(1);
    assertThat(metrics.sum("twitter_login_duration_seconds_count", Map.of("outcome", "completed"))).isEqualTo(1);
    assertThat(metrics.sum("twitter_login_duration_seconds_sum", Map.of("outcome", "completed"))).isEqualTo(7);
    assertThat(metrics.sum("twitter_login_duration_seconds_bucket", Map.of("outcome", "completed", "le", "5.0")))
        .isZero();
    assertThat(metrics.sum("twitter_login_duration_seconds_bucket", Map.of("outcome", "completed", "le", "10.0")))
        .isEqualTo(1);
  }

  @Test
  void eachWayALoginEndsIsCountedByOutcomeAndFailure() throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx,
        new JsonObject().put("auth", new JsonObject().put("allowedUsers", new JsonArray().add("grace"))), true);
    gateway.get("/callback?denied=" + gateway.startLogin(""));
    gateway.get("/callback?oauth_token=unknown&oauth_verifier=v");
    gateway.get("/callback?oauth_token=" + gateway.startLogin("") + "&oauth_verifier=wrong");
    gateway.completeLogin(gateway.startLogin(""));
    String failing = gateway.startLogin("");
    gateway.twitter.failOn(TwitterAddresses.SIGN_IN,
        new TwitterFailureException(TwitterFailure.TIMEOUT, "Twitter did not answer"));
    gateway.completeLogin(failing);

    PrometheusText metrics = scrape();

    assertThat(metrics.sum("twitter_login_logins_started_total")).isEqualTo(4);
    assertThat(completed(metrics, "cancelled", "none")).isEqualTo(1);
    assertThat(completed(metrics, "rejected", "login_not_started_here")).isEqualTo(1);
    assertThat(completed(metrics, "rejected", "sign_in_failed")).isEqualTo(1);
    assertThat(completed(metrics, "rejected", "not_allowed")).isEqualTo(1);
    assertThat(completed(metrics, "failed", "TIMEOUT")).isEqualTo(1);
    assertThat(completed(metrics, "completed", "none")).isZero();
    assertThat(metrics.sum("twitter_login_logins_completed_total")).isEqualTo(5);
  }

  @Test
  void aStartRefusedByTheThrottleIsCounted() throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx, new JsonObject().put("authRatePerMinute", 1), true);
    new Browser(vertx).get(gateway.port(), "/auth");
    new Browser(vertx).get(gateway.port(), "/auth");

    PrometheusText metrics = scrape();

    assertThat(metrics.sum("twitter_login_auth_throttled_total", Map.of("by", "address"))).isEqualTo(1);
    assertThat(metrics.sum("twitter_login_logins_started_total")).isEqualTo(1);
  }

  /**
   * Two sessions signed in, one holding a started login: the gauges count the stored sessions by
   * state. Two against one, so that a count of the wrong state cannot pass.
   */
  @Test
  void theSessionGaugesCountTheStoredSessionsByState() throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.signIn();
    gateway.signIn(new Browser(vertx));
    new Browser(vertx).get(gateway.port(), "/auth");

    PrometheusText metrics = awaitSessionsCounted();

    assertThat(metrics.sum("twitter_login_sessions", Map.of("state", "signed_in"))).isEqualTo(2);
    assertThat(metrics.sum("twitter_login_sessions", Map.of("state", "signing_in"))).isEqualTo(1);
  }

  @Test
  void theSignedInUsersNameIsInNoMetric() throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    gateway.twitter.signInAs(new TwitterUser("4242", "grace", "Grace Hopper", null, null));
    gateway.signIn();

    String scrape = registry().scrape();

    assertThat(scrape).doesNotContain("grace", "Grace", "4242", "request-token", "verifier");
  }

  private static double completed(PrometheusText metrics, String outcome, String failure) {
    return metrics.sum("twitter_login_logins_completed_total", Map.of("outcome", outcome, "failure", failure));
  }

  /** The first scrape starts the count, off the event loop; the gauges say NaN until it is done. */
  private PrometheusText awaitSessionsCounted() {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      PrometheusText metrics = scrape();
      if (!Double.isNaN(metrics.sum("twitter_login_sessions", Map.of("state", "signed_in")))) {
        return metrics;
      }
    }
    throw new AssertionError("The sessions were not counted within 20 s: " + registry().scrape());
  }

  private PrometheusText scrape() {
    return PrometheusText.parse(registry().scrape());
  }

  private PrometheusMeterRegistry registry() {
    return (PrometheusMeterRegistry) BackendRegistries.getNow(registryName);
  }
}
