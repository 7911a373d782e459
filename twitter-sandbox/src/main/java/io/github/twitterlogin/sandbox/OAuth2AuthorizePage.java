package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.sandbox.OAuth2Grants.Code;
import io.github.twitterlogin.sandbox.OAuth2Grants.Pending;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /i/oauth2/authorize}: X's OAuth 2.0 authorization with PKCE, which X serves on
 * x.com and the sandbox on its own host; then the same consent page as OAuth 1.0a's, posted back
 * to {@code POST /i/oauth2/authorize}. A request with an unknown {@code client_id} or a {@code
 * redirect_uri} that is not registered gets an error page, never a redirect (RFC 6749 section
 * 4.1.2.1: the redirect could be an attacker's); any other mistake is redirected back with
 * {@code error}, {@code error_description} and the {@code state}.
 */
final class OAuth2AuthorizePage {

  static final String PATH = "/i/oauth2/authorize";
  private static final String FORM_FIELD = "authorization_id";
  /** RFC 7636 section 4.2: an S256 challenge is the unpadded base64url of 32 bytes. */
  private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final int MAX_STATE_LENGTH = 500;

  private final SandboxSettings settings;
  private final SandboxUsers users;
  private final OAuth2Grants grants;
  private final ConsentRenderer renderer;

  OAuth2AuthorizePage(SandboxSettings settings, SandboxUsers users, OAuth2Grants grants, ConsentRenderer renderer) {
    this.settings = settings;
    this.users = users;
    this.grants = grants;
    this.renderer = renderer;
  }

  void show(RoutingContext ctx) {
    MultiMap query = ctx.queryParams();
    SandboxOAuth2Client client = settings.oauth2Client(query.get("client_id"))
        .orElseThrow(() -> new SandboxPageError(400, "This app is not known",
            "The app sent an unknown client_id. Go back to the app and start the sign-in again."));
    String redirectUri = query.get("redirect_uri");
    if (redirectUri == null || !client.approves(redirectUri)) {
      throw new SandboxPageError(400, "This app cannot sign you in here",
          "The app asked to send you to a redirect_uri it has not registered.");
    }
    String state = query.get("state");
    Optional<Refusal> refusal = refusalOf(query);
    if (refusal.isPresent()) {
      redirect(ctx, redirectUri, List.of(new Parameter("error", refusal.get().error()),
          new Parameter("error_description", refusal.get().description())), state);
      return;
    }
    Pending request = grants.await(client, redirectUri, OAuth2Scopes.parse(query.get("scope")), state,
        query.get("code_challenge"));
    if (settings.loadMode()) {
      approve(ctx, request, users.newLoadUser());
    } else if (settings.autoApprove()) {
      approve(ctx, request, users.first());
    } else {
      render(ctx, 200, request, null);
    }
  }

  /** The consent form; its authorization id, unguessable and good for one decision, is its anti-forgery token. */
  void decide(RoutingContext ctx) {
    Pending request = grants.pending(ctx.request().getFormAttribute(FORM_FIELD))
        .orElseThrow(() -> new SandboxPageError(400, "This sign-in link is invalid or has expired",
            "Go back to the app and start the sign-in again."));
    if (!"authorize".equals(ctx.request().getFormAttribute("decision"))) {
      grants.decided(request);
      redirect(ctx, request.redirectUri(), List.of(new Parameter("error", "access_denied")), request.state());
      return;
    }
    Optional<SandboxUser> user = ConsentPage.chosenUser(ctx, users);
    if (user.isEmpty()) {
      render(ctx, 400, request, "There is no sandbox user with that screen name.");
      return;
    }
    approve(ctx, request, user.get());
  }

  /** RFC 6749 section 4.1.2.1's {@code error} and {@code error_description}. */
  private record Refusal(String error, String description) {
  }

  /**
   * What is wrong with the request: X's checks, and PKCE with S256 only (RFC 7636 lets a server
   * refuse {@code plain}; X takes it, the sandbox does not).
   */
  private static Optional<Refusal> refusalOf(MultiMap query) {
    if (!"code".equals(query.get("response_type"))) {
      return Optional.of(new Refusal("unsupported_response_type", "response_type must be code"));
    }
    for (String required : List.of("state", "scope", "code_challenge")) {
      if (query.get(required) == null || query.get(required).isBlank()) {
        return Optional.of(new Refusal("invalid_request", "Missing required parameter [" + required + "]."));
      }
    }
    if (query.get("state").length() > MAX_STATE_LENGTH) {
      return Optional.of(new Refusal("invalid_request", "state must be at most 500 characters"));
    }
    if (!"S256".equals(query.get("code_challenge_method"))) {
      return Optional.of(new Refusal("invalid_request", "code_challenge_method must be S256: this sandbox refuses"
          + " plain"));
    }
    if (!S256_CHALLENGE.matcher(query.get("code_challenge")).matches()) {
      return Optional.of(new Refusal("invalid_request", "code_challenge must be the base64url SHA-256 of the"
          + " code_verifier"));
    }
    try {
      OAuth2Scopes.parse(query.get("scope"));
    } catch (IllegalArgumentException unknown) {
      return Optional.of(new Refusal("invalid_scope", unknown.getMessage()));
    }
    return Optional.empty();
  }

  private void approve(RoutingContext ctx, Pending request, SandboxUser user) {
    grants.decided(request);
    Code code = grants.issueCode(request, user.id());
    redirect(ctx, request.redirectUri(), List.of(new Parameter("code", code.code)), request.state());
  }

  /** X puts {@code state} first: {@code callback?state=...&code=...}. */
  private static void redirect(RoutingContext ctx, String redirectUri, List<Parameter> answer, String state) {
    List<Parameter> parameters = new ArrayList<>();
    if (state != null) {
      parameters.add(new Parameter("state", state));
    }
    parameters.addAll(answer);
    ctx.redirect(CallbackUrl.withParameters(redirectUri, parameters)).onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, Pending request, String error) {
    renderer.render(ctx, status, new ConsentRenderer.Request(PATH, FORM_FIELD, request.id(),
        request.client().appName(), request.scopes()), users.first(), error).onFailure(ctx::fail);
  }
}
