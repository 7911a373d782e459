package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The signed-in side: the start page, the profile ({@code /app}) and sign-out. */
final class AccountRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);

  private final GatewaySettings settings;
  private final TwitterClient twitter;
  private final SessionHandler sessions;
  private final Pages pages;

  AccountRoutes(GatewaySettings settings, TwitterClient twitter, SessionHandler sessions, Pages pages) {
    this.settings = settings;
    this.twitter = twitter;
    this.sessions = sessions;
    this.pages = pages;
  }

  void landing(RoutingContext ctx) {
    Map<String, Object> model = signedIn(ctx).map(AccountRoutes::model).orElseGet(HashMap::new);
    pages.respond(ctx, 200, Pages.LANDING, model).onFailure(ctx::fail);
  }

  void app(RoutingContext ctx) {
    Optional<SignedInUser> user = signedIn(ctx);
    boolean json = ResponseFormat.wantsJson(ctx);
    if (user.isEmpty()) {
      if (json) {
        ctx.fail(PageError.notSignedIn());
      } else {
        ctx.redirect("/").onFailure(ctx::fail);
      }
      return;
    }
    if (json) {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(user.get().user().toJson()).onFailure(ctx::fail);
    } else {
      pages.respond(ctx, 200, Pages.PROFILE, model(user.get())).onFailure(ctx::fail);
    }
  }

  /**
   * A request without a session cookie has no session worth reading: asking for one would make
   * the session handler send a cookie for a session that holds nothing and is never stored.
   */
  private Optional<SignedInUser> signedIn(RoutingContext ctx) {
    if (ctx.request().getCookie(settings.cookieName()) == null) {
      return Optional.empty();
    }
    return SignedInUser.from(ctx.session());
  }

  /**
   * Sign-out must come from our own page: the form carries the session's synchronizer token
   * (OWASP CSRF sheet), which a cross-site form cannot know.
   */
  void logout(RoutingContext ctx) {
    Optional<SignedInUser> user = SignedInUser.from(ctx.session());
    if (user.isPresent() && !sameToken(user.get().csrfToken(), ctx.request().getFormAttribute("csrf"))) {
      ctx.fail(new PageError(403, "csrf_rejected", "Sign-out not confirmed",
          "This sign-out did not come from this site's page. Open the site and use its Sign out button.",
          PageError.Action.HOME));
      return;
    }
    ctx.session().destroy();
    revoke(user)
        .compose(revoked -> sessions.flush(ctx))
        .compose(saved -> ctx.response().setStatusCode(303).putHeader("Location", "/").end())
        .onFailure(ctx::fail);
  }

  /** Revoking is a courtesy to the user: sign-out succeeds even when Twitter cannot be reached. */
  private Future<Void> revoke(Optional<SignedInUser> user) {
    if (!settings.invalidateTokenOnLogout() || user.isEmpty()) {
      return Future.succeededFuture();
    }
    return twitter.invalidateToken(user.get().accessToken())
        .recover(failure -> {
          LOG.warn("Could not revoke the access token of user {} at sign-out: {}", user.get().user().id(), failure);
          return Future.succeededFuture();
        });
  }

  private static boolean sameToken(String expected, String actual) {
    return actual != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> model(SignedInUser user) {
    Map<String, Object> model = new HashMap<>();
    model.put("user", user.user().toJson().getMap());
    model.put("csrf", user.csrfToken());
    return model;
  }
}
