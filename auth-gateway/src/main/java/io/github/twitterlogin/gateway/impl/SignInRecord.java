package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.TokenCredentials;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What a signed-in session holds besides the vertx-auth {@code User}: who it is (for the store to
 * say whose session ended), the sign-out form's anti-CSRF token (the synchronizer token of
 * OWASP's CSRF sheet) and the access token. One {@link JsonObject} entry of the session.
 */
record SignInRecord(String userId, String csrfToken, TokenCredentials accessToken) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new sign-in gets a new anti-CSRF token. */
  static SignInRecord of(String userId, TokenCredentials accessToken) {
    byte[] token = new byte[32];
    RANDOM.nextBytes(token);
    return new SignInRecord(userId, Base64.getUrlEncoder().withoutPadding().encodeToString(token), accessToken);
  }

  static Optional<SignInRecord> in(Session session) {
    return session == null ? Optional.empty() : fromJson(session.get(SealedSessionStore.SIGN_IN_ENTRY));
  }

  static Optional<SignInRecord> fromJson(Object stored) {
    if (!(stored instanceof JsonObject json)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SignInRecord(json.getString("userId"), json.getString("csrf"),
          TokenCredentials.fromJson(json.getJsonObject("accessToken"))));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  void writeTo(Session session) {
    session.put(SealedSessionStore.SIGN_IN_ENTRY, new JsonObject()
        .put("userId", userId)
        .put("csrf", csrfToken)
        .put("accessToken", accessToken.toJson()));
  }

  @Override
  public String toString() {
    return "SignInRecord[userId=" + userId + "]";
  }
}
