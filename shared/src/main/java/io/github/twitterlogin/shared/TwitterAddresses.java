package io.github.twitterlogin.shared;

import java.util.Set;

/**
 * Event-bus addresses of the Twitter client verticle, and of the sign-in events. Every request is
 * a JSON object and every reply is a JSON object; a failure is a
 * {@link io.vertx.core.eventbus.ReplyException} whose code is a {@link TwitterFailure} code and
 * whose message is a {@link TwitterFailureException} in JSON. A call as a user names her either
 * by her token ({@code token} and {@code tokenSecret}, or OAuth 2.0's {@code bearerToken}) or,
 * signed in, by {@code userId} ({@link UserToken}).
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

  /** {@link SignOutRequest} to an empty object: ends a sign-in whose token the Twitter client keeps. */
  public static final String SIGN_OUT = "twitter.oauth.sign-out";

  /** {@link UserToken} to {@link TwitterUser}: the user's v2 profile ({@code GET 2/users/me}). */
  public static final String USERS_ME = "twitter.users.me";

  /** {@link VerifyCredentialsRequest} to {@link TwitterUser}: the v1.1 profile, with the email when asked. */
  public static final String VERIFY_CREDENTIALS = "twitter.account.verify-credentials";

  /** {@link TokenCredentials} to {@link TokenCredentials#toTokenJson() the invalidated token}. */
  public static final String INVALIDATE_TOKEN = "twitter.oauth.invalidate-token";

  /** {@link ApiRequest} to {@link ApiResponse}: any signed call to the Twitter API. */
  public static final String API_CALL = "twitter.api.call";

  /**
   * {@link OAuth2AuthorizeRequest} to {@link OAuth2AuthorizePage}: the OAuth 2.0 login's first step,
   * the page on X ({@code i/oauth2/authorize}) for the caller's state and PKCE challenge.
   */
  public static final String OAUTH2_AUTHORIZE = "twitter.oauth2.authorize";

  /**
   * {@link OAuth2CodeRequest} to {@link SignIn}: the OAuth 2.0 callback's step, the code exchanged
   * and the profile read from {@code 2/users/me}; the Twitter client keeps the tokens and answers
   * the sign-in's id.
   */
  public static final String OAUTH2_SIGN_IN = "twitter.oauth2.sign-in";

  /** {@link OAuth2CodeRequest} to {@link OAuth2Tokens}: the code exchange alone, for a caller that keeps the tokens. */
  public static final String OAUTH2_TOKEN = "twitter.oauth2.token";

  /** {@link OAuth2TokenRequest} (a refresh token) to {@link OAuth2Tokens}: the refresh token is spent, a new one given. */
  public static final String OAUTH2_REFRESH = "twitter.oauth2.refresh";

  /** {@link OAuth2TokenRequest} to an empty object: revokes an access token, or a refresh token and its grant. */
  public static final String OAUTH2_REVOKE = "twitter.oauth2.revoke";

  /** Any message to an empty object: answers while a Twitter client is deployed in the cluster. */
  public static final String PING = "twitter.client.ping";

  /**
   * Published, cluster-wide, by the gateway: {@link SignedIn}, once per completed sign-in, after
   * her session is saved. An event, not an operation: nothing answers a request sent here.
   */
  public static final String SIGNED_IN = "twitter.session.signed-in";

  /**
   * Published, cluster-wide, by the gateway (logout, expired) or the Twitter client (revoked):
   * {@link SignedOut}, with why the sign-in ended. An event: nothing answers a request sent here.
   */
  public static final String SIGNED_OUT = "twitter.session.signed-out";

  /** The addresses that are events, not operations of the Twitter client. */
  public static final Set<String> EVENTS = Set.of(SIGNED_IN, SIGNED_OUT);

  private TwitterAddresses() {
  }

  /**
   * The address where the Twitter clients of one member of the cluster, the Vert.x node
   * {@code nodeId}, take every operation, named by {@link Member#OPERATION_HEADER}: the
   * {@link TwitterClient} facade sends each request to the member it chose, so that it knows
   * whom a request in flight waits for, and fails it at once when that member leaves the cluster.
   */
  public static String member(String nodeId) {
    return Member.PREFIX + nodeId;
  }

  /** The requests sent to a {@link #member(String) member's address}. */
  public static final class Member {

    /** The header that names a request's operation: one of the addresses of {@link TwitterAddresses}. */
    public static final String OPERATION_HEADER = "twitter-operation";

    /** Every member's address starts with this, for metrics that group them. */
    public static final String PREFIX = "twitter.client.member.";

    private Member() {
    }
  }
}
