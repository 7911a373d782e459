package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.UserToken;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.shareddata.SharedData;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls as a signed-in user named by id: her token comes from the {@link UserTokenVault}, and a
 * token Twitter no longer takes (error 89) is forgotten and her sign-in said to be over
 * ({@link TwitterAddresses#SIGNED_OUT}, {@code revoked}). Without a vault ({@code userCalls} off)
 * a caller must give the token itself.
 */
final class UserCalls {

  private static final Logger LOG = LoggerFactory.getLogger(UserCalls.class);
  private static final int INVALID_OR_EXPIRED_TOKEN = 89;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserTokenVault vault;
  private final TokenRefresh refresh;
  private final TokenEndpoints tokens;
  private final OAuth2Endpoints oauth2;
  private final EventBus eventBus;
  private final Clock clock;

  /** @param vault null when calls by user id are off */
  UserCalls(UserTokenVault vault, TokenEndpoints tokens, OAuth2Endpoints oauth2, EventBus eventBus,
      SharedData sharedData, long lockTimeoutMillis, Clock clock) {
    this.vault = vault;
    this.tokens = tokens;
    this.oauth2 = oauth2;
    this.eventBus = eventBus;
    this.clock = clock;
    this.refresh = vault == null ? null
        : new TokenRefresh(vault, oauth2, sharedData, lockTimeoutMillis, clock, this::revoked);
  }

  /**
   * Runs {@code call} with the user's token, given or kept. A kept OAuth 2.0 token is refreshed
   * before it expires; one that Twitter calls invalid or expired (89) sooner, as an early
   * revocation of the access token alone or a clock ahead of ours can make it, is refreshed
   * once and the call made again.
   */
  <T> Future<T> as(UserToken user, Function<UserToken, Future<T>> call) {
    if (user.userId().isEmpty()) {
      return call.apply(user);
    }
    String userId = user.userId().get();
    if (vault == null) {
      return Future.failedFuture(new TwitterFailureException(TwitterFailure.BAD_REQUEST,
          "Calls by user id are off (USER_CALLS=off): give the user's token"));
    }
    return refresh.signerOf(userId).compose(signer -> call.apply(signer).recover(failure -> {
      if (!refused(failure, signer)) {
        return Future.failedFuture(failure);
      }
      if (signer.bearerToken().isEmpty()) {
        return revokedThenFail(userId, failure);
      }
      return refresh.refreshed(userId, signer.bearerToken().get()).compose(fresh -> call.apply(fresh)
          .recover(again -> refused(again, fresh) ? revokedThenFail(userId, again) : Future.failedFuture(again)));
    }));
  }

  private <T> Future<T> revokedThenFail(String userId, Throwable failure) {
    return revoked(userId).transform(forgotten -> Future.failedFuture(failure));
  }

  /** With the vault and when asked, the token stays here and the answer names the sign-in instead. */
  Future<SignIn> kept(SignIn signIn, boolean keepToken) {
    if (vault == null || !keepToken) {
      return Future.succeededFuture(signIn);
    }
    String signInId = newSignInId();
    return vault.keep(signIn.user().id(), signIn.credentials(), signInId)
        .map(keptToken -> new SignIn(signIn.user(), null, signInId));
  }

  /**
   * An OAuth 2.0 sign-in's tokens always stay here: the refresh token rotates, so it must live in
   * one place that every member updates, not in each session.
   */
  Future<SignIn> kept(TwitterUser user, OAuth2Tokens tokens) {
    String signInId = newSignInId();
    return vault.keep(user.id(), tokens, signInId).map(keptToken -> new SignIn(user, null, signInId));
  }

  /** OAuth 2.0's sign-in needs the vault; refused before the code is spent. */
  Future<Void> requireVault() {
    return vault != null ? Future.succeededFuture() : Future.failedFuture(new TwitterFailureException(
        TwitterFailure.BAD_REQUEST, "An OAuth 2.0 sign-in needs user calls on (USER_CALLS=on): its rotating refresh"
        + " token is kept once, in the cluster's vault"));
  }

  /**
   * Revoking is a courtesy to the user: the sign-in ends whatever Twitter answers. A revoked token
   * is kept no more, whatever the retention.
   */
  Future<Void> signOut(SignOutRequest request) {
    if (vault == null) {
      return Future.failedFuture(new TwitterFailureException(TwitterFailure.BAD_REQUEST,
          "This Twitter client keeps no tokens (USER_CALLS=off): nothing to sign out"));
    }
    Future<Void> revoked = request.revoke() ? revoke(request.userId()) : Future.succeededFuture();
    return revoked.compose(done -> vault.endSignIn(request.userId(), request.signInId(), request.reason())).mapEmpty();
  }

  /** RFC 7009 section 2.1: revoking the refresh token revokes the grant, its access tokens with it. */
  private Future<Void> revoke(String userId) {
    return vault.kept(userId)
        .compose(kept -> kept.token() != null ? tokens.invalidateToken(kept.token()).mapEmpty()
            : oauth2.revoke(kept.oauth2().refreshToken() != null ? kept.oauth2().refreshToken()
                : kept.oauth2().accessToken()))
        .compose(invalidated -> vault.forget(userId))
        .recover(failure -> {
          LOG.warn("Could not revoke the access token of user {} at sign-out: {}", userId, failure.getMessage());
          return Future.succeededFuture();
        });
  }

  private Future<Void> revoked(String userId) {
    return vault.forget(userId).onSuccess(forgotten -> eventBus.publish(TwitterAddresses.SIGNED_OUT,
        new SignedOut(userId, SignedOut.Reason.REVOKED, clock.millis()).toJson()));
  }

  /**
   * Twitter no longer takes her token: error 89 for an OAuth 1.0a token (a 401 may also be the
   * consumer's fault, code 32); any 401 for a bearer token, which is the call's only credential
   * (X's v2 answers a bare {@code Unauthorized} problem, without a code).
   */
  private static boolean refused(Throwable failure, UserToken signer) {
    return failure instanceof TwitterFailureException twitter
        && twitter.failure() == TwitterFailure.CREDENTIALS_REJECTED
        && (signer.bearerToken().isPresent() || twitter.twitterErrorCode().orElse(0) == INVALID_OR_EXPIRED_TOKEN);
  }

  private static String newSignInId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }
}
