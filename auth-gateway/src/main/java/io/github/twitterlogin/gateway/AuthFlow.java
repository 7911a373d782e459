package io.github.twitterlogin.gateway;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which of X's logins {@link TwitterAuthHandler} runs: the 3-legged OAuth 1.0a (RFC 5849) or OAuth
 * 2.0's authorization code with PKCE (RFC 6749, RFC 7636). Both end in the same {@code User}, the
 * same session and the same events; docs/oauth2.md says when to choose which.
 */
public enum AuthFlow {
  /** {@code oauth/request_token}, {@code oauth/authenticate}, {@code oauth/access_token}: tokens that do not expire. */
  OAUTH1,
  /** {@code i/oauth2/authorize} and {@code 2/oauth2/token}: 2-hour bearer tokens, refreshed once per cluster. */
  OAUTH2;

  /** {@code oauth1} or {@code oauth2}, as {@code TWITTER_AUTH} names them. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming {@code field} when {@code value} is neither */
  public static AuthFlow fromValue(String field, String value) {
    return Arrays.stream(values()).filter(flow -> flow.value().equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(field + " must be oauth1 or oauth2"));
  }
}
