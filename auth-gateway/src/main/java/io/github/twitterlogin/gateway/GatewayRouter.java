package io.github.twitterlogin.gateway;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.XFrameHandler;
import java.time.Clock;

/** All routes of the gateway, in one place. */
final class GatewayRouter {

  // The session id is 32 random bytes; vertx-web's minimum is 16 (OWASP asks for at least 64 bits).
  private static final int SESSION_ID_BYTES = 32;
  private static final long MAX_FORM_BYTES = 4096;

  private GatewayRouter() {
  }

  static void mount(Router router, GatewaySettings settings, SealedSessionStore sessionStore,
      TwitterClient twitter, TwitterClient healthProbe, Pages pages, Clock clock) {
    SessionHandler sessions = sessionHandler(settings, sessionStore);
    LoginRoutes login = new LoginRoutes(settings, twitter, sessions, sessionStore,
        new PendingLogins(clock, settings.loginTimeout(), settings.maxPendingLogins()), pages);
    AccountRoutes account = new AccountRoutes(settings, twitter, sessions, pages);
    HealthRoute health = new HealthRoute(healthProbe);
    ErrorPages errors = new ErrorPages(pages, new TwitterFailurePages(clock));

    router.route().handler(GatewayRouter::securityHeaders);
    router.route().handler(XFrameHandler.create(XFrameHandler.DENY));
    router.route().handler(contentSecurityPolicy());
    router.get("/assets/*").handler(StaticHandler.create("gateway/assets").setDirectoryListing(false));
    router.get("/health").handler(health::handle);

    router.route().handler(sessions);
    router.get("/").handler(account::landing);
    router.get("/auth").handler(login::start);
    router.get("/callback").handler(login::callback);
    router.get("/app").handler(account::app);
    router.post("/logout").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES)).handler(account::logout);

    router.route().failureHandler(errors::handle);
    router.errorHandler(404, errors::handle);
    router.errorHandler(405, errors::handle);
  }

  /**
   * HttpOnly keeps the cookie from scripts; SameSite=Lax still sends it on Twitter's top-level
   * redirect back to /callback, which Strict would not; Secure (and the {@code __Host-} prefix)
   * whenever the site is https. Lazy: a visitor who has not started a login gets no session.
   */
  private static SessionHandler sessionHandler(GatewaySettings settings, SealedSessionStore store) {
    return SessionHandler.create(store)
        .setLazySession(true)
        .setSessionCookieName(settings.cookieName())
        .setSessionCookiePath("/")
        .setSessionTimeout(settings.sessionTimeout().toMillis())
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(settings.secureCookies())
        .setCookieSameSite(CookieSameSite.LAX)
        .setMinLength(SESSION_ID_BYTES)
        .setNagHttps(!settings.secureCookies());
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
