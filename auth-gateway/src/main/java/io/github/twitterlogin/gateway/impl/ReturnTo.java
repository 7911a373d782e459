package io.github.twitterlogin.gateway.impl;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where to send the browser after sign-in. Only a path on this site is kept; anything that a
 * browser could read as another origin ({@code //host}, {@code /\host}, a scheme, control
 * characters) is dropped, so the login cannot be turned into an open redirect. One length limit:
 * a {@code return_to} longer is refused by {@code /auth} (400), and a protected page's own address
 * longer returns to {@code defaultReturnTo}; each started login keeps it in the session.
 */
final class ReturnTo {

  static final int MAX_LENGTH = 2048;

  private static final Pattern SAFE_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");

  private ReturnTo() {
  }

  static Optional<String> parse(String candidate) {
    if (candidate == null || candidate.length() > MAX_LENGTH || !SAFE_PATH.matcher(candidate).matches()) {
      return Optional.empty();
    }
    return Optional.of(candidate);
  }
}
