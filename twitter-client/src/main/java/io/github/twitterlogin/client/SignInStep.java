package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.vertx.core.Future;

/**
 * The callback's step of the login, so that the gateway sends one event-bus request for it: the
 * verifier exchanged for the access token (RFC 5849 section 2.3), then the profile from the
 * source the request names. When the profile call fails, the access token is not given out; the
 * user signs in again.
 */
final class SignInStep {

  private final TokenEndpoints tokens;
  private final UserEndpoints users;

  SignInStep(TokenEndpoints tokens, UserEndpoints users) {
    this.tokens = tokens;
    this.users = users;
  }

  Future<SignIn> signIn(SignInRequest request) {
    return tokens.accessToken(new AccessTokenRequest(request.requestToken(), request.verifier()))
        .compose(access -> profileOf(access, request).map(user -> new SignIn(user, access.credentials())));
  }

  private Future<TwitterUser> profileOf(AccessToken access, SignInRequest request) {
    return switch (request.profileSource()) {
      case V2 -> users.usersMe(access.credentials());
      case V1_1 -> users.verifyCredentials(new VerifyCredentialsRequest(access.credentials(), request.includeEmail()));
      case TOKEN -> Future.succeededFuture(tokenUser(access));
    };
  }

  /** What the access-token answer says: its user_id and screen_name, the screen name as name, no avatar. */
  private static TwitterUser tokenUser(AccessToken access) {
    return new TwitterUser(access.userId(), access.screenName(), access.screenName(), null, null);
  }
}
