package io.github.twitterlogin.examples.ownapp;

import io.github.twitterlogin.gateway.GatewayOptions;
import io.github.twitterlogin.gateway.TwitterAuthHandler;
import io.github.twitterlogin.gateway.TwitterAuthOptions;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A vertx-web app of your own, with pages of its own, that lets people sign in with Twitter:
 * {@code /} is public, {@code /private/profile} answers the signed-in user's principal as JSON,
 * and {@code POST /logout} signs out (the handler's sign-out route). The login itself is {@link TwitterAuthHandler}, mounted
 * where this app wants it, under {@code /login/twitter}.
 */
public class OwnAppVerticle extends VerticleBase {

  /** Where this app puts the handler's routes: a prefix of its own choosing. */
  public static final String LOGIN_PREFIX = "/login/twitter";

  private final GatewayOptions options;
  private HttpServer server;

  /** Listens where {@code options} say, with their session keys, cookie and sign-in settings. */
  public OwnAppVerticle(GatewayOptions options) {
    this.options = options;
  }

  /** The server listens first, so that on port 0 the callback URL names the port taken. */
  @Override
  public Future<?> start() {
    AtomicReference<Router> router = new AtomicReference<>();
    return vertx.createHttpServer()
        .requestHandler(request -> router.get().handle(request))
        .listen(options.getPort(), options.getHost())
        .onSuccess(listening -> {
          server = listening;
          router.set(router(new GatewayOptions(options).setPort(listening.actualPort())));
        });
  }

  private Router router(GatewayOptions listening) {
    Router router = Router.router(vertx);
    SessionHandler sessions = SessionHandler.create(SealedSessionStore.create(vertx, listening.sessionKeys()))
        .setLazySession(true)
        .setSessionCookieName(listening.cookieName())
        .setCookieSecureFlag(listening.secureCookies())
        .setCookieHttpOnlyFlag(true)
        // Lax keeps the cookie on Twitter's redirect back, and off cross-site POSTs: no forged sign-out.
        .setCookieSameSite(CookieSameSite.LAX);
    router.route().handler(sessions);

    TwitterAuthHandler twitter = TwitterAuthHandler.create(vertx, sessions, new TwitterAuthOptions(listening.getAuth())
        .setCallbackUrl(listening.publicUrl() + LOGIN_PREFIX + "/callback")
        .setLoginUrl(LOGIN_PREFIX + "/start"));
    twitter.setupCallback(router.get(LOGIN_PREFIX + "/callback"));
    twitter.setupLogin(router.get(LOGIN_PREFIX + "/start"));
    twitter.setupLogout(router.post("/logout"), "/");

    router.get("/").handler(this::home);
    router.route("/private/*").handler(twitter);
    router.get("/private/profile").handler(ctx -> ctx.json(ctx.user().principal()));
    return router;
  }

  /** A public page: who is signed in, if anyone, and how to sign in or out. */
  private void home(RoutingContext ctx) {
    User user = ctx.user();
    String body = user == null
        ? "<p id=\"visitor\">You are not signed in.</p>"
            + "<p><a id=\"sign-in\" href=\"/private/profile\">Sign in with Twitter to see your profile</a></p>"
        : "<p id=\"greeting\">Signed in as <strong>" + Html.escape(TwitterAuthHandler.twitterUserOf(user).name())
            + "</strong>.</p><p><a id=\"profile\" href=\"/private/profile\">Your profile as JSON</a></p>"
            + "<form method=\"post\" action=\"/logout\"><button id=\"sign-out\" type=\"submit\">Sign out</button></form>";
    ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Html.page("My own app", "<h1>My own app</h1>" + body));
  }

  /** The port the app listens on; useful when it was started on port 0. */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown();
  }
}
