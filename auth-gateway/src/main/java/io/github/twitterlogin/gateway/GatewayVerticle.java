package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.cluster.HazelcastAsyncExecutor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone login gateway: an HTTP server for {@link GatewayRouter}'s routes. It never calls
 * Twitter itself: every Twitter call is an event-bus request to a Twitter client verticle,
 * wherever it runs in the cluster.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  private final GatewayOptions configured;
  private final Clock clock;
  private HttpServer server;
  private GatewayOptions options;
  /** Vert.x's own until the routes are mounted; the gateway's pages from then on. */
  private volatile Handler<HttpServerRequest> invalidRequests = HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER;

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
        .compose(read -> vertx.createHttpServer()
            .requestHandler(root)
            .invalidRequestHandler(request -> invalidRequests.handle(request))
            .exceptionHandler(GatewayVerticle::connectionFailed)
            .listen(read.getPort(), read.getHost())
            .compose(listening -> {
              server = listening;
              options = new GatewayOptions(read).setPort(listening.actualPort());
              return GatewayRouter.create(vertx, options, twitterClient(options.getAuth().getTwitterClientTimeoutMillis()),
                  twitterClient(options.getHealthProbeTimeoutMillis()), clock);
            }))
        .onSuccess(gateway -> {
          gateway.mountOn(root).renderErrorsOf(root);
          invalidRequests = gateway.invalidRequests();
        })
        .onFailure(failed -> {
          if (server != null) {
            server.close();
          }
        });
  }

  /**
   * One line, without a stack trace: a connection failing is the client's doing (it reset the
   * connection, sent a body that does not decode), and the request, if any, has its answer.
   */
  private static void connectionFailed(Throwable failure) {
    if (failure instanceof IOException) {
      LOG.debug("A connection failed: {}", failure.toString());
    } else {
      LOG.warn("A connection failed: {}", failure.toString());
    }
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
