package io.github.twitterlogin.gateway;

import io.github.twitterlogin.gateway.PendingLogins.PendingLogin;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.util.Map;

/** {@code GET /auth} starts a login, {@code GET /callback} completes it: the 3-legged OAuth dance. */
final class LoginRoutes {

  private static final Map<String, Object> CANCELLED = Map.of(
      "title", "Sign-in cancelled",
      "message", "You cancelled the sign-in on Twitter, so you are not signed in.",
      "code", "login_cancelled",
      "tryAgain", true);

  private final GatewaySettings settings;
  private final TwitterClient twitter;
  private final SessionHandler sessions;
  private final SealedSessionStore store;
  private final PendingLogins pendingLogins;
  private final Pages pages;

  LoginRoutes(GatewaySettings settings, TwitterClient twitter, SessionHandler sessions, SealedSessionStore store,
      PendingLogins pendingLogins, Pages pages) {
    this.settings = settings;
    this.twitter = twitter;
    this.sessions = sessions;
    this.store = store;
    this.pendingLogins = pendingLogins;
    this.pages = pages;
  }

  void start(RoutingContext ctx) {
    Future.succeededFuture(ctx.queryParams())
        .map(LoginRequest::from)
        .compose(login -> twitter.requestToken(new RequestTokenRequest(
                settings.callbackUrl(), login.forceLogin(), login.screenName().orElse(null)))
            .compose(token -> remember(ctx, token, login.returnTo())))
        .compose(ctx::redirect)
        .onFailure(ctx::fail);
  }

  /**
   * The session is saved before the browser is sent away: its callback may reach any gateway
   * of the cluster, which must find the request token there. A session that another tab signed
   * out or renewed meanwhile cannot keep this login, so the browser is asked to start again
   * rather than sent to a login that could not complete.
   */
  private Future<String> remember(RoutingContext ctx, RequestToken token, String returnTo) {
    pendingLogins.add(ctx.session(), token.credentials(), returnTo);
    return sessions.flush(ctx).compose(saved -> store.isLost(ctx.session())
        ? Future.failedFuture(PageError.sessionChanged())
        : Future.succeededFuture(token.authenticateUrl()));
  }

  void callback(RoutingContext ctx) {
    Future.succeededFuture(ctx.queryParams())
        .map(CallbackRequest::from)
        .compose(callback -> callback.denied() ? cancelled(ctx, callback.deniedToken().get()) : complete(ctx, callback))
        .onFailure(ctx::fail);
  }

  private Future<Void> cancelled(RoutingContext ctx, String deniedToken) {
    pendingLogins.cancel(ctx.session(), deniedToken);
    return sessions.flush(ctx).compose(saved -> pages.respond(ctx, 200, Pages.MESSAGE, CANCELLED));
  }

  /**
   * The request token is taken out of the stored session in one atomic step before the exchange,
   * so that a replayed callback, or the same callback arriving twice at once, finds nothing even
   * when the exchange fails.
   */
  private Future<Void> complete(RoutingContext ctx, CallbackRequest callback) {
    return store.take(ctx.session(), PendingLogins.keyOf(callback.token()))
        .map(pendingLogins::live)
        .compose(started -> started.isPresent()
            ? exchange(ctx, started.get(), callback.verifier())
            : Future.failedFuture(PageError.loginNotStartedHere()));
  }

  private Future<Void> exchange(RoutingContext ctx, PendingLogin login, String verifier) {
    return twitter.accessToken(new AccessTokenRequest(login.requestToken(), verifier))
        .compose(access -> twitter.verifyCredentials(access.credentials())
            .map(user -> SignedInUser.signIn(user, access.credentials())))
        .compose(user -> signIn(ctx, user))
        .compose(signedIn -> ctx.redirect(login.returnTo()));
  }

  /** OWASP's session management sheet: a new session id whenever the privilege level changes. */
  private Future<Void> signIn(RoutingContext ctx, SignedInUser user) {
    ctx.session().regenerateId();
    user.writeTo(ctx.session());
    return sessions.flush(ctx);
  }
}
