package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.AuthFlow;
import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.TwitterAllowList;
import io.github.twitterlogin.gateway.impl.PendingLogins.PendingLogin;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.gateway.TwitterAuthOptions;
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

/**
 * A login started, then completed at the callback: the 3-legged OAuth 1.0a dance, or OAuth 2.0's
 * authorization code with PKCE ({@link OAuth2Login}). Both keep the started login in the session
 * the same way and end in the same sign-in.
 */
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
  private final OAuth2Login oauth2;
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
    this.oauth2 = new OAuth2Login(options, twitter, pendingLogins);
  }

  /** Keeps what the login needs at the callback in the session, and sends the browser to Twitter. */
  Future<Void> start(RoutingContext ctx, LoginRequest login) {
    Future<String> page = options.getFlow() == AuthFlow.OAUTH2 ? oauth2.start(ctx, login.returnTo())
        : twitter.requestToken(new RequestTokenRequest(options.getCallbackUrl(), login.forceLogin(),
                login.screenName().orElse(null), options.getAccessType(), options.getLoginPage()))
            .map(token -> {
              pendingLogins.add(ctx.session(), token.credentials(), login.returnTo());
              return token.authenticateUrl();
            });
    return page.compose(url -> remembered(ctx, url))
        .onSuccess(kept -> metrics.started())
        .compose(ctx::redirect);
  }

  /**
   * The session is saved before the browser is sent away: its callback may reach any gateway
   * of the cluster, which must find the started login there. A session that another tab signed
   * out or renewed meanwhile cannot keep this login, so the browser is asked to start again
   * rather than sent to a login that could not complete.
   */
  private Future<String> remembered(RoutingContext ctx, String loginPage) {
    return sessions.flush(ctx).compose(saved -> SealedSessionStore.isLost(ctx.session())
        ? Future.failedFuture(PageError.sessionChanged())
        : Future.succeededFuture(loginPage));
  }

  /** A failure is counted before its page is rendered: this listener comes before the caller's. */
  Future<Void> callback(RoutingContext ctx) {
    LoginMetrics.CallbackStart start = new LoginMetrics.CallbackStart();
    Future<Void> answered;
    if (options.getFlow() == AuthFlow.OAUTH2) {
      answered = Future.succeededFuture(ctx.queryParams())
          .map(OAuth2Callback::from)
          .compose(callback -> callback.code().isPresent() ? completeOAuth2(ctx, callback, start)
              : callback.denied() ? cancelled(ctx, callback.state()) : refusedOAuth2(ctx, callback));
    } else {
      answered = Future.succeededFuture(ctx.queryParams())
          .map(CallbackRequest::from)
          .compose(callback -> callback.denied()
              ? cancelled(ctx, callback.deniedToken().get())
              : complete(ctx, callback, start));
    }
    return answered.onFailure(failure -> metrics.endedBy(failure, start.startedAt, clock));
  }

  /** Cancel on Twitter's page: OAuth 1.0a's {@code denied=<token>}, OAuth 2.0's {@code error=access_denied}. */
  private Future<Void> cancelled(RoutingContext ctx, String loginId) {
    metrics.ended(LoginMetrics.Outcome.CANCELLED, "none", null, clock);
    pendingLogins.cancel(ctx.session(), loginId);
    return sessions.flush(ctx).compose(saved -> ResponseFormat.wantsJson(ctx)
        ? ctx.json(new JsonObject().put("error", CANCELLED.get("code")).put("message", CANCELLED.get("message")))
        : pages.respond(ctx, 200, Pages.MESSAGE, CANCELLED));
  }

  private Future<Void> refusedOAuth2(RoutingContext ctx, OAuth2Callback callback) {
    pendingLogins.cancel(ctx.session(), callback.state());
    return sessions.flush(ctx).compose(saved -> Future.failedFuture(OAuth2Login.refused()));
  }

  /** As OAuth 1.0a's: the login is taken out of the session before the code is exchanged. */
  private Future<Void> completeOAuth2(RoutingContext ctx, OAuth2Callback callback, LoginMetrics.CallbackStart start) {
    return oauth2.take(ctx, callback)
        .compose(started -> {
          if (started.isEmpty()) {
            return notFound(ctx);
          }
          start.startedAt = started.get().startedAt();
          return oauth2.exchange(started.get(), callback.code().get())
              .recover(LoginFlow::refusedSignIn)
              .compose(signIn -> signedIn(ctx, signIn, started.get()));
        });
  }

  /**
   * The request token is taken out of the stored session in one atomic step before the exchange,
   * so that a replayed callback, or the same callback arriving twice at once, finds nothing even
   * when the exchange fails.
   */
  private Future<Void> complete(RoutingContext ctx, CallbackRequest callback, LoginMetrics.CallbackStart start) {
    return SealedSessionStore.take(ctx.session(), PendingLogins.keyOf(callback.token()))
        .map(pendingLogins::live)
        .map(login -> login.filter(found -> found.requestToken() != null))
        .compose(started -> {
          if (started.isEmpty()) {
            return notFound(ctx);
          }
          start.startedAt = started.get().startedAt();
          return exchange(ctx, started.get(), callback.verifier());
        });
  }

  /**
   * A callback whose login is not in the session: an error, unless the session is signed in
   * already (Back, or a reload, on the callback of its own sign-in), which goes on to the app.
   */
  private Future<Void> notFound(RoutingContext ctx) {
    return ctx.user() != null
        ? ctx.redirect(options.getDefaultReturnTo())
        : Future.failedFuture(PageError.loginNotStartedHere());
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
        .compose(signIn -> signedIn(ctx, signIn, login));
  }

  /** Counted before the answer goes out, so that whoever sees the answer sees the sign-in counted. */
  private Future<Void> signedIn(RoutingContext ctx, SignIn signIn, PendingLogin login) {
    return signIn(ctx, signIn)
        .onSuccess(done -> metrics.ended(LoginMetrics.Outcome.COMPLETED, "none", login.startedAt(), clock))
        .compose(done -> ctx.redirect(login.returnTo()));
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
