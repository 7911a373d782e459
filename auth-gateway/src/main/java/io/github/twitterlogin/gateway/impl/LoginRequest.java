package io.github.twitterlogin.gateway.impl;

import io.vertx.core.MultiMap;
import java.util.Optional;
import java.util.regex.Pattern;

/** What {@code GET /auth} was asked: where to return, and Twitter's login options. */
record LoginRequest(String returnTo, boolean forceLogin, Optional<String> screenName) {

  // Twitter screen names: 1 to 15 letters, digits and underscores.
  private static final Pattern SCREEN_NAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
  private static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);

  /**
   * An unsafe {@code return_to} is ignored, not refused: the login still works, it ends at
   * {@code defaultReturnTo}. One longer than {@link ReturnTo#MAX_LENGTH} is refused.
   */
  static LoginRequest from(MultiMap query, String defaultReturnTo) {
    QueryParameters parameters = new QueryParameters(query);
    String returnTo = parameters.optional("return_to", ReturnTo.MAX_LENGTH, ANY)
        .flatMap(ReturnTo::parse)
        .orElse(defaultReturnTo);
    return new LoginRequest(returnTo, parameters.flag("force_login"),
        parameters.optional("screen_name", 15, SCREEN_NAME));
  }

  /** A login that a protected route started for a browser not signed in: back to where it asked to go. */
  static LoginRequest returningTo(String returnTo) {
    return new LoginRequest(returnTo, false, Optional.empty());
  }
}
