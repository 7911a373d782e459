package io.github.twitterlogin.shared;

/**
 * Event-bus addresses of the Twitter client verticle. Every request is a JSON object and every
 * reply is a JSON object; a failure is a {@link io.vertx.core.eventbus.ReplyException} whose
 * code is a {@link TwitterFailure} code and whose message is a {@link TwitterFailureException}
 * in JSON.
 */
public final class TwitterAddresses {

  /** {@link RequestTokenRequest} to {@link RequestToken}: step one of the 3-legged login. */
  public static final String REQUEST_TOKEN = "twitter.oauth.request-token";

  /** {@link AccessTokenRequest} to {@link AccessToken}: exchanges the verifier, step three. */
  public static final String ACCESS_TOKEN = "twitter.oauth.access-token";

  /**
   * {@link SignInRequest} to {@link SignIn}: step three and the profile in one request, the
   * verifier exchanged for the access token and the user read from the chosen source.
   */
  public static final String SIGN_IN = "twitter.oauth.sign-in";

  /** {@link TokenCredentials} to {@link TwitterUser}: the user's v2 profile ({@code GET 2/users/me}). */
  public static final String USERS_ME = "twitter.users.me";

  /** {@link VerifyCredentialsRequest} to {@link TwitterUser}: the v1.1 profile, with the email when asked. */
  public static final String VERIFY_CREDENTIALS = "twitter.account.verify-credentials";

  /** {@link TokenCredentials} to {@link TokenCredentials#toTokenJson() the invalidated token}. */
  public static final String INVALIDATE_TOKEN = "twitter.oauth.invalidate-token";

  /** {@link ApiRequest} to {@link ApiResponse}: any signed call to the Twitter API. */
  public static final String API_CALL = "twitter.api.call";

  /** Any message to an empty object: answers while a Twitter client is deployed in the cluster. */
  public static final String PING = "twitter.client.ping";

  private TwitterAddresses() {
  }
}
