package io.github.twitterlogin.shared;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * The calls of {@link TwitterClient} as a signed-in user named by id, from
 * {@link TwitterClient#asUser(String)}: the Twitter client signs them with her token from its
 * vault, so that the caller never holds her secret. A user whose token is not kept (signed out,
 * expired with the session retention, revoked) fails with {@link TwitterFailure#NOT_SIGNED_IN}.
 */
public final class TwitterAsUser {

  private final TwitterClient twitter;
  private final UserToken user;

  TwitterAsUser(TwitterClient twitter, String userId) {
    this.twitter = twitter;
    this.user = UserToken.ofUser(userId);
  }

  public String userId() {
    return user.userId().orElseThrow();
  }

  /** Any call to the API as her: {@code path} relative to the API base URL, such as {@code 2/users/me}. */
  public Future<ApiResponse> call(String method, String path, Map<String, List<String>> query,
      Map<String, List<String>> form) {
    return Future.succeededFuture(user)
        .map(caller -> new ApiRequest(method, path, query, form, caller))
        .compose(twitter::call);
  }

  public Future<ApiResponse> get(String path, Map<String, List<String>> query) {
    return call("GET", path, query, Map.of());
  }

  public Future<ApiResponse> post(String path, Map<String, List<String>> form) {
    return call("POST", path, Map.of(), form);
  }

  /** Her v2 profile ({@code GET 2/users/me}). */
  public Future<TwitterUser> usersMe() {
    return twitter.usersMe(user);
  }

  /** Her v1.1 profile, with the email when asked for and the app may read it. */
  public Future<TwitterUser> verifyCredentials(boolean includeEmail) {
    return twitter.verifyCredentials(new VerifyCredentialsRequest(user, includeEmail));
  }
}
