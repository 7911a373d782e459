package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.sandbox.TokenStore.RequestToken;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /oauth/authenticate} and {@code /oauth/authorize}: the page where a person picks the
 * sandbox user to sign in as and authorizes the app, or cancels. Both show it; {@code
 * authenticate}, "Sign in with Twitter", approves at once when this browser's user has
 * authorized the app before (with {@code rememberApprovals}) unless {@code force_login=true}, as
 * Twitter does; {@code authorize} always asks. With auto-approve, the first user (or the {@code
 * screen_name} asked for) is signed in at once; in load mode, a new user.
 */
final class ConsentPage {

  private static final String ACTION = "/oauth/authorize";

  private final SandboxSettings settings;
  private final SandboxUsers users;
  private final TokenStore tokens;
  private final ConsentRenderer renderer;
  private final ApprovalMemory approvals;

  ConsentPage(SandboxSettings settings, SandboxUsers users, TokenStore tokens, ConsentRenderer renderer,
      ApprovalMemory approvals) {
    this.settings = settings;
    this.users = users;
    this.tokens = tokens;
    this.renderer = renderer;
    this.approvals = approvals;
  }

  void authenticate(RoutingContext ctx) {
    show(ctx, !"true".equals(ctx.request().getParam("force_login")));
  }

  void authorize(RoutingContext ctx) {
    show(ctx, false);
  }

  private void show(RoutingContext ctx, boolean mayApproveRemembered) {
    RequestToken token = pendingToken(ctx.request().getParam("oauth_token"));
    Optional<SandboxUser> hinted = users.byScreenName(ctx.request().getParam("screen_name"));
    if (settings.loadMode()) {
      approve(ctx, token, users.newLoadUser());
      return;
    }
    if (settings.autoApprove()) {
      approve(ctx, token, hinted.orElse(users.first()));
      return;
    }
    Optional<SandboxUser> remembered = mayApproveRemembered && settings.rememberApprovals()
        ? approvals.rememberedUser(ctx, token.consumerKey).flatMap(users::byId)
            .filter(user -> hinted.isEmpty() || hinted.get().id().equals(user.id()))
        : Optional.empty();
    if (remembered.isPresent()) {
      approve(ctx, token, remembered.get());
      return;
    }
    render(ctx, 200, token, hinted.orElse(users.first()), null);
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
    Optional<SandboxUser> user = chosenUser(ctx, users);
    if (user.isEmpty()) {
      render(ctx, 400, token, users.first(), "There is no sandbox user with that screen name.");
      return;
    }
    if (settings.rememberApprovals()) {
      approvals.remember(ctx, token.consumerKey, user.get().id());
    }
    approve(ctx, token, user.get());
  }

  /** The screen name typed, else the user picked in the list. */
  static Optional<SandboxUser> chosenUser(RoutingContext ctx, SandboxUsers users) {
    String typed = ctx.request().getFormAttribute("screen_name");
    return typed != null && !typed.isBlank()
        ? users.byScreenName(typed.trim())
        : users.configured().stream().filter(user -> user.id().equals(ctx.request().getFormAttribute("user_id")))
            .findFirst();
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

  private void render(RoutingContext ctx, int status, RequestToken token, SandboxUser selected, String error) {
    String appName = settings.consumer(token.consumerKey).map(SandboxConsumer::appName).orElse("An app");
    renderer.render(ctx, status, new ConsentRenderer.Request(ACTION, "oauth_token", token.token, appName, null),
        selected, error).onFailure(ctx::fail);
  }
}
