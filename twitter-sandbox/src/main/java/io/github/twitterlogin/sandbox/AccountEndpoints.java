package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.sandbox.SignedRequestVerifier.Verified;
import io.github.twitterlogin.sandbox.TokenStore.AccessToken;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The account API, signed with a user's access token: {@code GET
 * /1.1/account/verify_credentials.json}, {@code GET /2/users/me} and {@code POST
 * /1.1/oauth/invalidate_token}.
 */
final class AccountEndpoints {

  private final SignedRequestVerifier verifier;
  private final TokenStore tokens;
  private final RateLimits rateLimits;
  private final UserJson users;

  AccountEndpoints(SignedRequestVerifier verifier, TokenStore tokens, RateLimits rateLimits, UserJson users) {
    this.verifier = verifier;
    this.tokens = tokens;
    this.rateLimits = rateLimits;
    this.users = users;
  }

  void verifyCredentials(RoutingContext ctx) {
    AccessToken token = authenticate(ctx);
    if (limited(ctx, token, "verify_credentials")) {
      return;
    }
    TwitterAnswers.json(ctx, 200, users.v1(token.userId(), flag(ctx, "include_email"),
        !flag(ctx, "skip_status"), !"false".equals(ctx.request().getParam("include_entities"))));
  }

  void usersMe(RoutingContext ctx) {
    AccessToken token = authenticate(ctx);
    if (limited(ctx, token, "users_me")) {
      return;
    }
    TwitterAnswers.json(ctx, 200, users.v2(token.userId()));
  }

  void invalidateToken(RoutingContext ctx) {
    AccessToken token = authenticate(ctx);
    tokens.revoke(token.token());
    TwitterAnswers.json(ctx, 200, new JsonObject().put("access_token", token.token()));
  }

  private AccessToken authenticate(RoutingContext ctx) {
    Verified request = verifier.verify(SignedRequest.from(ctx), this::accessTokenSecret);
    return Optional.ofNullable(request.token())
        .flatMap(tokens::accessToken)
        .orElseThrow(TwitterError::invalidOrExpiredToken);
  }

  /** Twitter's per-user window: the headers on every answer, 429 once the window is used up. */
  private boolean limited(RoutingContext ctx, AccessToken token, String endpoint) {
    RateLimits.Usage usage = rateLimits.call(token.userId(), endpoint);
    TwitterAnswers.rateLimitHeaders(ctx, usage);
    if (!usage.allowed()) {
      TwitterError exceeded = TwitterError.rateLimitExceeded();
      TwitterAnswers.json(ctx, exceeded.status(), exceeded.toJson());
    }
    return !usage.allowed();
  }

  private Optional<String> accessTokenSecret(SandboxConsumer consumer, String token) {
    return tokens.accessToken(token)
        .filter(found -> found.consumerKey().equals(consumer.key()))
        .map(AccessToken::secret);
  }

  private static boolean flag(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return "true".equals(value) || "1".equals(value);
  }
}
