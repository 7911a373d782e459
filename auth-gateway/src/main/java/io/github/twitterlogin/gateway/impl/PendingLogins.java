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
 * The logins a browser session has started and not finished, one per request token, so that
 * several tabs may sign in at once. Each is its own session entry, a {@link JsonObject} (cluster
 * serializable as it is), so that tabs starting logins at once change different entries, and a
 * callback takes its login out of the session in one atomic step.
 */
final class PendingLogins {

  private static final String KEY_PREFIX = "login:";

  /** A started login: the request token and its secret, and where to go once signed in. */
  record PendingLogin(TokenCredentials requestToken, String returnTo, Instant startedAt) {

    JsonObject toJson() {
      return requestToken.toJson().put("returnTo", returnTo).put("startedAt", startedAt.toEpochMilli());
    }

    static PendingLogin fromJson(JsonObject json) {
      return new PendingLogin(TokenCredentials.fromJson(json), json.getString("returnTo"),
          Instant.ofEpochMilli(json.getLong("startedAt")));
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

  void add(Session session, TokenCredentials requestToken, String returnTo) {
    List<Map.Entry<String, PendingLogin>> live = liveLogins(session);
    int excess = live.size() - maxPerSession + 1;
    live.stream()
        .sorted(Comparator.comparing(entry -> entry.getValue().startedAt()))
        .limit(Math.max(0, excess))
        .forEach(entry -> session.remove(entry.getKey()));
    PendingLogin login = new PendingLogin(requestToken, returnTo, clock.instant());
    session.put(keyOf(requestToken.token()), login.toJson());
  }

  /** The session entry of the login started with this request token. */
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
