package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.client.oauth.PercentEncoding;
import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.List;

/** Twitter's OAuth token endpoints: the two legs of the login that need a signature, and the logout. */
final class TokenEndpoints {

  static final String ACCESS_TYPE = "x_auth_access_type";

  private final TwitterApi api;
  private final String apiBaseUrl;

  TokenEndpoints(TwitterApi api, String apiBaseUrl) {
    this.api = api;
    this.apiBaseUrl = apiBaseUrl;
  }

  /**
   * RFC 5849 section 2.1: {@code oauth_callback} is a protocol parameter of this request only.
   * X's {@code x_auth_access_type} is not one (only {@code oauth_*} names are), so it goes in the
   * query, where section 3.4.1.3.1 signs it with the rest.
   */
  Future<RequestToken> requestToken(RequestTokenRequest request) {
    TwitterRequest call = TwitterRequest.of(HttpMethod.POST, "oauth/request_token", null)
        .withProtocolParameter("oauth_callback", request.callbackUrl());
    if (request.accessType() != null) {
      call = call.withQuery(List.of(new Parameter(ACCESS_TYPE, request.accessType().value())));
    }
    return api.send(call).map(response -> requestTokenOf(FormAnswer.parse(response, "request-token"), request));
  }

  /** RFC 5849 section 2.3: signed with the request token, carrying the verifier the callback received. */
  Future<AccessToken> accessToken(AccessTokenRequest request) {
    TwitterRequest call = TwitterRequest.of(HttpMethod.POST, "oauth/access_token", request.requestToken())
        .withProtocolParameter("oauth_verifier", request.verifier());
    return api.send(call).map(response -> {
      FormAnswer answer = FormAnswer.parse(response, "access-token");
      return new AccessToken(answer.credentials(), answer.required("user_id"), answer.optional("screen_name"));
    });
  }

  Future<TokenCredentials> invalidateToken(TokenCredentials credentials) {
    return api.send(TwitterRequest.of(HttpMethod.POST, "1.1/oauth/invalidate_token", credentials))
        .map(response -> credentials);
  }

  /**
   * RFC 5849 section 2.1 requires {@code oauth_callback_confirmed=true}: without it the server
   * speaks the older OAuth 1.0, whose logins can be hijacked (the session fixation that 1.0a fixed).
   */
  private RequestToken requestTokenOf(FormAnswer answer, RequestTokenRequest request) {
    TokenCredentials token = answer.credentials();
    if (!"true".equals(answer.optional("oauth_callback_confirmed"))) {
      throw new TwitterFailureException(TwitterFailure.TWITTER_ERROR,
          "Twitter did not confirm the callback URL (oauth_callback_confirmed is not true)");
    }
    return new RequestToken(token, loginPageUrl(token.token(), request));
  }

  /** On the configured host, so that the browser signs in where the tokens come from (X, a proxy, the sandbox). */
  private String loginPageUrl(String token, RequestTokenRequest request) {
    StringBuilder url = new StringBuilder(apiBaseUrl)
        .append("/oauth/").append(request.loginPage().value())
        .append("?oauth_token=").append(PercentEncoding.encode(token));
    if (request.forceLogin()) {
      url.append("&force_login=true");
    }
    if (request.screenName() != null && !request.screenName().isBlank()) {
      url.append("&screen_name=").append(PercentEncoding.encode(request.screenName()));
    }
    return url.toString();
  }
}
