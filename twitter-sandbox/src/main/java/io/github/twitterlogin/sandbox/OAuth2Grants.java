package io.github.twitterlogin.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox's OAuth 2.0 has handed out: authorizations waiting on the consent page,
 * authorization codes (single-use, 30 s), and grants, each the access tokens (2 hours) and the
 * one live refresh token a user's approval of a client led to. A refresh token is single-use and
 * rotates; one presented again, after it was rotated, revokes its whole grant, since either the
 * client or a thief holds a copy (RFC 9700 section 4.14.2). Bounded: a pending authorization or
 * a code goes when it expires, a grant (with all its tokens) when the store holds too many. One
 * verticle instance owns it, on its event loop.
 */
final class OAuth2Grants {

  /** An authorization request that passed its checks, shown on the consent page until decided or expired. */
  record Pending(String id, SandboxOAuth2Client client, String redirectUri, List<String> scopes, String state,
      String codeChallenge, Instant issuedAt) {
  }

  /** A code handed out for one exchange: what it was issued for, to whom, and against which challenge. */
  static final class Code {
    final String code;
    final String clientId;
    final String redirectUri;
    final List<String> scopes;
    final String codeChallenge;
    final String userId;
    final Instant issuedAt;
    boolean spent;
    Grant grant;

    private Code(String code, Pending pending, String userId, Instant issuedAt) {
      this.code = code;
      this.clientId = pending.client().clientId();
      this.redirectUri = pending.redirectUri();
      this.scopes = pending.scopes();
      this.codeChallenge = pending.codeChallenge();
      this.userId = userId;
      this.issuedAt = issuedAt;
    }
  }

  /** One user's approval of one client, and every token it led to. */
  static final class Grant {
    final String id;
    final String clientId;
    final String userId;
    final List<String> scopes;
    final Deque<String> accessTokens = new ArrayDeque<>();
    final Deque<String> spentRefreshTokens = new ArrayDeque<>();
    String refreshToken;

    private Grant(String id, String clientId, String userId, List<String> scopes) {
      this.id = id;
      this.clientId = clientId;
      this.userId = userId;
      this.scopes = scopes;
    }

    boolean offline() {
      return scopes.contains(OAuth2Scopes.OFFLINE_ACCESS);
    }
  }

  /** A bearer token as the API sees it. */
  record AccessToken(String token, Grant grant, Instant expiresAt) {
  }

  /** What the token endpoint hands out: an access token and, with {@code offline.access}, a refresh token. */
  record Issued(AccessToken access, String refreshToken) {
  }

  /** Enough to tell a reused refresh token from one never issued, without keeping every one. */
  private static final int SPENT_REFRESH_TOKENS_KEPT = 100;
  /** A grant refreshed without end keeps its newest live access tokens only. */
  private static final int ACCESS_TOKENS_PER_GRANT = 100;

  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final Map<String, Code> codes = new LinkedHashMap<>();
  private final Map<String, Grant> grants = new LinkedHashMap<>();
  private final Map<String, AccessToken> accessTokens = new LinkedHashMap<>();
  /** Every refresh token of a live grant, the spent ones too, to find the grant a reused one belongs to. */
  private final Map<String, Grant> refreshTokens = new LinkedHashMap<>();
  private final Clock clock;
  private final Duration pendingLifetime;
  private final Duration codeLifetime;
  private final Duration accessTokenLifetime;
  private final int maxGrants;

  OAuth2Grants(Clock clock, Duration pendingLifetime, Duration codeLifetime, Duration accessTokenLifetime,
      int maxGrants) {
    this.clock = clock;
    this.pendingLifetime = pendingLifetime;
    this.codeLifetime = codeLifetime;
    this.accessTokenLifetime = accessTokenLifetime;
    this.maxGrants = maxGrants;
  }

  Pending await(SandboxOAuth2Client client, String redirectUri, List<String> scopes, String state,
      String codeChallenge) {
    forgetExpired();
    Pending request = new Pending(TokenStore.random(32), client, redirectUri, scopes, state, codeChallenge,
        clock.instant());
    pending.put(request.id(), request);
    return request;
  }

  /** A request waiting on the consent page; deciding it, either way, removes it. */
  Optional<Pending> pending(String id) {
    return Optional.ofNullable(id).map(pending::get)
        .filter(found -> found.issuedAt().plus(pendingLifetime).isAfter(clock.instant()));
  }

  void decided(Pending request) {
    pending.remove(request.id());
  }

  Code issueCode(Pending request, String userId) {
    forgetExpired();
    Code code = new Code(TokenStore.random(40), request, userId, clock.instant());
    codes.put(code.code, code);
    return code;
  }

  /** A code that is known and not expired; spent or not, the caller decides. */
  Optional<Code> code(String code) {
    return Optional.ofNullable(code).map(codes::get)
        .filter(found -> found.issuedAt.plus(codeLifetime).isAfter(clock.instant()));
  }

  /** Spends the code: the first exchange, good or bad, is its only one. */
  void spend(Code code) {
    code.spent = true;
  }

  /** The grant of a code exchanged for tokens. */
  Issued grant(Code code) {
    Grant grant = new Grant(TokenStore.random(24), code.clientId, code.userId, code.scopes);
    grants.put(grant.id, grant);
    code.grant = grant;
    if (grants.size() > maxGrants) {
      revoke(grants.values().iterator().next());
    }
    return issue(grant);
  }

  /**
   * Rotates the refresh token: a new access token and a new refresh token, the old one spent.
   * A spent one presented again revokes the grant.
   *
   * @return empty when the token is unknown, of another client, or spent (the grant then revoked)
   */
  Optional<Issued> refresh(String refreshToken, String clientId) {
    Grant grant = refreshTokens.get(refreshToken);
    if (grant == null || !grant.clientId.equals(clientId)) {
      return Optional.empty();
    }
    if (!refreshToken.equals(grant.refreshToken)) {
      revoke(grant);
      return Optional.empty();
    }
    grant.spentRefreshTokens.addLast(refreshToken);
    if (grant.spentRefreshTokens.size() > SPENT_REFRESH_TOKENS_KEPT) {
      refreshTokens.remove(grant.spentRefreshTokens.removeFirst());
    }
    return Optional.of(issue(grant));
  }

  /** A bearer token that is live: known, not expired, its grant not revoked. */
  Optional<AccessToken> accessToken(String token) {
    AccessToken found = token == null ? null : accessTokens.get(token);
    if (found != null && !found.expiresAt().isAfter(clock.instant())) {
      accessTokens.remove(token);
      return Optional.empty();
    }
    return Optional.ofNullable(found);
  }

  /**
   * Ends every live access token of the user's grants now, as if their two hours were over: the
   * API refuses them as it refuses any expired token, and her refresh tokens stay good. How a
   * test makes a client refresh without waiting two hours or moving the clock of every process.
   *
   * @return how many access tokens it ended
   */
  int expireAccessTokensOf(String userId) {
    Instant now = clock.instant();
    int expired = 0;
    for (Grant grant : grants.values()) {
      if (!grant.userId.equals(userId)) {
        continue;
      }
      for (String token : grant.accessTokens) {
        AccessToken access = accessTokens.get(token);
        if (access != null && access.expiresAt().isAfter(now)) {
          accessTokens.put(token, new AccessToken(token, grant, now));
          expired++;
        }
      }
    }
    return expired;
  }

  /**
   * RFC 7009: an access token is revoked alone; a refresh token revokes its grant (section 2.1
   * lets it take the grant's access tokens along, and X's refresh tokens are the grant). A token
   * unknown or of another client is left alone, and is no error either (section 2.2).
   */
  void revokeToken(String token, String clientId) {
    AccessToken access = accessTokens.get(token);
    if (access != null && access.grant().clientId.equals(clientId)) {
      accessTokens.remove(token);
      access.grant().accessTokens.remove(token);
      return;
    }
    Grant grant = refreshTokens.get(token);
    if (grant != null && grant.clientId.equals(clientId)) {
      revoke(grant);
    }
  }

  /** A reused code takes the tokens it led to along (RFC 6749 section 4.1.2). */
  void revoke(Code code) {
    if (code.grant != null) {
      revoke(code.grant);
    }
  }

  int grantCount() {
    return grants.size();
  }

  int accessTokenCount() {
    return accessTokens.size();
  }

  private Issued issue(Grant grant) {
    forgetExpiredTokensOf(grant);
    AccessToken access = new AccessToken(TokenStore.random(48), grant, clock.instant().plus(accessTokenLifetime));
    accessTokens.put(access.token(), access);
    grant.accessTokens.addLast(access.token());
    if (grant.accessTokens.size() > ACCESS_TOKENS_PER_GRANT) {
      accessTokens.remove(grant.accessTokens.removeFirst());
    }
    String refresh = null;
    if (grant.offline()) {
      refresh = TokenStore.random(48);
      grant.refreshToken = refresh;
      refreshTokens.put(refresh, grant);
    }
    return new Issued(access, refresh);
  }

  private void revoke(Grant grant) {
    grants.remove(grant.id);
    grant.accessTokens.forEach(accessTokens::remove);
    grant.accessTokens.clear();
    grant.spentRefreshTokens.forEach(refreshTokens::remove);
    if (grant.refreshToken != null) {
      refreshTokens.remove(grant.refreshToken);
    }
    grant.refreshToken = null;
  }

  private void forgetExpiredTokensOf(Grant grant) {
    Instant now = clock.instant();
    grant.accessTokens.removeIf(token -> {
      AccessToken access = accessTokens.get(token);
      boolean expired = access == null || !access.expiresAt().isAfter(now);
      if (expired) {
        accessTokens.remove(token);
      }
      return expired;
    });
  }

  /** Both maps are in the order issued, so the expired entries are at their heads. */
  private void forgetExpired() {
    Instant now = clock.instant();
    Iterator<Pending> oldestRequest = pending.values().iterator();
    while (oldestRequest.hasNext() && !oldestRequest.next().issuedAt().plus(pendingLifetime).isAfter(now)) {
      oldestRequest.remove();
    }
    Iterator<Code> oldestCode = codes.values().iterator();
    while (oldestCode.hasNext() && !oldestCode.next().issuedAt.plus(codeLifetime).isAfter(now)) {
      oldestCode.remove();
    }
  }
}
