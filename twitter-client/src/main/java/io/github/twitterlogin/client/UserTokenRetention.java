package io.github.twitterlogin.client;

import java.util.Arrays;
import java.util.Locale;

/** How long the Twitter client keeps a signed-in user's access token, for calls by her id. */
public enum UserTokenRetention {
  /** While she has a session: until her last sign-in ends (signed out, or expired). */
  SESSION,
  /**
   * For work in the background: until she signs out, revokes the app, or Twitter answers 89
   * for the token; a session that expires keeps it.
   */
  UNTIL_REVOKED;

  /** {@code session} or {@code until-revoked}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @throws IllegalArgumentException naming {@code key} when {@code value} is neither */
  public static UserTokenRetention fromValue(String key, String value) {
    return Arrays.stream(values())
        .filter(retention -> retention.value().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(key + " must be session or until-revoked"));
  }
}
