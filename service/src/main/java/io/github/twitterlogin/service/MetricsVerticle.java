package io.github.twitterlogin.service;

import io.github.twitterlogin.shared.metrics.MeterRegistries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.net.BindException;

/**
 * Serves {@code GET /metrics} (and HEAD) for Prometheus on {@code METRICS_HOST:METRICS_PORT}: the
 * scrape of the Vert.x instance's registry, Vert.x's metrics and ours, rendered on the event loop from what the
 * meters hold (the sessions' gauges count the cluster off it). Deployed before the roles, so that
 * it is stopped after them and a shutdown can be watched to its end.
 */
public final class MetricsVerticle extends VerticleBase {

  private final MetricsSettings settings;
  private HttpServer server;

  public MetricsVerticle(MetricsSettings settings) {
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    if (!(MeterRegistries.of(vertx) instanceof PrometheusMeterRegistry prometheus)) {
      return Future.failedFuture(new IllegalStateException(
          "METRICS_ENABLED needs Vert.x started with Prometheus metrics (MetricsSettings.vertxOptions())"));
    }
    router.route(MetricsSettings.PATH).method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(PrometheusScrapingHandler.create(prometheus));
    router.errorHandler(405, ctx -> ctx.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end());
    return vertx.createHttpServer().requestHandler(router).listen(settings.port(), settings.host())
        .onSuccess(listening -> server = listening)
        .recover(failure -> Future.failedFuture(isPortTaken(failure)
            ? new IllegalStateException("METRICS_PORT " + settings.port() + " on " + settings.host()
                + " is taken: set another METRICS_PORT, or METRICS_ENABLED=false", failure)
            : failure));
  }

  private static boolean isPortTaken(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  public int actualPort() {
    return server.actualPort();
  }
}
