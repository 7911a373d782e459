package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.TwitterAllowList;
import io.github.twitterlogin.gateway.impl.PendingLogins.PendingLogin;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.time.Clock;
import java.util.Map;

/** The 3-legged OAuth 1.0a dance: a login started, then completed at the callback. */
final class LoginFlow {

  private static final Map<String, Object> CANCELLED = Map.of(
      "title", "Sign-in cancelled",
      "message", "You cancelled the sign-in on Twitter, so you are not signed in.",
      "code", "login_cancelled",
      "tryAgain", true);

  private final String callbackUrl;
  private final TwitterClient twitter;
  private final SessionHandler sessions;
  private final PendingLogins pendingLogins;
  private final TwitterAllowList allowList;
  private final Pages pages;
  private final Clock clock;
  private final SignOutCheck signOutCheck;

  LoginFlow(String callbackUrl, TwitterClient twitter, SessionHandler sessions, PendingLogins pendingLogins,
      TwitterAllowList allowList, Pages pages, Clock clock) {
    this.callbackUrl = callbackUrl;
    this.twitter = twitter;
    this.sessions = sessions;
    this.pendingLogins = pendingLogins;
    this.allowList = allowList;
    this.pages = pages;
    this.clock = clock;
    this.signOutCheck = new SignOutCheck(callbackUrl);
  }

  /** Asks for a request token, keeps it in the session, and sends the browser to Twitter. */
  Future<Void> start(RoutingContext ctx, LoginRequest login) {
    return twitter.requestToken(new RequestTokenRequest(callbackUrl, login.forceLogin(), login.screenName().orElse(null)))
        .compose(token -> remember(ctx, token, login.returnTo()))
        .compose(ctx::redirect);
  }

  /**
   * The session is saved before the browser is sent away: its callback may reach any gateway
   * of the cluster, which must find the request token there. A session that another tab signed
   * out or renewed meanwhile cannot keep this login, so the browser is asked to start again
   * rather than sent to a login that could not complete.
   */
  private Future<String> remember(RoutingContext ctx, RequestToken token, String returnTo) {
    pendingLogins.add(ctx.session(), token.credentials(), returnTo);
    return sessions.flush(ctx).compose(saved -> SealedSessionStore.isLost(ctx.session())
        ? Future.failedFuture(PageError.sessionChanged())
        : Future.succeededFuture(token.authenticateUrl()));
  }

  Future<Void> callback(RoutingContext ctx) {
    return Future.succeededFuture(ctx.queryParams())
        .map(CallbackRequest::from)
        .compose(callback -> callback.denied() ? cancelled(ctx, callback.deniedToken().get()) : complete(ctx, callback));
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
    return SealedSessionStore.take(ctx.session(), PendingLogins.keyOf(callback.token()))
        .map(pendingLogins::live)
        .compose(started -> started.isPresent()
            ? exchange(ctx, started.get(), callback.verifier())
            : Future.failedFuture(PageError.loginNotStartedHere()));
  }

  private Future<Void> exchange(RoutingContext ctx, PendingLogin login, String verifier) {
    return twitter.accessToken(new AccessTokenRequest(login.requestToken(), verifier))
        .compose(access -> twitter.verifyCredentials(access.credentials())
            .compose(profile -> signIn(ctx, profile, access)))
        .compose(signedIn -> ctx.redirect(login.returnTo()));
  }

  /** Removes the session from the cluster now, not when the answer's headers are written. */
  Future<Void> signOut(RoutingContext ctx) {
    ctx.userContext().clear();
    return sessions.flush(ctx);
  }

  boolean fromThisSite(RoutingContext ctx) {
    return signOutCheck.fromThisSite(ctx.request());
  }

  /**
   * OWASP's session management sheet: a new session id whenever the privilege level changes. A
   * user the allow-list refuses is not signed in at all.
   */
  private Future<Void> signIn(RoutingContext ctx, TwitterUser profile, AccessToken access) {
    User user = User.create(profile.toJson(), new JsonObject().put("signedInAt", clock.millis()));
    if (!allowList.allows(user)) {
      return Future.failedFuture(PageError.notAllowed());
    }
    ctx.session().regenerateId();
    SignInRecord.of(profile.id(), access.credentials()).writeTo(ctx.session());
    return sessions.setUser(ctx, user);
  }
}
