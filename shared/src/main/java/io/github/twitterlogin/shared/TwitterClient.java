package io.github.twitterlogin.shared;

import io.github.twitterlogin.shared.impl.EventBusTwitterClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * Calls the Twitter client verticle over the event bus, wherever it runs in the cluster. Every
 * failure is a {@link TwitterFailureException}.
 */
public interface TwitterClient {

  /** The event-bus timeout of a request; longer than the client verticle's own HTTP timeout. */
  long DEFAULT_TIMEOUT_MILLIS = 30_000;

  static TwitterClient create(Vertx vertx) {
    return create(vertx, new DeliveryOptions().setSendTimeout(DEFAULT_TIMEOUT_MILLIS));
  }

  static TwitterClient create(Vertx vertx, DeliveryOptions options) {
    return new EventBusTwitterClient(vertx, options);
  }

  Future<RequestToken> requestToken(RequestTokenRequest request);

  default Future<RequestToken> requestToken(String callbackUrl) {
    return requestToken(RequestTokenRequest.of(callbackUrl));
  }

  Future<AccessToken> accessToken(AccessTokenRequest request);

  /** The callback's step in one request: the access token and the profile (see {@link SignInRequest}). */
  Future<SignIn> signIn(SignInRequest request);

  default Future<SignIn> signIn(TokenCredentials requestToken, String verifier) {
    return signIn(SignInRequest.of(requestToken, verifier));
  }

  /** The user's v2 profile, from {@code GET 2/users/me}: her token, or her id when she is signed in. */
  Future<TwitterUser> usersMe(UserToken user);

  default Future<TwitterUser> usersMe(TokenCredentials credentials) {
    return usersMe(UserToken.of(credentials));
  }

  /** Ends a sign-in whose token the Twitter client keeps (see {@link SignOutRequest}). */
  Future<Void> signOut(SignOutRequest request);

  /** The calls as a signed-in user, named by id: her token stays with the Twitter client. */
  default TwitterAsUser asUser(String userId) {
    return new TwitterAsUser(this, userId);
  }

  Future<TwitterUser> verifyCredentials(VerifyCredentialsRequest request);

  default Future<TwitterUser> verifyCredentials(TokenCredentials credentials) {
    return verifyCredentials(VerifyCredentialsRequest.of(credentials));
  }

  Future<Void> invalidateToken(TokenCredentials credentials);

  Future<ApiResponse> call(ApiRequest request);

  /** OAuth 2.0: the page on X to send the browser to, for the caller's state and PKCE challenge. */
  Future<OAuth2AuthorizePage> oauth2Authorize(OAuth2AuthorizeRequest request);

  /** OAuth 2.0's callback step in one request: the code exchanged, the profile read, the tokens kept by the Twitter client. */
  Future<SignIn> oauth2SignIn(OAuth2CodeRequest request);

  /** OAuth 2.0's code exchange alone: the tokens, for a caller that keeps them itself. */
  Future<OAuth2Tokens> oauth2Token(OAuth2CodeRequest request);

  /** Spends a refresh token for new tokens; a refresh token used twice revokes its grant at X. */
  Future<OAuth2Tokens> oauth2Refresh(String refreshToken);

  /** Revokes an OAuth 2.0 access token, or a refresh token with its grant. */
  Future<Void> oauth2Revoke(String token);

  /** Succeeds when some Twitter client in the cluster answers. */
  Future<Void> ping();
}
