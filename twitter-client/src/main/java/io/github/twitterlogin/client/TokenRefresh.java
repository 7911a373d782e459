package io.github.twitterlogin.client;

import io.github.twitterlogin.client.UserTokenVault.Kept;
import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.UserToken;
import io.vertx.core.Future;
import io.vertx.core.shareddata.SharedData;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in user's token for a call by her id, her OAuth 2.0 access token refreshed first when
 * it is about to expire, by exactly one member of the cluster however many ask at once. X's
 * refresh tokens are single-use: two members spending the same one would have X revoke the whole
 * grant (RFC 9700 section 4.14.2), so the refresh runs under a cluster-wide lock of her vault
 * entry ({@link SharedData#withLock}, Hazelcast's map lock, released if its holder dies), and
 * whoever waited reads the entry again and takes the tokens the holder stored. The calls of one
 * verticle instance for one user share one refresh, so that a burst takes one lock.
 */
final class TokenRefresh {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRefresh.class);
  /** An access token this close to its end is refreshed before a call, so that it does not expire in flight. */
  static final Duration MARGIN = Duration.ofSeconds(60);

  private final UserTokenVault vault;
  private final OAuth2Endpoints oauth2;
  private final SharedData sharedData;
  private final long lockTimeoutMillis;
  private final Clock clock;
  private final Function<String, Future<Void>> revoked;
  /** This instance's refreshes in flight, by user id; confined to its event loop. */
  private final Map<String, Future<UserToken>> inFlight = new HashMap<>();

  /**
   * @param lockTimeoutMillis how long to wait for another member's refresh: longer than one
   *     call to Twitter
   * @param revoked what to do once her grant is gone: forget her and tell the cluster
   */
  TokenRefresh(UserTokenVault vault, OAuth2Endpoints oauth2, SharedData sharedData, long lockTimeoutMillis,
      Clock clock, Function<String, Future<Void>> revoked) {
    this.vault = vault;
    this.oauth2 = oauth2;
    this.sharedData = sharedData;
    this.lockTimeoutMillis = lockTimeoutMillis;
    this.clock = clock;
    this.revoked = revoked;
  }

  /** How to sign a call as her now: her kept token, refreshed first if it is OAuth 2.0's and about to expire. */
  Future<UserToken> signerOf(String userId) {
    return vault.kept(userId).compose(kept -> expiring(kept)
        ? refreshed(userId, kept.oauth2().accessToken())
        : Future.succeededFuture(kept.signer()));
  }

  /**
   * Her tokens once {@code staleAccessToken} is replaced: the ones another member stored while
   * this one waited, or a refresh of this member's. Twitter refusing the refresh token means the
   * grant is gone (revoked at X, or the token reused): she is forgotten and the call fails
   * CREDENTIALS_REJECTED.
   */
  Future<UserToken> refreshed(String userId, String staleAccessToken) {
    Future<UserToken> running = inFlight.get(userId);
    if (running != null) {
      return running;
    }
    Future<UserToken> refresh = sharedData.withLock(vault.lockName(userId), lockTimeoutMillis,
            () -> refreshUnderLock(userId, staleAccessToken))
        .recover(failure -> Future.failedFuture(lockFailure(failure)));
    inFlight.put(userId, refresh);
    return refresh.onComplete(done -> inFlight.remove(userId));
  }

  private Future<UserToken> refreshUnderLock(String userId, String staleAccessToken) {
    return vault.kept(userId).compose(kept -> {
      if (kept.oauth2() == null || kept.oauth2().refreshToken() == null
          || !kept.oauth2().accessToken().equals(staleAccessToken) && !expiring(kept)) {
        return Future.succeededFuture(kept.signer());
      }
      OAuth2Tokens spent = kept.oauth2();
      return oauth2.refresh(spent.refreshToken())
          .compose(fresh -> vault.refreshed(userId, spent, fresh).map(stored -> fresh.bearer()),
              failure -> grantGone(userId, spent, failure));
    });
  }

  private Future<UserToken> grantGone(String userId, OAuth2Tokens spent, Throwable failure) {
    if (!(failure instanceof TwitterFailureException twitter) || twitter.failure() != TwitterFailure.CREDENTIALS_REJECTED) {
      return Future.failedFuture(failure);
    }
    LOG.info("Twitter refused the refresh token of user {}: her grant is gone, her tokens are forgotten", userId);
    return vault.forgetGrant(userId, spent)
        .compose(forgotten -> revoked.apply(userId))
        .transform(done -> Future.failedFuture(failure));
  }

  private boolean expiring(Kept kept) {
    return kept.oauth2() != null && kept.oauth2().expiresWithin(MARGIN, clock.instant());
  }

  /** A lock not obtained in time: another member's refresh hangs, or the cluster is unwell. */
  private Throwable lockFailure(Throwable failure) {
    if (failure instanceof TwitterFailureException) {
      return failure;
    }
    return new TwitterFailureException(TwitterFailure.TIMEOUT,
        "The refresh of a user's token did not finish within " + lockTimeoutMillis + " ms: " + failure.getMessage());
  }
}
