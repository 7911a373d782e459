package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.MetricsSettings;
import io.github.twitterlogin.service.MetricsVerticle;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} on a port of its own, scraped as Prometheus does after sign-ins through the
 * whole stack (sandbox, Twitter client, gateway): ours and Vert.x's, checked by name and value.
 */
@ExtendWith(SecretsStayOutOfLogs.class)
class MetricsEndpointTest {

  private static final String ADA = "1000000001";

  private Vertx vertx;
  private LoginStack stack;
  private String metricsUrl;
  private WebClient prometheus;

  /** Vert.x as the service starts it with metrics on, with a registry name of its own. */
  @BeforeEach
  void start() throws Exception {
    VertxOptions options = new MetricsSettings(true, "127.0.0.1", 0).vertxOptions();
    ((MicrometerMetricsOptions) options.getMetricsOptions()).setRegistryName("metrics-endpoint-" + UUID.randomUUID());
    vertx = Vertx.builder().with(options).build();
    stack = LoginStack.start(vertx);
    MetricsVerticle metrics = new MetricsVerticle(new MetricsSettings(true, "127.0.0.1", 0));
    vertx.deployVerticle(metrics).await(30, TimeUnit.SECONDS);
    metricsUrl = "http://127.0.0.1:" + metrics.actualPort() + MetricsSettings.PATH;
    prometheus = WebClient.create(vertx);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void aSignInIsCountedByOursAndByVertxsMetrics() throws Exception {
    SignInBrowser browser = new SignInBrowser(vertx);
    browser.signIn(stack.gatewayUrl(), ADA);
    String authenticate = browser.get(stack.gatewayUrl() + "/auth").getHeader("Location");
    browser.get(browser.consent(authenticate, ADA, "cancel"));

    String scrape = scrape();

    assertThat(value(scrape, "twitter_login_logins_started_total")).isEqualTo(2);
    assertThat(value(scrape, "twitter_login_logins_completed_total{failure=\"none\",outcome=\"completed\"}"))
        .isEqualTo(1);
    assertThat(value(scrape, "twitter_login_logins_completed_total{failure=\"none\",outcome=\"cancelled\"}"))
        .isEqualTo(1);
    assertThat(value(scrape, "twitter_login_duration_seconds_count{outcome=\"completed\"}")).isEqualTo(1);
    assertThat(value(scrape, "twitter_client_calls_seconds_count{failure=\"none\",operation=\"request_token\","
        + "status=\"200\"}")).isEqualTo(2);
    assertThat(value(scrape, "twitter_client_calls_seconds_count{failure=\"none\",operation=\"access_token\","
        + "status=\"200\"}")).isEqualTo(1);
    assertThat(value(scrape, "twitter_client_calls_seconds_count{failure=\"none\",operation=\"users_me\","
        + "status=\"200\"}")).isEqualTo(1);
    assertThat(value(scrape, "vertx_http_server_requests_total{code=\"302\",method=\"GET\",route=\"/>/callback\"}"))
        .isEqualTo(1);
    assertThat(value(scrape, "vertx_eventbus_processed_total{address=\"twitter.oauth.sign-in\",side=\"local\"}"))
        .isEqualTo(1);
    assertThat(value(scrape, "vertx_http_client_requests_total{method=\"POST\"}")).isPositive();
    assertThat(scrape).contains("jvm_memory_used_bytes");
  }

  /** Counted when scraped, off the event loop: NaN until the first count is in. */
  @Test
  void theSessionsAreCountedByState() throws Exception {
    new SignInBrowser(vertx).signIn(stack.gatewayUrl(), ADA);
    new SignInBrowser(vertx).get(stack.gatewayUrl() + "/auth");

    String scrape = awaitSessionsCounted();

    assertThat(value(scrape, "twitter_login_sessions{state=\"signed_in\"}")).isEqualTo(1);
    assertThat(value(scrape, "twitter_login_sessions{state=\"signing_in\"}")).isEqualTo(1);
  }

  @Test
  void theEndpointServesGetAndHeadOnly() throws Exception {
    HttpResponse<Buffer> get = request(HttpMethod.GET, metricsUrl);
    HttpResponse<Buffer> head = request(HttpMethod.HEAD, metricsUrl);
    HttpResponse<Buffer> post = request(HttpMethod.POST, metricsUrl);

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.getHeader("Content-Type")).startsWith("text/plain");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("Allow")).isEqualTo("GET, HEAD");
    assertThat(request(HttpMethod.GET, metricsUrl.replace("/metrics", "/other")).statusCode()).isEqualTo(404);
  }

  /** The public port serves the gateway only. */
  @Test
  void theGatewaysPortHasNoMetrics() throws Exception {
    assertThat(request(HttpMethod.GET, stack.gatewayUrl() + "/metrics").statusCode()).isEqualTo(404);
  }

  private String awaitSessionsCounted() throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String scrape;
    do {
      scrape = scrape();
      if (!scrape.contains("twitter_login_sessions{state=\"signed_in\"} NaN")) {
        return scrape;
      }
    } while (System.nanoTime() < end);
    throw new AssertionError("The sessions were not counted within 30 s");
  }

  private String scrape() throws Exception {
    HttpResponse<Buffer> answer = request(HttpMethod.GET, metricsUrl);
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.bodyAsString();
  }

  private HttpResponse<Buffer> request(HttpMethod method, String url) throws Exception {
    return prometheus.requestAbs(method, url).timeout(20_000).send().await(30, TimeUnit.SECONDS);
  }

  /** The value of the one sample named so, labels included as Prometheus orders them. */
  private static double value(String scrape, String sample) {
    List<String> lines = scrape.lines().filter(line -> line.startsWith(sample + " ")).toList();
    assertThat(lines).as("the sample " + sample).hasSize(1);
    return Double.parseDouble(lines.get(0).substring(sample.length() + 1));
  }
}
