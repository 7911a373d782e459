package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.TwitterAllowList;
import io.github.twitterlogin.gateway.impl.PendingLogins.PendingLogin;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.gateway.TwitterAuthOptions;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.SignedIn;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
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

  private final TwitterAuthOptions options;
  private final TwitterClient twitter;
  private final SessionHandler sessions;
  private final PendingLogins pendingLogins;
  private final TwitterAllowList allowList;
  private final Pages pages;
  private final Clock clock;
  private final SignOutCheck signOutCheck;
  private final EventBus eventBus;
  private final LoginMetrics metrics;

  LoginFlow(TwitterAuthOptions options, TwitterClient twitter, SessionHandler sessions, PendingLogins pendingLogins,
      Pages pages, EventBus eventBus, Clock clock, LoginMetrics metrics) {
    this.metrics = metrics;
    this.options = options;
    this.twitter = twitter;
    this.sessions = sessions;
    this.pendingLogins = pendingLogins;
    this.allowList = TwitterAllowList.create(options.getAllowedUsers());
    this.pages = pages;
    this.eventBus = eventBus;
    this.clock = clock;
    this.signOutCheck = new SignOutCheck(options.getCallbackUrl());
  }

  /** Asks for a request token, keeps it in the session, and sends the browser to Twitter. */
  Future<Void> start(RoutingContext ctx, LoginRequest login) {
    return twitter.requestToken(new RequestTokenRequest(options.getCallbackUrl(), login.forceLogin(),
            login.screenName().orElse(null), options.getAccessType(), options.getLoginPage()))
        .compose(token -> remember(ctx, token, login.returnTo()))
        .onSuccess(kept -> metrics.started())
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

  /** A failure is counted before its page is rendered: this listener comes before the caller's. */
  Future<Void> callback(RoutingContext ctx) {
    LoginMetrics.CallbackStart start = new LoginMetrics.CallbackStart();
    return Future.succeededFuture(ctx.queryParams())
        .map(CallbackRequest::from)
        .compose(callback -> callback.denied()
            ? cancelled(ctx, callback.deniedToken().get())
            : complete(ctx, callback, start))
        .onFailure(failure -> metrics.endedBy(failure, start.startedAt, clock));
  }

  private Future<Void> cancelled(RoutingContext ctx, String deniedToken) {
    metrics.ended(LoginMetrics.Outcome.CANCELLED, "none", null, clock);
    pendingLogins.cancel(ctx.session(), deniedToken);
    return sessions.flush(ctx).compose(saved -> ResponseFormat.wantsJson(ctx)
        ? ctx.json(new JsonObject().put("error", CANCELLED.get("code")).put("message", CANCELLED.get("message")))
        : pages.respond(ctx, 200, Pages.MESSAGE, CANCELLED));
  }

  /**
   * The request token is taken out of the stored session in one atomic step before the exchange,
   * so that a replayed callback, or the same callback arriving twice at once, finds nothing even
   * when the exchange fails. A session already signed in that finds nothing (Back, or a reload, on
   * the callback of its own sign-in) goes on to the app rather than to an error.
   */
  private Future<Void> complete(RoutingContext ctx, CallbackRequest callback, LoginMetrics.CallbackStart start) {
    return SealedSessionStore.take(ctx.session(), PendingLogins.keyOf(callback.token()))
        .map(pendingLogins::live)
        .compose(started -> {
          if (started.isPresent()) {
            start.startedAt = started.get().startedAt();
            return exchange(ctx, started.get(), callback.verifier());
          }
          return ctx.user() != null
              ? ctx.redirect(options.getDefaultReturnTo())
              : Future.failedFuture(PageError.loginNotStartedHere());
        });
  }

  /**
   * One request to the Twitter client: the verifier exchanged and the profile read from the
   * configured source. A Twitter client that keeps tokens keeps this one, and the session keeps
   * only the sign-in's id.
   */
  private Future<Void> exchange(RoutingContext ctx, PendingLogin login, String verifier) {
    return twitter.signIn(new SignInRequest(login.requestToken(), verifier, options.getProfileSource(),
            options.isIncludeEmail(), true))
        .recover(LoginFlow::refusedSignIn)
        .compose(signIn -> signIn(ctx, signIn))
        .onSuccess(signedIn -> metrics.ended(LoginMetrics.Outcome.COMPLETED, "none", login.startedAt(), clock))
        .compose(signedIn -> ctx.redirect(login.returnTo()));
  }

  /**
   * Twitter refusing the credentials of the exchange is a sign-in that failed (a verifier that is
   * wrong, or one of a login Twitter has forgotten), not Twitter being down: the person starts
   * again. The consumer's own credentials were accepted when the login started.
   */
  private static Future<SignIn> refusedSignIn(Throwable failure) {
    if (failure instanceof TwitterFailureException twitter && twitter.failure() == TwitterFailure.CREDENTIALS_REJECTED) {
      return Future.failedFuture(PageError.signInFailed());
    }
    return Future.failedFuture(failure);
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
   * user the allow-list refuses is not signed in at all, and the token kept for her is dropped.
   * The cluster hears of the sign-in once the session is saved.
   */
  private Future<Void> signIn(RoutingContext ctx, SignIn signIn) {
    User user = User.create(signIn.user().toJson(), new JsonObject().put("signedInAt", clock.millis()));
    if (!allowList.allows(user)) {
      return dropKeptToken(signIn).compose(dropped -> Future.failedFuture(PageError.notAllowed()));
    }
    ctx.session().regenerateId();
    SignInRecord.of(signIn).writeTo(ctx.session());
    return sessions.setUser(ctx, user)
        .onSuccess(saved -> eventBus.publish(TwitterAddresses.SIGNED_IN,
            SignedIn.of(signIn.user(), clock.millis()).toJson()));
  }

  private Future<Void> dropKeptToken(SignIn signIn) {
    if (!signIn.tokenKept()) {
      return Future.succeededFuture();
    }
    return twitter.signOut(new SignOutRequest(signIn.user().id(), signIn.signInId(), SignedOut.Reason.LOGOUT, false))
        .otherwiseEmpty();
  }
}
