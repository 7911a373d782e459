package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The user a session is signed in as, with their access token and the session's anti-CSRF
 * token. The user and the token are {@link JsonObject}s in the session, stored as they are.
 */
record SignedInUser(TwitterUser user, TokenCredentials accessToken, String csrfToken) {

  private static final String USER = "user";
  private static final String ACCESS_TOKEN = "accessToken";
  private static final String CSRF = "csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new sign-in gets a new anti-CSRF token: the synchronizer token of OWASP's CSRF sheet. */
  static SignedInUser signIn(TwitterUser user, TokenCredentials accessToken) {
    byte[] token = new byte[32];
    RANDOM.nextBytes(token);
    return new SignedInUser(user, accessToken, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
  }

  static Optional<SignedInUser> from(Session session) {
    if (session == null) {
      return Optional.empty();
    }
    if (!(session.get(USER) instanceof JsonObject user) || !(session.get(ACCESS_TOKEN) instanceof JsonObject token)
        || !(session.get(CSRF) instanceof String csrf)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SignedInUser(TwitterUser.fromJson(user), TokenCredentials.fromJson(token), csrf));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  void writeTo(Session session) {
    session.put(USER, user.toJson());
    session.put(ACCESS_TOKEN, accessToken.toJson());
    session.put(CSRF, csrfToken);
  }

  @Override
  public String toString() {
    return "SignedInUser[user=" + user.id() + "]";
  }
}
