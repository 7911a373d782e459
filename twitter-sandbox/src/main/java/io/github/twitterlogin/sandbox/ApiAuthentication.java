package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.sandbox.SignedRequestVerifier.Verified;
import io.github.twitterlogin.sandbox.TokenStore.AccessToken;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The user behind an API call: an OAuth 1.0a request signed with an access token, whose level
 * every answer tells in {@code x-access-level}, as X's does.
 */
final class ApiAuthentication {

  private final SignedRequestVerifier verifier;
  private final TokenStore tokens;

  ApiAuthentication(SignedRequestVerifier verifier, TokenStore tokens) {
    this.verifier = verifier;
    this.tokens = tokens;
  }

  /** @throws TwitterError as Twitter refuses the call */
  ApiCaller authenticate(RoutingContext ctx) {
    Verified request = verifier.verify(SignedRequest.from(ctx), this::accessTokenSecret);
    AccessToken token = Optional.ofNullable(request.token())
        .flatMap(tokens::accessToken)
        .orElseThrow(TwitterError::invalidOrExpiredToken);
    ctx.response().putHeader("x-access-level", token.accessLevel().header());
    return new ApiCaller(token.userId(), token.accessLevel(), null, request.consumer().limitedV11Access());
  }

  /** The token of an OAuth 1.0a call, to revoke it. */
  AccessToken oauth1Token(RoutingContext ctx) {
    Verified request = verifier.verify(SignedRequest.from(ctx), this::accessTokenSecret);
    return Optional.ofNullable(request.token())
        .flatMap(tokens::accessToken)
        .orElseThrow(TwitterError::invalidOrExpiredToken);
  }

  private Optional<String> accessTokenSecret(SandboxConsumer consumer, String token) {
    return tokens.accessToken(token)
        .filter(found -> found.consumerKey().equals(consumer.key()))
        .map(AccessToken::secret);
  }
}
