package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.OAuth2CodeRequest;
import io.github.twitterlogin.shared.OAuth2Tokens;
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

  /** An OAuth 2.0 sign-in: who she is, and the tokens her code was exchanged for. */
  record OAuth2SignIn(TwitterUser user, OAuth2Tokens tokens) {
  }

  private final TokenEndpoints tokens;
  private final OAuth2Endpoints oauth2;
  private final UserEndpoints users;

  SignInStep(TokenEndpoints tokens, OAuth2Endpoints oauth2, UserEndpoints users) {
    this.tokens = tokens;
    this.oauth2 = oauth2;
    this.users = users;
  }

  /**
   * OAuth 2.0's callback step: the code exchanged with its PKCE verifier, then the profile from
   * {@code 2/users/me} with the new bearer token (v2 is the API that OAuth 2.0 user tokens are
   * for). When the profile call fails, the grant is revoked, a courtesy, and the user signs in again.
   */
  Future<OAuth2SignIn> oauth2SignIn(OAuth2CodeRequest request) {
    return oauth2.exchange(request).compose(granted -> users.usersMe(granted.bearer())
        .map(user -> new OAuth2SignIn(user, granted))
        .recover(failure -> oauth2.revoke(granted.refreshToken() != null ? granted.refreshToken()
                : granted.accessToken())
            .transform(revoked -> Future.failedFuture(failure))));
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
