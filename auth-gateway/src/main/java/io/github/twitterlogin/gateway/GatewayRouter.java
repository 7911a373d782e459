package io.github.twitterlogin.gateway;

import io.github.twitterlogin.gateway.impl.AccountPages;
import io.github.twitterlogin.gateway.impl.ErrorPages;
import io.github.twitterlogin.gateway.impl.HealthRoute;
import io.github.twitterlogin.gateway.impl.Pages;
import io.github.twitterlogin.gateway.impl.TwitterAuthHandlerImpl;
import io.github.twitterlogin.gateway.impl.TwitterFailurePages;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.XFrameHandler;
import java.time.Clock;

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

  private final Router router;
  private final String basePath;
  private final ErrorPages errors;

  private GatewayRouter(Router router, String basePath, ErrorPages errors) {
    this.router = router;
    this.basePath = basePath;
    this.errors = errors;
  }

  /** Completes once the pages' templates are read, so that no request waits for a file. */
  public static Future<GatewayRouter> create(Vertx vertx, GatewayOptions options) {
    TwitterClient twitter = TwitterClient.create(vertx,
        new DeliveryOptions().setSendTimeout(options.getAuth().getTwitterClientTimeoutMillis()));
    TwitterClient healthProbe = TwitterClient.create(vertx,
        new DeliveryOptions().setSendTimeout(options.getHealthProbeTimeoutMillis()));
    return create(vertx, options, twitter, healthProbe, Clock.systemUTC());
  }

  public static Future<GatewayRouter> create(Vertx vertx, GatewayOptions options, TwitterClient twitter,
      TwitterClient healthProbe, Clock clock) {
    options.validate();
    Pages pages = new Pages(vertx, options.getBasePath());
    ErrorPages errors = new ErrorPages(pages, new TwitterFailurePages(clock));
    SessionHandler sessions = sessionHandler(options, SealedSessionStore.create(vertx, options.sessionKeys()));
    TwitterAuthHandler auth = TwitterAuthHandlerImpl.create(vertx, sessions, twitter, options.authWithCallback(),
        clock, pages, errors);
    AccountPages account = new AccountPages(sessions, pages);
    HealthRoute health = new HealthRoute(healthProbe);

    Router router = Router.router(vertx);
    router.route().handler(GatewayRouter::securityHeaders);
    router.route().handler(XFrameHandler.create(XFrameHandler.DENY));
    router.route().handler(contentSecurityPolicy());
    router.get("/assets/*").handler(StaticHandler.create("gateway/assets").setDirectoryListing(false));
    router.get("/health").handler(health::handle);

    router.route().handler(sessions);
    router.get("/").handler(account::landing);
    auth.setupLogin(router.get("/auth"));
    auth.setupCallback(router.get("/callback"));
    router.get("/app").handler(auth).handler(account::app);
    router.post("/logout").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES)).handler(account::logout);

    router.route().failureHandler(errors::handle);
    return pages.loaded().map(new GatewayRouter(router, options.getBasePath(), errors));
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

  /** For a root that serves the gateway alone: its 404 and 405 answers become the gateway's pages too. */
  public GatewayRouter renderErrorsOf(Router root) {
    root.errorHandler(404, errors::handle);
    root.errorHandler(405, errors::handle);
    return this;
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

  private static CSPHandler contentSecurityPolicy() {
    return CSPHandler.create()
        .setDirective("default-src", "'self'")
        .setDirective("img-src", "'self' data: https: http:")
        .setDirective("form-action", "'self'")
        .setDirective("frame-ancestors", "'none'")
        .setDirective("base-uri", "'none'");
  }

  /** The callback URL carries the request token: no Referer may take it to another site. */
  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }
}
