package io.github.twitterlogin.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens the sandbox has issued. A request token lives for a configurable time, is
 * authorized once on the consent page, and is exchanged at most once; an access token lives
 * until it is invalidated. One verticle instance owns it, on its event loop.
 */
final class TokenStore {

  /** A request token through its life: issued, then authorized for a user with a verifier, then used. */
  static final class RequestToken {
    final String consumerKey;
    final String token;
    final String secret;
    final String callback;
    final Instant issuedAt;
    String userId;
    String verifier;
    boolean used;

    private RequestToken(String consumerKey, String token, String secret, String callback, Instant issuedAt) {
      this.consumerKey = consumerKey;
      this.token = token;
      this.secret = secret;
      this.callback = callback;
      this.issuedAt = issuedAt;
    }
  }

  record AccessToken(String consumerKey, String token, String secret, String userId) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final Map<String, RequestToken> requestTokens = new HashMap<>();
  private final Map<String, AccessToken> accessTokens = new HashMap<>();
  private final Clock clock;
  private final Duration requestTokenLifetime;

  TokenStore(Clock clock, Duration requestTokenLifetime) {
    this.clock = clock;
    this.requestTokenLifetime = requestTokenLifetime;
  }

  RequestToken issueRequestToken(String consumerKey, String callback) {
    forgetExpiredRequestTokens();
    RequestToken token = new RequestToken(consumerKey, random(32), random(40), callback, clock.instant());
    requestTokens.put(token.token, token);
    return token;
  }

  /** A request token that can still be shown on the consent page or exchanged. */
  Optional<RequestToken> liveRequestToken(String token) {
    return Optional.ofNullable(requestTokens.get(token))
        .filter(found -> !found.used && found.issuedAt.plus(requestTokenLifetime).isAfter(clock.instant()));
  }

  void authorize(RequestToken token, String userId) {
    token.userId = userId;
    token.verifier = random(32);
  }

  void deny(RequestToken token) {
    requestTokens.remove(token.token);
  }

  AccessToken exchange(RequestToken token) {
    token.used = true;
    AccessToken access = new AccessToken(token.consumerKey, token.userId + "-" + random(40), random(45), token.userId);
    accessTokens.put(access.token(), access);
    return access;
  }

  Optional<AccessToken> accessToken(String token) {
    return Optional.ofNullable(accessTokens.get(token));
  }

  void revoke(String token) {
    accessTokens.remove(token);
  }

  private void forgetExpiredRequestTokens() {
    Instant horizon = clock.instant().minus(requestTokenLifetime);
    requestTokens.values().removeIf(token -> token.issuedAt.isBefore(horizon));
  }

  private static String random(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
