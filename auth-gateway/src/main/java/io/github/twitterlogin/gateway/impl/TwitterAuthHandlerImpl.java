package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.TwitterAuthHandler;
import io.github.twitterlogin.gateway.TwitterAuthOptions;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.cluster.PublishedAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class TwitterAuthHandlerImpl implements TwitterAuthHandler {

  private static final Logger LOG = LoggerFactory.getLogger(TwitterAuthHandlerImpl.class);

  private final TwitterAuthOptions options;
  private final TwitterClient twitter;
  private final LoginFlow logins;
  private final ErrorPages errors;
  private final EventBus eventBus;
  private final Clock clock;

  private TwitterAuthHandlerImpl(Vertx vertx, TwitterAuthOptions options, TwitterClient twitter, LoginFlow logins,
      ErrorPages errors, Clock clock) {
    this.options = options;
    this.eventBus = vertx.eventBus();
    this.clock = clock;
    this.twitter = twitter;
    this.logins = logins;
    this.errors = errors;
    vertx.eventBus().<JsonObject>localConsumer(SealedSessionStore.SESSION_ENDED_ADDRESS, this::sessionEnded);
    PublishedAddresses.keepRouted(vertx, TwitterAddresses.SIGNED_IN, TwitterAddresses.SIGNED_OUT);
  }

  /** With pages of its own, at the root: for a host app's router. */
  public static TwitterAuthHandler create(Vertx vertx, SessionHandler sessions, TwitterClient twitter,
      TwitterAuthOptions options, Clock clock) {
    Pages pages = new Pages(vertx, "");
    return create(vertx, sessions, twitter, options, clock, pages, new ErrorPages(pages, new TwitterFailurePages(clock)),
        LoginMetrics.of(vertx));
  }

  /** With the gateway's pages: for the standalone gateway. */
  public static TwitterAuthHandlerImpl create(Vertx vertx, SessionHandler sessions, TwitterClient twitter,
      TwitterAuthOptions options, Clock clock, Pages pages, ErrorPages errors, LoginMetrics metrics) {
    PendingLogins pending = new PendingLogins(clock, Duration.ofSeconds(options.getLoginTimeoutSeconds()),
        options.getMaxPendingLogins());
    LoginFlow logins = new LoginFlow(options, twitter, sessions, pending, pages, vertx.eventBus(), clock, metrics);
    return new TwitterAuthHandlerImpl(vertx, options, twitter, logins, errors, clock);
  }

  /**
   * A signed-in request goes on; a browser is sent to sign in and back here; a script, or a method
   * a redirect cannot repeat, gets 401. A HEAD is sent to the login route, which only answers it;
   * without one it gets 401 too, since starting a login here would ask Twitter and write a session.
   */
  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.user() != null) {
      ctx.next();
      return;
    }
    putNoStore(ctx);
    HttpMethod method = ctx.request().method();
    boolean head = method == HttpMethod.HEAD;
    if (ResponseFormat.wantsJson(ctx) || method != HttpMethod.GET && !head || head && options.getLoginUrl() == null) {
      errors.render(ctx, PageError.notSignedIn());
      return;
    }
    String returnTo = ReturnTo.parse(ctx.request().uri()).orElse(options.getDefaultReturnTo());
    if (options.getLoginUrl() != null) {
      ctx.redirect(options.getLoginUrl() + "?return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8))
          .onFailure(failure -> errors.render(ctx, failure));
      return;
    }
    if (ctx.session() == null) {
      errors.render(ctx, new IllegalStateException("TwitterAuthHandler needs a SessionHandler on the route before it"));
      return;
    }
    logins.start(ctx, LoginRequest.returningTo(returnTo)).onFailure(failure -> errors.render(ctx, failure));
  }

  /** HEAD is answered with no side effect: the token of a callback stays usable, no login starts. */
  @Override
  public TwitterAuthHandler setupCallback(Route route) {
    route.method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(TwitterAuthHandlerImpl::noStore)
        .handler(TwitterAuthHandlerImpl::answerHead)
        .handler(ctx -> logins.callback(ctx).onFailure(failure -> errors.render(ctx, failure)))
        .failureHandler(errors::handle);
    return this;
  }

  @Override
  public TwitterAuthHandler setupLogin(Route route) {
    route.method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(TwitterAuthHandlerImpl::noStore)
        .handler(TwitterAuthHandlerImpl::answerHead)
        .handler(ctx -> Future.succeededFuture(ctx.queryParams())
            .map(query -> LoginRequest.from(query, options.getDefaultReturnTo()))
            .compose(login -> logins.start(ctx, login))
            .onFailure(failure -> errors.render(ctx, failure)))
        .failureHandler(errors::handle);
    return this;
  }

  /**
   * Nothing the login routes answer may be kept by a cache or the browser's history: a redirect
   * to Twitter carries a request token, a callback's answer belongs to one sign-in.
   */
  private static void noStore(RoutingContext ctx) {
    putNoStore(ctx);
    ctx.next();
  }

  private static void putNoStore(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
  }

  private static void answerHead(RoutingContext ctx) {
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().end();
    } else {
      ctx.next();
    }
  }

  @Override
  public TwitterAuthHandler setupLogout(Route route, String redirectTo) {
    route.method(HttpMethod.POST)
        .handler(TwitterAuthHandlerImpl::noStore)
        .handler(ctx -> {
          if (!logins.fromThisSite(ctx)) {
            errors.render(ctx, PageError.signOutNotConfirmed());
            return;
          }
          logins.signOut(ctx)
              .compose(signedOut -> ctx.response().setStatusCode(303).putHeader("Location", redirectTo).end())
              .onFailure(failure -> errors.render(ctx, failure));
        })
        .failureHandler(errors::handle);
    return this;
  }

  /**
   * A session that held a sign-in ended (signed out, or expired unread): the Twitter client ends
   * the sign-in (and revokes the token on sign-out when configured), then the cluster hears of
   * it. Revoking is a courtesy to the user: the sign-out has happened whatever Twitter answers.
   */
  private void sessionEnded(Message<JsonObject> ended) {
    Optional<SignInRecord> signIn = SignInRecord.fromJson(ended.body().getJsonObject("signIn"));
    if (signIn.isEmpty()) {
      ended.reply(new JsonObject());
      return;
    }
    SignedOut.Reason reason = "expired".equals(ended.body().getString("cause"))
        ? SignedOut.Reason.EXPIRED : SignedOut.Reason.LOGOUT;
    boolean revoke = reason == SignedOut.Reason.LOGOUT && options.isInvalidateTokenOnLogout();
    endAtTwitterClient(signIn.get(), reason, revoke)
        .onFailure(failure -> LOG.warn("Could not end the sign-in of user {} at the Twitter client: {}",
            signIn.get().userId(), failure.getMessage()))
        .onComplete(done -> {
          eventBus.publish(TwitterAddresses.SIGNED_OUT,
              new SignedOut(signIn.get().userId(), reason, clock.millis()).toJson());
          ended.reply(new JsonObject());
        });
  }

  private Future<Void> endAtTwitterClient(SignInRecord signIn, SignedOut.Reason reason, boolean revoke) {
    if (signIn.signInId() != null) {
      return twitter.signOut(new SignOutRequest(signIn.userId(), signIn.signInId(), reason, revoke));
    }
    return revoke ? twitter.invalidateToken(signIn.accessToken()) : Future.succeededFuture();
  }
}
