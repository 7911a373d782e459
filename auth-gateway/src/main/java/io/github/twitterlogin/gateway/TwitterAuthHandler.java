package io.github.twitterlogin.gateway;

import io.github.twitterlogin.gateway.impl.TwitterAuthHandlerImpl;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.handler.AuthenticationHandler;
import io.vertx.ext.web.handler.SessionHandler;
import java.time.Clock;

/**
 * "Sign in with Twitter" for any route of any vertx-web router, in the manner of vertx-web's
 * {@code OAuth2AuthHandler}. Mounted on a route, it lets a signed-in request through with
 * {@code ctx.user()} set, and sends any other browser through Twitter's 3-legged OAuth 1.0a login
 * and back to the URL it asked for (a same-site path only); a request that wants JSON
 * ({@code Accept: application/json}, or {@code X-Requested-With}) gets 401 instead.
 *
 * <pre>{@code
 * SessionHandler sessions = SessionHandler.create(SealedSessionStore.create(vertx, keys)).setLazySession(true);
 * TwitterAuthHandler twitter = TwitterAuthHandler.create(vertx, sessions,
 *     new TwitterAuthOptions().setCallbackUrl("https://app.example/login/twitter/callback"));
 * router.route().handler(sessions);
 * twitter.setupCallback(router.get("/login/twitter/callback"));
 * router.route("/private/*").handler(twitter);
 * }</pre>
 *
 * The signed-in user is a vertx-auth {@link User}: its principal is {@code {"id", "screenName",
 * "name", "profileImageUrl"}} (and {@code email} when asked for and given), never a token. It is
 * kept in the session, so every gateway of a cluster sees it; {@code ctx.userContext().logout()}
 * signs out (and revokes the access token at Twitter when configured, with a
 * {@code SealedSessionStore}). The Twitter calls go over the event bus to a Twitter client
 * verticle, wherever it runs in the cluster.
 */
public interface TwitterAuthHandler extends AuthenticationHandler {

  /**
   * @param sessions the session handler the router runs before this handler: a started login and
   *     a sign-in are saved through it before the browser is sent on, so that any gateway of the
   *     cluster serves the next step
   */
  static TwitterAuthHandler create(Vertx vertx, SessionHandler sessions, TwitterAuthOptions options) {
    TwitterClient twitter = TwitterClient.create(vertx,
        new DeliveryOptions().setSendTimeout(options.getTwitterClientTimeoutMillis()));
    return create(vertx, sessions, twitter, options);
  }

  static TwitterAuthHandler create(Vertx vertx, SessionHandler sessions, TwitterClient twitter,
      TwitterAuthOptions options) {
    return TwitterAuthHandlerImpl.create(vertx, sessions, twitter, new TwitterAuthOptions(options).validate(),
        Clock.systemUTC());
  }

  /**
   * The route Twitter sends the browser back to: its path must be the path of the options'
   * callback URL. Mount it before any route this handler protects that would cover it.
   */
  TwitterAuthHandler setupCallback(Route route);

  /**
   * A route that starts a login on request, such as a "Sign in with Twitter" link's
   * {@code GET /auth}: {@code return_to} (a path on this site; anything else is ignored, so there
   * is no open redirect), {@code force_login} and {@code screen_name} as Twitter takes them.
   */
  TwitterAuthHandler setupLogin(Route route);

  /**
   * A sign-out route (POST): the session is removed from the cluster, and the token revoked when
   * configured, before the answer, a 303 to {@code redirectTo}; so the next request, on any
   * member, is signed out. {@code ctx.userContext().logout()} signs out too, but vertx-web
   * answers before the session handler has removed the session. A request whose {@code Origin}
   * (or {@code Referer}) is not the callback URL's origin is refused with 403: a cross-site form
   * cannot sign anyone out.
   */
  TwitterAuthHandler setupLogout(Route route, String redirectTo);

  /** The signed-in Twitter user of a {@link User} this handler signed in. */
  static TwitterUser twitterUserOf(User user) {
    return TwitterUser.fromJson(user.principal());
  }
}
