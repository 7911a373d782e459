package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.shared.TokenCredentials;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The logins a browser session has started and not finished, one per request token (OAuth 1.0a)
 * or per {@code state} (OAuth 2.0), so that several tabs may sign in at once. Each is its own
 * session entry, a {@link JsonObject} (cluster serializable as it is), so that tabs starting
 * logins at once change different entries, and a callback takes its login out of the session in
 * one atomic step. What makes a login secret, the request token's secret or the PKCE verifier,
 * is sealed with the rest of the session.
 */
final class PendingLogins {

  private static final String KEY_PREFIX = "login:";

  /**
   * A started login: OAuth 1.0a's request token and its secret, or OAuth 2.0's PKCE verifier, and
   * where to go once signed in.
   */
  record PendingLogin(TokenCredentials requestToken, String codeVerifier, String returnTo, Instant startedAt) {

    JsonObject toJson() {
      JsonObject json = requestToken != null ? requestToken.toJson() : new JsonObject().put("codeVerifier", codeVerifier);
      return json.put("returnTo", returnTo).put("startedAt", startedAt.toEpochMilli());
    }

    static PendingLogin fromJson(JsonObject json) {
      String codeVerifier = json.getString("codeVerifier");
      return new PendingLogin(codeVerifier == null ? TokenCredentials.fromJson(json) : null, codeVerifier,
          json.getString("returnTo"), Instant.ofEpochMilli(json.getLong("startedAt")));
    }
  }

  private final Clock clock;
  private final Duration lifetime;
  private final int maxPerSession;

  PendingLogins(Clock clock, Duration lifetime, int maxPerSession) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.maxPerSession = maxPerSession;
  }

  /** An OAuth 1.0a login, found again by its request token. */
  void add(Session session, TokenCredentials requestToken, String returnTo) {
    add(session, requestToken.token(), new PendingLogin(requestToken, null, returnTo, clock.instant()));
  }

  /** An OAuth 2.0 login, found again by its {@code state}. */
  void addOAuth2(Session session, String state, String codeVerifier, String returnTo) {
    add(session, state, new PendingLogin(null, codeVerifier, returnTo, clock.instant()));
  }

  private void add(Session session, String id, PendingLogin login) {
    List<Map.Entry<String, PendingLogin>> live = liveLogins(session);
    int excess = live.size() - maxPerSession + 1;
    live.stream()
        .sorted(Comparator.comparing(entry -> entry.getValue().startedAt()))
        .limit(Math.max(0, excess))
        .forEach(entry -> session.remove(entry.getKey()));
    session.put(keyOf(id), login.toJson());
  }

  /** The session entry of the login started with this request token, or this state. */
  static String keyOf(String token) {
    return KEY_PREFIX + token;
  }

  /** The login a callback took out of the session, unless there was none or it has expired. */
  Optional<PendingLogin> live(Object taken) {
    return parse(taken).filter(this::isLive);
  }

  void cancel(Session session, String token) {
    session.remove(keyOf(token));
  }

  /** The live logins; expired or unreadable ones are dropped from the session on the way. */
  private List<Map.Entry<String, PendingLogin>> liveLogins(Session session) {
    List<Map.Entry<String, PendingLogin>> live = new ArrayList<>();
    for (String key : List.copyOf(session.data().keySet())) {
      if (!key.startsWith(KEY_PREFIX)) {
        continue;
      }
      Optional<PendingLogin> login = parse(session.get(key)).filter(this::isLive);
      if (login.isPresent()) {
        live.add(Map.entry(key, login.get()));
      } else {
        session.remove(key);
      }
    }
    return live;
  }

  private boolean isLive(PendingLogin login) {
    return login.startedAt().plus(lifetime).isAfter(clock.instant());
  }

  private static Optional<PendingLogin> parse(Object stored) {
    if (!(stored instanceof JsonObject json)) {
      return Optional.empty();
    }
    try {
      return Optional.of(PendingLogin.fromJson(json));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
