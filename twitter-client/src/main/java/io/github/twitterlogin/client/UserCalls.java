package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.SignedOut;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.UserToken;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
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
  private final TokenEndpoints tokens;
  private final EventBus eventBus;
  private final Clock clock;

  /** @param vault null when calls by user id are off */
  UserCalls(UserTokenVault vault, TokenEndpoints tokens, EventBus eventBus, Clock clock) {
    this.vault = vault;
    this.tokens = tokens;
    this.eventBus = eventBus;
    this.clock = clock;
  }

  /** Runs {@code call} with the user's token, given or kept. */
  <T> Future<T> as(UserToken user, Function<TokenCredentials, Future<T>> call) {
    if (user.credentials().isPresent()) {
      return call.apply(user.credentials().get());
    }
    String userId = user.userId().orElseThrow();
    if (vault == null) {
      return Future.failedFuture(new TwitterFailureException(TwitterFailure.BAD_REQUEST,
          "Calls by user id are off (USER_CALLS=off): give the user's token"));
    }
    return vault.tokenOf(userId)
        .compose(call)
        .recover(failure -> isRevoked(failure) ? revoked(userId).compose(forgotten -> Future.failedFuture(failure))
            : Future.failedFuture(failure));
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

  private Future<Void> revoke(String userId) {
    return vault.tokenOf(userId)
        .compose(tokens::invalidateToken)
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

  private static boolean isRevoked(Throwable failure) {
    return failure instanceof TwitterFailureException twitter
        && twitter.failure() == TwitterFailure.CREDENTIALS_REJECTED
        && twitter.twitterErrorCode().orElse(0) == INVALID_OR_EXPIRED_TOKEN;
  }

  private static String newSignInId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }
}
