package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.vertx.core.MultiMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Twitter sent the browser back with: {@code denied=<token>} after Cancel, otherwise
 * {@code oauth_token} and {@code oauth_verifier}, both required.
 */
record CallbackRequest(Optional<String> deniedToken, String token, String verifier) {

  // Twitter's tokens and verifiers are short strings of URL-safe characters.
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-.~]+");
  private static final int MAX_LENGTH = 200;

  static CallbackRequest from(MultiMap query) {
    QueryParameters parameters = new QueryParameters(query);
    Optional<String> denied = parameters.optional("denied", MAX_LENGTH, TOKEN);
    Optional<String> token = parameters.optional("oauth_token", MAX_LENGTH, TOKEN);
    Optional<String> verifier = parameters.optional("oauth_verifier", MAX_LENGTH, TOKEN);
    if (denied.isPresent()) {
      return new CallbackRequest(denied, null, null);
    }
    return new CallbackRequest(Optional.empty(),
        token.orElseThrow(() -> PageError.badRequest("The sign-in answer from Twitter has no oauth_token.")),
        verifier.orElseThrow(() -> PageError.badRequest("The sign-in answer from Twitter has no oauth_verifier.")));
  }

  boolean denied() {
    return deniedToken.isPresent();
  }
}
