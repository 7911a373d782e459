package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.TokenCredentials;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What a signed-in session holds besides the vertx-auth {@code User}: who it is (for the store to
 * say whose session ended), the sign-out form's anti-CSRF token (the synchronizer token of
 * OWASP's CSRF sheet), and the sign-in's id at the Twitter client, which keeps her token. Only a
 * Twitter client that keeps no tokens ({@code USER_CALLS=off}) leaves the access token here
 * instead, sealed with the session. One {@link JsonObject} entry of the session.
 */
record SignInRecord(String userId, String csrfToken, String signInId, TokenCredentials accessToken) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new sign-in gets a new anti-CSRF token. */
  static SignInRecord of(SignIn signIn) {
    byte[] token = new byte[32];
    RANDOM.nextBytes(token);
    return new SignInRecord(signIn.user().id(), Base64.getUrlEncoder().withoutPadding().encodeToString(token),
        signIn.signInId(), signIn.credentials());
  }

  static Optional<SignInRecord> in(Session session) {
    return session == null ? Optional.empty() : fromJson(session.get(SealedSessionStore.SIGN_IN_ENTRY));
  }

  static Optional<SignInRecord> fromJson(Object stored) {
    if (!(stored instanceof JsonObject json)) {
      return Optional.empty();
    }
    try {
      JsonObject accessToken = json.getJsonObject("accessToken");
      return Optional.of(new SignInRecord(json.getString("userId"), json.getString("csrf"), json.getString("signInId"),
          accessToken == null ? null : TokenCredentials.fromJson(accessToken)));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  void writeTo(Session session) {
    JsonObject entry = new JsonObject().put("userId", userId).put("csrf", csrfToken);
    if (signInId != null) {
      entry.put("signInId", signInId);
    }
    if (accessToken != null) {
      entry.put("accessToken", accessToken.toJson());
    }
    session.put(SealedSessionStore.SIGN_IN_ENTRY, entry);
  }

  @Override
  public String toString() {
    return "SignInRecord[userId=" + userId + "]";
  }
}
