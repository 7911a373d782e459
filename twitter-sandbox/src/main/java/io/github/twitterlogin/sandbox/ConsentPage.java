package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.sandbox.TokenStore.RequestToken;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /oauth/authenticate} and {@code /oauth/authorize}: the page where a person picks the
 * sandbox user to sign in as and authorizes the app, or cancels. With auto-approve, the first
 * user (or the {@code screen_name} asked for) is signed in at once.
 */
final class ConsentPage {

  private final SandboxSettings settings;
  private final TokenStore tokens;
  private final SandboxPages pages;
  private final Supplier<String> publicUrl;

  ConsentPage(SandboxSettings settings, TokenStore tokens, SandboxPages pages, Supplier<String> publicUrl) {
    this.settings = settings;
    this.tokens = tokens;
    this.pages = pages;
    this.publicUrl = publicUrl;
  }

  void show(RoutingContext ctx) {
    RequestToken token = pendingToken(ctx.request().getParam("oauth_token"));
    Optional<SandboxUser> hinted = userByScreenName(ctx.request().getParam("screen_name"));
    if (settings.autoApprove()) {
      approve(ctx, token, hinted.orElse(settings.users().get(0)));
      return;
    }
    render(ctx, 200, token, hinted.orElse(settings.users().get(0)), null).onFailure(ctx::fail);
  }

  /**
   * The consent form. Its request token, unguessable and good for one decision, is its
   * anti-forgery token: the sandbox has no signed-in person whose session a forged form could
   * ride on, so a forger would need the token of a flow they did not start. The page cannot be
   * framed (see {@link SandboxPages}), so it cannot be clicked through unseen. Anything but
   * "authorize" denies.
   */
  void decide(RoutingContext ctx) {
    RequestToken token = pendingToken(ctx.request().getFormAttribute("oauth_token"));
    if (!"authorize".equals(ctx.request().getFormAttribute("decision"))) {
      tokens.deny(token);
      redirect(ctx, token.callback, List.of(new Parameter("denied", token.token)));
      return;
    }
    String typed = ctx.request().getFormAttribute("screen_name");
    Optional<SandboxUser> user = typed != null && !typed.isBlank()
        ? userByScreenName(typed.trim())
        : userById(ctx.request().getFormAttribute("user_id"));
    if (user.isEmpty()) {
      render(ctx, 400, token, settings.users().get(0), "There is no sandbox user with that screen name.")
          .onFailure(ctx::fail);
      return;
    }
    approve(ctx, token, user.get());
  }

  private void approve(RoutingContext ctx, RequestToken token, SandboxUser user) {
    tokens.authorize(token, user.id());
    redirect(ctx, token.callback,
        List.of(new Parameter("oauth_token", token.token), new Parameter("oauth_verifier", token.verifier)));
  }

  private static void redirect(RoutingContext ctx, String callback, List<Parameter> parameters) {
    ctx.redirect(CallbackUrl.withParameters(callback, parameters)).onFailure(ctx::fail);
  }

  private RequestToken pendingToken(String token) {
    return Optional.ofNullable(token)
        .flatMap(tokens::liveRequestToken)
        .filter(found -> found.verifier == null)
        .orElseThrow(() -> new SandboxPageError(400, "This sign-in link is invalid or has expired",
            "Go back to the app and start the sign-in again."));
  }

  private Future<Void> render(RoutingContext ctx, int status, RequestToken token, SandboxUser selected, String error) {
    String appName = settings.consumer(token.consumerKey).map(SandboxConsumer::appName).orElse("An app");
    List<Map<String, Object>> users = settings.users().stream().map(user -> {
      Map<String, Object> model = new HashMap<>();
      model.put("id", user.id());
      model.put("name", user.name());
      model.put("screenName", user.screenName());
      model.put("avatar", user.avatarUrl(publicUrl.get()));
      model.put("selected", user.id().equals(selected.id()));
      return model;
    }).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("appName", appName);
    model.put("token", token.token);
    model.put("users", users);
    model.put("error", error);
    return pages.respond(ctx, status, SandboxPages.CONSENT, model);
  }

  private Optional<SandboxUser> userByScreenName(String screenName) {
    if (screenName == null) {
      return Optional.empty();
    }
    String wanted = screenName.startsWith("@") ? screenName.substring(1) : screenName;
    return settings.users().stream()
        .filter(user -> user.screenName().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  private Optional<SandboxUser> userById(String id) {
    return settings.user(id);
  }
}
