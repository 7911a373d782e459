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
 * token. Each lives in the session as a String, as clustered sessions require.
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
    String user = session.get(USER);
    String accessToken = session.get(ACCESS_TOKEN);
    String csrf = session.get(CSRF);
    if (user == null || accessToken == null || csrf == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SignedInUser(TwitterUser.fromJson(new JsonObject(user)),
          TokenCredentials.fromJson(new JsonObject(accessToken)), csrf));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  void writeTo(Session session) {
    session.put(USER, user.toJson().encode());
    session.put(ACCESS_TOKEN, accessToken.toJson().encode());
    session.put(CSRF, csrfToken);
  }

  @Override
  public String toString() {
    return "SignedInUser[user=" + user.id() + "]";
  }
}
