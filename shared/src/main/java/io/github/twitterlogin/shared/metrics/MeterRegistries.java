package io.github.twitterlogin.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.impl.MicrometerMetrics;

/**
 * Where our metrics go: the Micrometer registry of the Vert.x instance that runs the verticle,
 * the one vertx-micrometer-metrics puts Vert.x's own metrics in, whatever its registry name.
 */
public final class MeterRegistries {

  private MeterRegistries() {
  }

  /**
   * The registry of {@code vertx} when it runs with vertx-micrometer-metrics on; otherwise an empty
   * composite registry, whose meters record nothing. The instance's metrics object is not public
   * API; it is the one place that knows its registry (looking it up by name would find the
   * registry of another instance of the process that has the same name).
   */
  public static MeterRegistry of(Vertx vertx) {
    if (vertx.isMetricsEnabled() && ((VertxInternal) vertx).metrics() instanceof MicrometerMetrics metrics) {
      return metrics.registry();
    }
    return new CompositeMeterRegistry();
  }

  /** Whether {@code registry} records anything: not the empty registry of a Vert.x without metrics. */
  public static boolean records(MeterRegistry registry) {
    return !(registry instanceof CompositeMeterRegistry composite) || !composite.getRegistries().isEmpty();
  }
}
