package io.github.twitterlogin.gateway;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The login web verticle. It never calls Twitter itself: every Twitter call is an event-bus
 * request to a Twitter client verticle, wherever it runs in the cluster.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final long HEALTH_PROBE_TIMEOUT_MILLIS = 2_000;

  private final Clock clock;
  private HttpServer server;
  private Duration drainTimeout = Duration.ZERO;

  public GatewayVerticle() {
    this(Clock.systemUTC());
  }

  public GatewayVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    return Future.succeededFuture(config())
        .map(GatewaySettings::fromJson)
        .compose(settings -> {
          drainTimeout = settings.shutdownDrainTimeout();
          Pages pages = new Pages(vertx);
          return pages.load(vertx).compose(loaded -> listen(settings, pages));
        });
  }

  /**
   * Routes are mounted once the server is bound, so that on port 0 the default public URL (and
   * with it the callback URL) names the port actually taken.
   */
  private Future<HttpServer> listen(GatewaySettings settings, Pages pages) {
    Router router = Router.router(vertx);
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(settings.port(), settings.host())
        .onSuccess(listening -> {
          server = listening;
          mountRoutes(router, settings.withActualPort(listening.actualPort()), pages);
        });
  }

  private void mountRoutes(Router router, GatewaySettings settings, Pages pages) {
    TwitterClient twitter = TwitterClient.create(vertx,
        new DeliveryOptions().setSendTimeout(settings.twitterClientTimeout().toMillis()));
    TwitterClient healthProbe = TwitterClient.create(vertx,
        new DeliveryOptions().setSendTimeout(HEALTH_PROBE_TIMEOUT_MILLIS));
    GatewayRouter.mount(router, settings, SealedSessionStore.create(vertx, settings.sessionKeys()), twitter,
        healthProbe, pages, clock);
  }

  /**
   * Stops taking connections and lets the requests in flight finish, up to the drain timeout,
   * so that a rolling restart loses no sign-in.
   */
  @Override
  public Future<?> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    return server.shutdown(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port the gateway listens on; useful when it was started on port 0. */
  public int actualPort() {
    return server.actualPort();
  }
}
