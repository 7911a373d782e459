package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.vertx.core.MultiMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What X sent the browser back with after an OAuth 2.0 authorization: {@code state} always
 * (RFC 6749 section 4.1.2), then {@code code}, or {@code error} ({@code access_denied} after
 * Cancel, section 4.1.2.1).
 */
record OAuth2Callback(String state, Optional<String> code, Optional<String> error) {

  private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_\\-.~]+");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-.~%]+");
  private static final Pattern ERROR = Pattern.compile("[a-z_]{1,64}");
  private static final int MAX_LENGTH = 1000;
  static final String ACCESS_DENIED = "access_denied";

  static OAuth2Callback from(MultiMap query) {
    QueryParameters parameters = new QueryParameters(query);
    String state = parameters.optional("state", MAX_LENGTH, STATE)
        .orElseThrow(() -> PageError.badRequest("The sign-in answer from Twitter has no state."));
    Optional<String> error = parameters.optional("error", 64, ERROR);
    Optional<String> code = parameters.optional("code", MAX_LENGTH, CODE);
    if (error.isEmpty() && code.isEmpty()) {
      throw PageError.badRequest("The sign-in answer from Twitter has no code.");
    }
    return new OAuth2Callback(state, error.isPresent() ? Optional.empty() : code, error);
  }

  boolean denied() {
    return error.filter(ACCESS_DENIED::equals).isPresent();
  }
}
