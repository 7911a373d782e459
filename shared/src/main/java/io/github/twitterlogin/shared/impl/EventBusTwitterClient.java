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
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Function;

/**
 * The facade over the event bus. In a cluster, each request goes to the member it picks among
 * those that run a Twitter client ({@link TwitterAddresses#member}), so that a request in flight
 * to a member that leaves fails at once with {@link TwitterFailure#CLIENT_UNAVAILABLE}, and one
 * that is safe to repeat (it reads, and changes nothing at Twitter) is tried once more on another
 * member first. Outside a cluster, or when no member is known to run one, a request goes to the
 * operation's address and the event bus picks the consumer.
 */
public final class EventBusTwitterClient implements TwitterClient {

  private final Vertx vertx;
  private final EventBus eventBus;
  private final DeliveryOptions options;
  private final TwitterClientMembers members;

  public EventBusTwitterClient(Vertx vertx, DeliveryOptions options) {
    this.vertx = vertx;
    this.eventBus = vertx.eventBus();
    this.options = new DeliveryOptions(options);
    this.members = TwitterClientMembers.of(vertx).orElse(null);
  }

  @Override
  public Future<RequestToken> requestToken(RequestTokenRequest request) {
    return request(TwitterAddresses.REQUEST_TOKEN, request.toJson(), RequestToken::fromJson, false);
  }

  @Override
  public Future<AccessToken> accessToken(AccessTokenRequest request) {
    return request(TwitterAddresses.ACCESS_TOKEN, request.toJson(), AccessToken::fromJson, false);
  }

  @Override
  public Future<SignIn> signIn(SignInRequest request) {
    return request(TwitterAddresses.SIGN_IN, request.toJson(), SignIn::fromJson, false);
  }

  @Override
  public Future<TwitterUser> usersMe(UserToken user) {
    return request(TwitterAddresses.USERS_ME, user.writeTo(new JsonObject()), TwitterUser::fromJson, true);
  }

  @Override
  public Future<Void> signOut(SignOutRequest request) {
    return request(TwitterAddresses.SIGN_OUT, request.toJson(), reply -> null, false);
  }

  @Override
  public Future<TwitterUser> verifyCredentials(VerifyCredentialsRequest request) {
    return request(TwitterAddresses.VERIFY_CREDENTIALS, request.toJson(), TwitterUser::fromJson, true);
  }

  @Override
  public Future<Void> invalidateToken(TokenCredentials credentials) {
    return request(TwitterAddresses.INVALIDATE_TOKEN, credentials.toJson(), reply -> null, false);
  }

  /** A GET reads; any other method may change something at Twitter, and is never sent twice. */
  @Override
  public Future<ApiResponse> call(ApiRequest request) {
    return request(TwitterAddresses.API_CALL, request.toJson(), ApiResponse::fromJson, request.method().equals("GET"));
  }

  @Override
  public Future<OAuth2AuthorizePage> oauth2Authorize(OAuth2AuthorizeRequest request) {
    return request(TwitterAddresses.OAUTH2_AUTHORIZE, request.toJson(), OAuth2AuthorizePage::fromJson, true);
  }

  @Override
  public Future<SignIn> oauth2SignIn(OAuth2CodeRequest request) {
    return request(TwitterAddresses.OAUTH2_SIGN_IN, request.toJson(), SignIn::fromJson, false);
  }

  @Override
  public Future<OAuth2Tokens> oauth2Token(OAuth2CodeRequest request) {
    return request(TwitterAddresses.OAUTH2_TOKEN, request.toJson(), OAuth2Tokens::fromJson, false);
  }

  @Override
  public Future<OAuth2Tokens> oauth2Refresh(String refreshToken) {
    return Future.succeededFuture(refreshToken).map(OAuth2TokenRequest::new)
        .compose(request -> request(TwitterAddresses.OAUTH2_REFRESH, request.toJson(), OAuth2Tokens::fromJson, false));
  }

  @Override
  public Future<Void> oauth2Revoke(String token) {
    return Future.succeededFuture(token).map(OAuth2TokenRequest::new)
        .compose(request -> request(TwitterAddresses.OAUTH2_REVOKE, request.toJson(), reply -> null, false));
  }

  @Override
  public Future<Void> ping() {
    return request(TwitterAddresses.PING, new JsonObject(), reply -> null, true);
  }

  private <T> Future<T> request(String address, JsonObject body, Function<JsonObject, T> readReply,
      boolean repeatable) {
    return send(address, body, repeatable)
        .compose(reply -> reply.body() instanceof JsonObject json
            ? readReplyOf(json, readReply)
            : Future.failedFuture(new TwitterFailureException(
                TwitterFailure.INTERNAL_ERROR, "The Twitter client replied without a JSON object")));
  }

  /** The reply, or a {@link TwitterFailureException}. */
  private Future<Message<Object>> send(String address, JsonObject body, boolean repeatable) {
    if (members == null) {
      return toAddress(address, body);
    }
    return members.pick(Set.of()).compose(node -> {
      if (node.isEmpty()) {
        return toAddress(address, body);
      }
      Future<Message<Object>> sent = toMember(node.get(), address, body);
      return repeatable ? sent.recover(failure -> memberLeft(failure)
          ? again(node.get(), address, body, failure)
          : Future.failedFuture(failure)) : sent;
    });
  }

  /** Once, on another member; with none left, the request fails as it did. */
  private Future<Message<Object>> again(String leftNode, String address, JsonObject body, Throwable failure) {
    return members.pick(Set.of(leftNode))
        .compose(node -> node.isPresent() ? toMember(node.get(), address, body) : Future.failedFuture(failure));
  }

  private static boolean memberLeft(Throwable failure) {
    return failure instanceof TwitterFailureException twitter && twitter.failure() == TwitterFailure.CLIENT_UNAVAILABLE;
  }

  /**
   * A member that no longer takes requests at its own address (its Twitter client is stopping,
   * or it runs one that predates them) has not received this one: the event bus answers
   * NO_HANDLERS, and the operation's address takes it instead.
   */
  private Future<Message<Object>> toMember(String node, String address, JsonObject body) {
    Promise<Message<Object>> answered = ((ContextInternal) vertx.getOrCreateContext()).promise();
    members.track(node, answered);
    DeliveryOptions toMember = new DeliveryOptions(options)
        .addHeader(TwitterAddresses.Member.OPERATION_HEADER, address);
    eventBus.<Object>request(TwitterAddresses.member(node), body, toMember).onComplete(reply -> {
      if (reply.succeeded()) {
        answered.tryComplete(reply.result());
      } else {
        answered.tryFail(reply.cause());
      }
    });
    return answered.future().recover(failure -> {
      if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return toAddress(address, body);
      }
      return Future.failedFuture(asTwitterFailure(failure));
    });
  }

  private Future<Message<Object>> toAddress(String address, JsonObject body) {
    return eventBus.<Object>request(address, body, options)
        .recover(failure -> Future.failedFuture(asTwitterFailure(failure)));
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
    if (failure instanceof TwitterFailureException known) {
      return known;
    }
    if (failure instanceof ReplyException reply) {
      return TwitterFailureException.fromReply(reply);
    }
    return new TwitterFailureException(TwitterFailure.INTERNAL_ERROR, String.valueOf(failure.getMessage()));
  }
}
