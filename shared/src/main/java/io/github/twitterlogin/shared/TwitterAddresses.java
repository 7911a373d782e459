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

  /** {@link VerifyCredentialsRequest} to {@link TwitterUser}. */
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
