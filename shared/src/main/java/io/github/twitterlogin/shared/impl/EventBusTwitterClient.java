package io.github.twitterlogin.shared.impl;

import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.ApiResponse;
import io.github.twitterlogin.shared.OAuth2AuthorizePage;
import io.github.twitterlogin.shared.OAuth2AuthorizeRequest;
import io.github.twitterlogin.shared.OAuth2CodeRequest;
import io.github.twitterlogin.shared.OAuth2TokenRequest;
import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.UserToken;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

public final class EventBusTwitterClient implements TwitterClient {

  private final EventBus eventBus;
  private final DeliveryOptions options;

  public EventBusTwitterClient(EventBus eventBus, DeliveryOptions options) {
    this.eventBus = eventBus;
    this.options = new DeliveryOptions(options.toJson());
  }

  @Override
  public Future<RequestToken> requestToken(RequestTokenRequest request) {
    return request(TwitterAddresses.REQUEST_TOKEN, request.toJson(), RequestToken::fromJson);
  }

  @Override
  public Future<AccessToken> accessToken(AccessTokenRequest request) {
    return request(TwitterAddresses.ACCESS_TOKEN, request.toJson(), AccessToken::fromJson);
  }

  @Override
  public Future<SignIn> signIn(SignInRequest request) {
    return request(TwitterAddresses.SIGN_IN, request.toJson(), SignIn::fromJson);
  }

  @Override
  public Future<TwitterUser> usersMe(UserToken user) {
    return request(TwitterAddresses.USERS_ME, user.writeTo(new JsonObject()), TwitterUser::fromJson);
  }

  @Override
  public Future<Void> signOut(SignOutRequest request) {
    return request(TwitterAddresses.SIGN_OUT, request.toJson(), reply -> null);
  }

  @Override
  public Future<TwitterUser> verifyCredentials(VerifyCredentialsRequest request) {
    return request(TwitterAddresses.VERIFY_CREDENTIALS, request.toJson(), TwitterUser::fromJson);
  }

  @Override
  public Future<Void> invalidateToken(TokenCredentials credentials) {
    return request(TwitterAddresses.INVALIDATE_TOKEN, credentials.toJson(), reply -> null);
  }

  @Override
  public Future<ApiResponse> call(ApiRequest request) {
    return request(TwitterAddresses.API_CALL, request.toJson(), ApiResponse::fromJson);
  }

  @Override
  public Future<OAuth2AuthorizePage> oauth2Authorize(OAuth2AuthorizeRequest request) {
    return request(TwitterAddresses.OAUTH2_AUTHORIZE, request.toJson(), OAuth2AuthorizePage::fromJson);
  }

  @Override
  public Future<SignIn> oauth2SignIn(OAuth2CodeRequest request) {
    return request(TwitterAddresses.OAUTH2_SIGN_IN, request.toJson(), SignIn::fromJson);
  }

  @Override
  public Future<OAuth2Tokens> oauth2Token(OAuth2CodeRequest request) {
    return request(TwitterAddresses.OAUTH2_TOKEN, request.toJson(), OAuth2Tokens::fromJson);
  }

  @Override
  public Future<OAuth2Tokens> oauth2Refresh(String refreshToken) {
    return Future.succeededFuture(refreshToken).map(OAuth2TokenRequest::new)
        .compose(request -> request(TwitterAddresses.OAUTH2_REFRESH, request.toJson(), OAuth2Tokens::fromJson));
  }

  @Override
  public Future<Void> oauth2Revoke(String token) {
    return Future.succeededFuture(token).map(OAuth2TokenRequest::new)
        .compose(request -> request(TwitterAddresses.OAUTH2_REVOKE, request.toJson(), reply -> null));
  }

  @Override
  public Future<Void> ping() {
    return request(TwitterAddresses.PING, new JsonObject(), reply -> null);
  }

  private <T> Future<T> request(String address, JsonObject body, Function<JsonObject, T> readReply) {
    return eventBus.<Object>request(address, body, options)
        .recover(failure -> Future.failedFuture(asTwitterFailure(failure)))
        .compose(reply -> reply.body() instanceof JsonObject json
            ? readReplyOf(json, readReply)
            : Future.failedFuture(new TwitterFailureException(
                TwitterFailure.INTERNAL_ERROR, "The Twitter client replied without a JSON object")));
  }

  private static <T> Future<T> readReplyOf(JsonObject json, Function<JsonObject, T> readReply) {
    try {
      return Future.succeededFuture(readReply.apply(json));
    } catch (TwitterFailureException malformed) {
      return Future.failedFuture(new TwitterFailureException(
          TwitterFailure.INTERNAL_ERROR, "The Twitter client's reply is malformed: " + malformed.getMessage()));
    }
  }

  private static Throwable asTwitterFailure(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      return TwitterFailureException.fromReply(reply);
    }
    return new TwitterFailureException(TwitterFailure.INTERNAL_ERROR, String.valueOf(failure.getMessage()));
  }
}
