package io.github.twitterlogin.gateway;

import io.github.twitterlogin.gateway.impl.AccountPages;
import io.github.twitterlogin.gateway.impl.AuthThrottle;
import io.github.twitterlogin.gateway.impl.ErrorPages;
import io.github.twitterlogin.gateway.impl.GatewayHealth;
import io.github.twitterlogin.gateway.impl.LoginMetrics;
import io.github.twitterlogin.gateway.impl.Pages;
import io.github.twitterlogin.gateway.impl.SecurityHeaders;
import io.github.twitterlogin.gateway.impl.TwitterAuthHandlerImpl;
import io.github.twitterlogin.gateway.impl.TwitterFailurePages;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TwitterClient;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.MimeMapping;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * The standalone gateway's routes, in one place: its pages, built on {@link TwitterAuthHandler}
 * like any host app's, with sessions in a {@link SealedSessionStore}. The routes are relative to
 * {@link GatewayOptions#getBasePath()}, where {@link #mountOn} puts them; their failures are
 * rendered as the gateway's error pages, and a host router's own only when it asks
 * ({@link #renderErrorsOf}).
 */
public final class GatewayRouter {

  // The session id is 32 random bytes; vertx-web's minimum is 16 (OWASP asks for at least 64 bits).
  private static final int SESSION_ID_BYTES = 32;
  private static final long MAX_FORM_BYTES = 4096;
  /** The statuses vertx-web answers by itself, unless the router has an error handler for them. */
  private static final int[] ROUTER_ERRORS = {400, 404, 405, 413, 414, 415, 431, 500};

  private final Router router;
  private final String basePath;
  private final ErrorPages errors;
  private final Router unreadable;

  private GatewayRouter(Vertx vertx, Router router, String basePath, ErrorPages errors) {
    this.router = router;
    this.basePath = basePath;
    this.errors = errors;
    this.unreadable = unreadableRequests(vertx, errors);
  }

  /**
   * vertx-web may refuse such a request before any route (it lacks a {@code Host}): whichever way
   * it goes, the answer is the status the server's decoder gave.
   */
  private static Router unreadableRequests(Vertx vertx, ErrorPages errors) {
    Router router = Router.router(vertx);
    Handler<RoutingContext> answer = ctx -> errors.render(ctx,
        new HttpException(statusOf(ctx.request().decoderResult().cause())));
    router.route().handler(answer).failureHandler(answer);
    for (int status : ROUTER_ERRORS) {
      router.errorHandler(status, answer);
    }
    return router;
  }

  /** Completes once the pages' templates are read, so that no request waits for a file. */
  public static Future<GatewayRouter> create(Vertx vertx, GatewayOptions options) {
    TwitterClient twitter = TwitterClient.create(vertx,
        new DeliveryOptions().setSendTimeout(options.getAuth().getTwitterClientTimeoutMillis()));
    TwitterClient healthProbe = TwitterClient.create(vertx,
        new DeliveryOptions().setSendTimeout(options.getHealthProbeTimeoutMillis()));
    return create(vertx, options, twitter, healthProbe, Clock.systemUTC());
  }

  /**
   * Every route that serves GET serves HEAD too, without GET's side effects: HEAD on
   * {@code /auth} or {@code /callback} starts and completes nothing.
   */
  public static Future<GatewayRouter> create(Vertx vertx, GatewayOptions options, TwitterClient twitter,
      TwitterClient healthProbe, Clock clock) {
    options.validate();
    Pages pages = new Pages(vertx, options.getBasePath());
    ErrorPages errors = new ErrorPages(pages, new TwitterFailurePages(clock));
    SealedSessionStore store = SealedSessionStore.create(vertx, options.sessionKeys());
    SessionHandler sessions = sessionHandler(options, store);
    LoginMetrics metrics = LoginMetrics.of(vertx);
    metrics.sampleSessions(vertx, store);
    TwitterAuthHandler auth = TwitterAuthHandlerImpl.create(vertx, sessions, twitter, options.authWithCallback(),
        clock, pages, errors, metrics);
    AccountPages account = new AccountPages(sessions, pages);
    GatewayHealth health = new GatewayHealth(vertx, healthProbe, options.getHealthProbeTimeoutMillis());

    Router router = Router.router(vertx);
    GatewayRouter gateway = new GatewayRouter(vertx, router, options.getBasePath(), errors);
    router.route().handler(SecurityHeaders::handle).handler(gateway::answerUnreadableBodies);
    readable(router, "/assets/*").handler(GatewayRouter::assetTypeOnHead)
        .handler(StaticHandler.create("gateway/assets").setDirectoryListing(false));
    readable(router, "/health*").handler(health::handle);

    // The session handler on the routes that use sessions only: a route matching every request
    // would hide from vertx-web that a path of a route before it takes other methods (405).
    readable(router, "/").handler(sessions).handler(account::landing);
    Route login = router.get("/auth").handler(sessions);
    AuthThrottle throttle = AuthThrottle.of(vertx, options.publicUrl() + options.getBasePath(),
        options.getAuthRatePerMinute(), TrustedProxies.parse("trustedProxies", options.getTrustedProxies()), clock);
    if (throttle != null) {
      login.handler(ctx -> throttle.handle(ctx, errors, metrics));
    }
    auth.setupLogin(login);
    auth.setupCallback(router.get("/callback").handler(sessions));
    readable(router, "/app").handler(sessions).handler(auth).handler(account::app);
    router.post("/logout").handler(sessions).handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
        .handler(account::logout);

    router.route().failureHandler(errors::handle);
    gateway.renderErrorsOf(router);
    return pages.loaded().map(gateway);
  }

  private static Route readable(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  /** vertx-web's StaticHandler answers HEAD without the Content-Type of its GET: the same one is put here. */
  private static void assetTypeOnHead(RoutingContext ctx) {
    String type = ctx.request().method() == HttpMethod.HEAD
        ? MimeMapping.mimeTypeForFilename(ctx.normalizedPath()) : null;
    if (type != null) {
      ctx.response().putHeader("Content-Type", type.startsWith("text") ? type + ";charset=UTF-8" : type);
    }
    ctx.next();
  }

  /** The gateway's routes, relative to the base path. */
  public Router router() {
    return router;
  }

  /** Mounts the gateway's routes on {@code root}, under the base path. */
  public GatewayRouter mountOn(Router root) {
    root.route(basePath.isEmpty() ? "/*" : basePath + "/*").subRouter(router);
    return this;
  }

  /**
   * For a root that serves the gateway alone: its own answers become the gateway's pages too,
   * with the security headers, a 405 with the methods the path takes in {@code Allow}, and no
   * stack trace in the log for a path that does not decode ({@code GET /%zz}).
   */
  public GatewayRouter renderErrorsOf(Router root) {
    for (int status : ROUTER_ERRORS) {
      root.errorHandler(status, status == 405 ? this::methodNotAllowed : errors.forStatus(status));
    }
    return this;
  }

  /**
   * For the HTTP server's {@code invalidRequestHandler}: a request line longer than the server
   * reads (414), headers too large (431), or a request that does not parse (400), answered as the
   * gateway's page and the connection closed, as Vert.x's own handler closes it.
   */
  public Handler<HttpServerRequest> invalidRequests() {
    return request -> {
      request.response().putHeader("Connection", "close").endHandler(ended -> request.connection().close());
      unreadable.handle(request);
    };
  }

  private static int statusOf(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return 414;
    }
    return cause instanceof TooLongHttpHeaderException ? 431 : 400;
  }

  private void methodNotAllowed(RoutingContext ctx) {
    String path = ctx.request().path();
    String relative = path != null && path.startsWith(basePath) ? path.substring(basePath.length()) : path;
    String allowed = allowedMethods(relative);
    if (!allowed.isEmpty()) {
      ctx.response().putHeader("Allow", allowed);
    }
    errors.render(ctx, new HttpException(405));
  }

  /** The methods of the gateway's routes whose path matches {@code path}, as {@code Allow} lists them. */
  String allowedMethods(String path) {
    if (path == null) {
      return "";
    }
    return router.getRoutes().stream()
        .filter(route -> route.getPath() != null && !route.methods().isEmpty())
        .filter(route -> route.isExactPath() ? route.getPath().equals(path) : path.startsWith(route.getPath()))
        .flatMap(route -> route.methods().stream())
        .map(HttpMethod::name)
        .distinct()
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /**
   * A body that does not decode (a broken chunk) fails the connection, which Vert.x closes at once:
   * the answer must be written from the request's exception handler, before the close. A handler
   * that reads the body later (BodyHandler) puts its own in its place, whose failure the error
   * path renders the same way. A connection the client closed gets no answer.
   */
  private void answerUnreadableBodies(RoutingContext ctx) {
    ctx.request().exceptionHandler(failure -> {
      if (!(failure instanceof HttpClosedException) && !ctx.response().headWritten() && !ctx.response().closed()) {
        errors.render(ctx, PageError.unreadableBody());
      }
    });
    ctx.next();
  }

  /**
   * HttpOnly keeps the cookie from scripts; SameSite=Lax still sends it on Twitter's top-level
   * redirect back to the callback, which Strict would not; Secure (and the {@code __Host-} prefix,
   * which needs {@code Path=/}) whenever the site is https. Lazy: a visitor who has not started a
   * login gets no session.
   */
  private static SessionHandler sessionHandler(GatewayOptions options, SealedSessionStore store) {
    return SessionHandler.create(store)
        .setLazySession(true)
        .setSessionCookieName(options.cookieName())
        .setSessionCookiePath("/")
        .setSessionTimeout(options.getSessionTimeoutMinutes() * 60_000)
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(options.secureCookies())
        .setCookieSameSite(CookieSameSite.LAX)
        .setMinLength(SESSION_ID_BYTES)
        .setNagHttps(!options.secureCookies());
  }

}
