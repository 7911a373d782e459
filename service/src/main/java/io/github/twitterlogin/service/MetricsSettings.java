package io.github.twitterlogin.service;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.regex.Pattern;

/**
 * {@code /metrics} for Prometheus, on a port of its own, off the public one: {@code METRICS_ENABLED}
 * ({@code true}), {@code METRICS_HOST} ({@code 127.0.0.1}) and {@code METRICS_PORT} ({@code 9464},
 * {@code 0} takes a free one, which {@code PORTS_FILE} names).
 */
public record MetricsSettings(boolean enabled, String host, int port) {

  public static final int DEFAULT_PORT = 9464;
  public static final String PATH = "/metrics";

  static MetricsSettings fromEnvironment(Environment env) {
    return new MetricsSettings(env.flag("METRICS_ENABLED", true), env.text("METRICS_HOST", "127.0.0.1"),
        env.port("METRICS_PORT", DEFAULT_PORT));
  }

  /**
   * Vert.x's own metrics in vertx-micrometer-metrics' default registry, Prometheus's, which ours
   * join: HTTP server (by route too), HTTP client, event bus (by address too) and the JVM. Every
   * member's own address of the Twitter clients is counted as one, so that members coming and
   * going do not make a series each.
   */
  public VertxOptions vertxOptions() {
    VertxOptions options = new VertxOptions();
    if (!enabled) {
      return options;
    }
    String members = TwitterAddresses.member("");
    return options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .addLabels(Label.EB_ADDRESS, Label.HTTP_ROUTE)
        .addLabelMatch(new Match()
            .setDomain(MetricsDomain.EVENT_BUS)
            .setLabel(Label.EB_ADDRESS.toString())
            .setType(MatchType.REGEX)
            .setValue(Pattern.quote(members) + ".*")
            .setAlias(members + "*")));
  }
}
