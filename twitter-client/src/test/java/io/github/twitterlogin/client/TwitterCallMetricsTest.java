package io.github.twitterlogin.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.TokenCredentials;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code twitter_client_calls_seconds}, read from a Prometheus scrape of the Vert.x instance's
 * registry: each HTTP call to Twitter by operation, Twitter's status and the failure it ended in.
 */
class TwitterCallMetricsTest {

  private static final long DEADLINE_SECONDS = 20;

  private Vertx vertx;
  private String registryName;
  private ClientFixture fixture;

  @BeforeEach
  void start() throws Exception {
    registryName = "twitter-calls-" + UUID.randomUUID();
    vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true).setRegistryName(registryName)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)))).build();
    fixture = ClientFixture.start(vertx).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void aCallThatSucceedsIsCountedWithTwittersStatus() throws Exception {
    fixture.client.requestToken("https://app.example/callback").await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(count("request_token", "200", "none")).isEqualTo(1);
    assertThat(scrape()).contains("twitter_client_calls_seconds_bucket{failure=\"none\",operation=\"request_token\","
        + "status=\"200\",le=\"0.05\"}");
  }

  @Test
  void aCallTwitterRefusesIsCountedWithItsStatusAndFailure() throws Exception {
    fixture.client.verifyCredentials(new TokenCredentials("unknown-token", "secret"))
        .otherwiseEmpty().await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(count("verify_credentials", "401", "CREDENTIALS_REJECTED")).isEqualTo(1);
  }

  @Test
  void aCallThatGetsNoAnswerHasNoStatus() throws Exception {
    fixture.twitter.answer("/2/users/me", ctx -> ctx.request().connection().close());

    fixture.client.usersMe(FakeTwitter.USER_TOKEN).otherwiseEmpty().await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(count("users_me", "none", "UNREACHABLE")).isEqualTo(1);
  }

  /** A user's own calls are one operation, whatever their path: a path per series would have no bound. */
  @Test
  void aUsersOwnCallIsAnApiCallWhateverItsPath() throws Exception {
    fixture.twitter.answer("/1.1/statuses/show/1.json", FakeTwitter.error(404, 144, "No status found with that ID."));

    fixture.client.call(new ApiRequest("GET", "1.1/statuses/show/1.json", Map.of(), Map.of(), FakeTwitter.USER_TOKEN))
        .await(DEADLINE_SECONDS, TimeUnit.SECONDS);

    assertThat(count("api_call", "404", "none")).isEqualTo(1);
    assertThat(scrape()).doesNotContain("statuses");
  }

  private double count(String operation, String status, String failure) {
    String sample = "twitter_client_calls_seconds_count{failure=\"" + failure + "\",operation=\"" + operation
        + "\",status=\"" + status + "\"} ";
    List<String> lines = scrape().lines().filter(line -> line.startsWith(sample)).toList();
    return lines.isEmpty() ? 0 : Double.parseDouble(lines.get(0).substring(sample.length()));
  }

  private String scrape() {
    return ((PrometheusMeterRegistry) BackendRegistries.getNow(registryName)).scrape();
  }
}
