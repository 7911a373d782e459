package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.cluster.HazelcastAsyncExecutor;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The standalone login gateway: an HTTP server for {@link GatewayRouter}'s routes. It never calls
 * Twitter itself: every Twitter call is an event-bus request to a Twitter client verticle,
 * wherever it runs in the cluster.
 */
public final class GatewayVerticle extends VerticleBase {

  private final GatewayOptions configured;
  private final Clock clock;
  private HttpServer server;
  private GatewayOptions options;

  /** Reads its {@link GatewayOptions} from the deployment's config. */
  public GatewayVerticle() {
    this(null, Clock.systemUTC());
  }

  /** Reads its options from the deployment's config, with {@code clock} for its logins' lifetimes. */
  public GatewayVerticle(Clock clock) {
    this(null, clock);
  }

  public GatewayVerticle(GatewayOptions options) {
    this(options, Clock.systemUTC());
  }

  public GatewayVerticle(GatewayOptions options, Clock clock) {
    this.configured = options;
    this.clock = clock;
  }

  /**
   * Routes are mounted once the server is bound, so that on port 0 the default public URL (and
   * with it the callback URL) names the port actually taken.
   */
  @Override
  public Future<?> start() {
    if (vertx.isClustered()) {
      HazelcastAsyncExecutor.install();
    }
    Router root = Router.router(vertx);
    return Future.succeededFuture(configured)
        .map(given -> given != null ? new GatewayOptions(given) : new GatewayOptions(config()))
        .compose(read -> vertx.createHttpServer().requestHandler(root).listen(read.getPort(), read.getHost())
            .compose(listening -> {
              server = listening;
              options = new GatewayOptions(read).setPort(listening.actualPort());
              return GatewayRouter.create(vertx, options, twitterClient(options.getAuth().getTwitterClientTimeoutMillis()),
                  twitterClient(options.getHealthProbeTimeoutMillis()), clock);
            }))
        .onSuccess(gateway -> gateway.mountOn(root).renderErrorsOf(root))
        .onFailure(failed -> {
          if (server != null) {
            server.close();
          }
        });
  }

  private TwitterClient twitterClient(long timeoutMillis) {
    return TwitterClient.create(vertx, new DeliveryOptions().setSendTimeout(timeoutMillis));
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
    return server.shutdown(options == null ? 0 : options.getShutdownDrainTimeoutSeconds(), TimeUnit.SECONDS);
  }

  /** The port the gateway listens on; useful when it was started on port 0. */
  public int actualPort() {
    return server.actualPort();
  }
}
