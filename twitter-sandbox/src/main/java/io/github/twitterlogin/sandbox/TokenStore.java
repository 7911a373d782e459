package io.github.twitterlogin.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens the sandbox has issued. A request token lives for a configurable time, is
 * authorized once on the consent page, and is exchanged at most once; an access token lives
 * until it is invalidated, as Twitter's do, or until the store holds too many (a load test
 * signs in without end), when the oldest is forgotten. One verticle instance owns it, on its
 * event loop.
 */
final class TokenStore {

  /** A request token through its life: issued, then authorized for a user with a verifier, then spent. */
  static final class RequestToken {
    final String consumerKey;
    final String token;
    final String secret;
    final String callback;
    final AccessLevel accessLevel;
    final Instant issuedAt;
    String userId;
    String verifier;

    private RequestToken(String consumerKey, String token, String secret, String callback, AccessLevel accessLevel,
        Instant issuedAt) {
      this.consumerKey = consumerKey;
      this.token = token;
      this.secret = secret;
      this.callback = callback;
      this.accessLevel = accessLevel;
      this.issuedAt = issuedAt;
    }
  }

  /** @param accessLevel what the token may do, told in {@code x-access-level} */
  record AccessToken(String consumerKey, String token, String secret, String userId, AccessLevel accessLevel) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /** In the order issued, so that the expired ones are at the head. */
  private final Map<String, RequestToken> requestTokens = new LinkedHashMap<>();
  private final Map<String, AccessToken> accessTokens = new LinkedHashMap<>();
  private final Clock clock;
  private final Duration requestTokenLifetime;
  private final int maxAccessTokens;

  TokenStore(Clock clock, Duration requestTokenLifetime, int maxAccessTokens) {
    this.clock = clock;
    this.requestTokenLifetime = requestTokenLifetime;
    this.maxAccessTokens = maxAccessTokens;
  }

  RequestToken issueRequestToken(String consumerKey, String callback, AccessLevel accessLevel) {
    forgetExpiredRequestTokens();
    RequestToken token = new RequestToken(consumerKey, random(32), random(40), callback, accessLevel,
        clock.instant());
    requestTokens.put(token.token, token);
    return token;
  }

  /** A request token that can still be shown on the consent page or exchanged. */
  Optional<RequestToken> liveRequestToken(String token) {
    return Optional.ofNullable(requestTokens.get(token))
        .filter(found -> found.issuedAt.plus(requestTokenLifetime).isAfter(clock.instant()));
  }

  void authorize(RequestToken token, String userId) {
    token.userId = userId;
    token.verifier = random(32);
  }

  void deny(RequestToken token) {
    requestTokens.remove(token.token);
  }

  /** Spends the request token: a second exchange finds it unknown (code 89), as on Twitter. */
  AccessToken exchange(RequestToken token) {
    requestTokens.remove(token.token);
    AccessToken access = new AccessToken(token.consumerKey, token.userId + "-" + random(40), random(45), token.userId,
        token.accessLevel);
    accessTokens.put(access.token(), access);
    if (accessTokens.size() > maxAccessTokens) {
      Iterator<String> oldest = accessTokens.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return access;
  }

  Optional<AccessToken> accessToken(String token) {
    return Optional.ofNullable(accessTokens.get(token));
  }

  void revoke(String token) {
    accessTokens.remove(token);
  }

  int requestTokenCount() {
    return requestTokens.size();
  }

  int accessTokenCount() {
    return accessTokens.size();
  }

  private void forgetExpiredRequestTokens() {
    Instant horizon = clock.instant().minus(requestTokenLifetime);
    Iterator<RequestToken> oldestFirst = requestTokens.values().iterator();
    while (oldestFirst.hasNext() && !oldestFirst.next().issuedAt.isAfter(horizon)) {
      oldestFirst.remove();
    }
  }

  static String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
