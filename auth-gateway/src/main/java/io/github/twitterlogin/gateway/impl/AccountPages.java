package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone gateway's own pages: the start page, the profile ({@code /app}, behind the
 * {@code TwitterAuthHandler}) and sign-out. Each reads the signed-in user from {@code ctx.user()},
 * as any route of a host app would.
 */
public final class AccountPages {

  private final SessionHandler sessions;
  private final Pages pages;

  public AccountPages(SessionHandler sessions, Pages pages) {
    this.sessions = sessions;
    this.pages = pages;
  }

  /** For a script, whether the session is signed in, and as whom. */
  public void landing(RoutingContext ctx) {
    if (ResponseFormat.wantsJson(ctx)) {
      JsonObject state = new JsonObject().put("signedIn", ctx.user() != null);
      if (ctx.user() != null) {
        state.put("user", ctx.user().principal());
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(state).onFailure(ctx::fail);
      return;
    }
    Map<String, Object> model = ctx.user() == null ? new HashMap<>() : model(ctx);
    pages.respond(ctx, 200, Pages.LANDING, model).onFailure(ctx::fail);
  }

  public void app(RoutingContext ctx) {
    if (ResponseFormat.wantsJson(ctx)) {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(ctx.user().principal()).onFailure(ctx::fail);
    } else {
      pages.respond(ctx, 200, Pages.PROFILE, model(ctx)).onFailure(ctx::fail);
    }
  }

  /**
   * Sign-out must come from our own page: the form carries the session's synchronizer token
   * (OWASP CSRF sheet), which a cross-site form cannot know. The session is removed from the
   * cluster before the answer goes out, so the next request, on any gateway, is signed out.
   */
  public void logout(RoutingContext ctx) {
    Optional<SignInRecord> signIn = ctx.user() == null ? Optional.empty() : SignInRecord.in(ctx.session());
    if (signIn.isPresent() && !SignOutCheck.sameToken(signIn.get().csrfToken(), ctx.request().getFormAttribute("csrf"))) {
      ctx.fail(PageError.signOutNotConfirmed());
      return;
    }
    ctx.userContext().clear();
    sessions.flush(ctx)
        .compose(removed -> ctx.response().setStatusCode(303).putHeader("Cache-Control", "no-store")
            .putHeader("Location", pages.base() + "/").end())
        .onFailure(ctx::fail);
  }

  private static Map<String, Object> model(RoutingContext ctx) {
    User user = ctx.user();
    Map<String, Object> model = new HashMap<>();
    model.put("user", user.principal().getMap());
    model.put("csrf", SignInRecord.in(ctx.session()).map(SignInRecord::csrfToken).orElse(""));
    return model;
  }
}
