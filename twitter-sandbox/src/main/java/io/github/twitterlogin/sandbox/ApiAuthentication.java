package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.sandbox.SignedRequestVerifier.Verified;
import io.github.twitterlogin.sandbox.TokenStore.AccessToken;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The user behind an API call: an OAuth 1.0a request signed with an access token, whose level
 * every answer tells in {@code x-access-level}, as X's does; or an OAuth 2.0 bearer token
 * ({@code Authorization: Bearer ...}), whose scopes must include those the endpoint needs.
 */
final class ApiAuthentication {

  private static final String BEARER = "Bearer ";

  private final SignedRequestVerifier verifier;
  private final TokenStore tokens;
  private final OAuth2Grants grants;

  ApiAuthentication(SignedRequestVerifier verifier, TokenStore tokens, OAuth2Grants grants) {
    this.verifier = verifier;
    this.tokens = tokens;
    this.grants = grants;
  }

  /**
   * @param scopes what a bearer token must have been granted for this endpoint
   * @throws TwitterError as Twitter refuses the call: 89 for a bearer token unknown, expired or
   *     revoked, 403 (code 220) for one without the scopes
   */
  ApiCaller authenticate(RoutingContext ctx, List<String> scopes) {
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return bearer(authorization.substring(BEARER.length()).trim(), scopes);
    }
    Verified request = verifier.verify(SignedRequest.from(ctx), this::accessTokenSecret);
    AccessToken token = tokenOf(request);
    ctx.response().putHeader("x-access-level", token.accessLevel().header());
    return new ApiCaller(token.userId(), token.accessLevel(), null, request.consumer().limitedV11Access());
  }

  /** The token of an OAuth 1.0a call, to revoke it; OAuth 2.0's are revoked at {@code /2/oauth2/revoke}. */
  AccessToken oauth1Token(RoutingContext ctx) {
    return tokenOf(verifier.verify(SignedRequest.from(ctx), this::accessTokenSecret));
  }

  private AccessToken tokenOf(Verified request) {
    return Optional.ofNullable(request.token())
        .flatMap(tokens::accessToken)
        .orElseThrow(TwitterError::invalidOrExpiredToken);
  }

  private ApiCaller bearer(String token, List<String> scopes) {
    OAuth2Grants.AccessToken access = grants.accessToken(token).orElseThrow(TwitterError::invalidOrExpiredToken);
    if (!access.grant().scopes.containsAll(scopes)) {
      throw new TwitterError(403, 220, "Your credentials do not allow access to this resource.");
    }
    return new ApiCaller(access.grant().userId, null, new HashSet<>(access.grant().scopes), false);
  }

  private Optional<String> accessTokenSecret(SandboxConsumer consumer, String token) {
    return tokens.accessToken(token)
        .filter(found -> found.consumerKey().equals(consumer.key()))
        .map(AccessToken::secret);
  }
}
