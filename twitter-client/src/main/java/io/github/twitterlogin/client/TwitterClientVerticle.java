package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.OAuthSigner;
import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.ApiResponse;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.SignOutRequest;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.UserToken;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.github.twitterlogin.shared.cluster.ClusterMembership;
import io.github.twitterlogin.shared.cluster.HazelcastAsyncExecutor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Twitter for the rest of the cluster, answering every address of {@link TwitterAddresses}.
 * Instances share nothing, so any number of them may run in one process or in several.
 */
public class TwitterClientVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(TwitterClientVerticle.class);

  private final TwitterClientOptions givenOptions;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private final OperationsInFlight inFlight = new OperationsInFlight();
  private final Map<String, Handler<Message<Object>>> operations = new HashMap<>();
  private WebClient webClient;

  /** Reads its options at start from {@code config()}, with the keys of {@link TwitterClientOptions#toJson()}. */
  public TwitterClientVerticle() {
    this.givenOptions = null;
  }

  /** Takes a copy of {@code options}, checked at start; the deployment's config is then not read. */
  public TwitterClientVerticle(TwitterClientOptions options) {
    this.givenOptions = new TwitterClientOptions(Objects.requireNonNull(options, "options"));
  }

  /** Fails with the {@link TwitterClientOptions#validate()} message when an option is missing or malformed. */
  @Override
  public Future<?> start() {
    if (vertx.isClustered()) {
      HazelcastAsyncExecutor.install();
    }
    return Future.succeededFuture(givenOptions)
        .map(given -> given != null ? given : new TwitterClientOptions(config()))
        .map(TwitterClientOptions::validate)
        .compose(this::serve);
  }

  /**
   * Takes no new requests, so that the event bus sends them to the other Twitter clients, and
   * closes the HTTP client once the calls in flight are answered; each ends within
   * {@code requestTimeoutMillis}. Closing it at once would fail them as UNREACHABLE.
   */
  @Override
  public Future<?> stop() {
    return Future.join(consumers.stream().map(MessageConsumer::unregister).toList())
        .transform(unregistered -> inFlight.drained())
        .onComplete(drained -> webClient.close());
  }

  /** Succeeds once every address is registered across the cluster. */
  private Future<?> serve(TwitterClientOptions options) {
    webClient = WebClient.create(vertx, webClientOptions(options));
    TwitterApi api = new TwitterApi(webClient, OAuthSigner.hmacSha1(options.consumer()), options,
        TwitterCallMetrics.of(vertx));
    TokenEndpoints tokens = new TokenEndpoints(api, options.getApiBaseUrl());
    UserEndpoints users = new UserEndpoints(api);
    SignInStep signIn = new SignInStep(tokens, users);
    UserCalls asUser = new UserCalls(vault(options), tokens, vertx.eventBus(), Clock.systemUTC());
    return Future.all(List.of(
            consume(TwitterAddresses.REQUEST_TOKEN, RequestTokenRequest::fromJson,
                request -> tokens.requestToken(request).map(RequestToken::toJson)),
            consume(TwitterAddresses.ACCESS_TOKEN, AccessTokenRequest::fromJson,
                request -> tokens.accessToken(request).map(AccessToken::toJson)),
            consume(TwitterAddresses.SIGN_IN, SignInRequest::fromJson,
                request -> signIn.signIn(request)
                    .compose(signedIn -> asUser.kept(signedIn, request.keepToken()))
                    .map(SignIn::toJson)),
            consume(TwitterAddresses.SIGN_OUT, SignOutRequest::fromJson,
                request -> asUser.signOut(request).map(new JsonObject())),
            consume(TwitterAddresses.USERS_ME, UserToken::fromJson,
                user -> asUser.as(user, users::usersMe).map(TwitterUser::toJson)),
            consume(TwitterAddresses.VERIFY_CREDENTIALS, VerifyCredentialsRequest::fromJson,
                request -> asUser.as(request.credentials(),
                    token -> users.verifyCredentials(request.signedWith(token))).map(TwitterUser::toJson)),
            consume(TwitterAddresses.INVALIDATE_TOKEN, TokenCredentials::fromJson,
                credentials -> tokens.invalidateToken(credentials).map(TokenCredentials::toTokenJson)),
            consume(TwitterAddresses.API_CALL, ApiRequest::fromJson,
                request -> asUser.as(request.credentials(), token -> users.call(request.signedWith(token)))
                    .map(ApiResponse::toJson)),
            consume(TwitterAddresses.PING, message -> message.reply(new JsonObject())),
            consumeAtThisMember()))
        .onSuccess(registered -> log.debug("Twitter client serving with {}", options))
        .onFailure(failure -> webClient.close());
  }

  /** The tokens of signed-in users, in the cluster's map (this process's when not clustered); none when calls by user id are off. */
  private UserTokenVault vault(TwitterClientOptions options) {
    if (!options.isUserCalls()) {
      return null;
    }
    return new UserTokenVault(ClusterEntries.create(vertx, UserTokenVault.MAP_NAME), options.tokenKeys(),
        options.getUserTokenRetention());
  }

  private <T> Future<Void> consume(
      String address, Function<JsonObject, T> requestReader, Function<T, Future<JsonObject>> operation) {
    return consume(address, new OperationHandler<>(address, requestReader, operation, inFlight));
  }

  private Future<Void> consume(String address, Handler<Message<Object>> handler) {
    operations.put(address, handler);
    return register(vertx.eventBus().consumer(address, handler));
  }

  /**
   * Every operation at this member's own address too, named by a header: the facade sends there
   * when it picks this member, so that it can fail a request in flight at once should this member
   * leave the cluster. Outside a cluster there is no member to pick.
   */
  private Future<Void> consumeAtThisMember() {
    return ClusterMembership.of(vertx)
        .map(cluster -> register(
            vertx.eventBus().consumer(TwitterAddresses.member(cluster.nodeId()), this::byOperation)))
        .orElseGet(Future::succeededFuture);
  }

  private void byOperation(Message<Object> message) {
    String named = message.headers().get(TwitterAddresses.Member.OPERATION_HEADER);
    Handler<Message<Object>> operation = named == null ? null : operations.get(named);
    if (operation == null) {
      TwitterFailureException unknown = new TwitterFailureException(TwitterFailure.BAD_REQUEST,
          "A request to a member's address must name one of the operations in its "
              + TwitterAddresses.Member.OPERATION_HEADER + " header");
      message.fail(unknown.failure().code(), unknown.toJson().encode());
      return;
    }
    operation.handle(message);
  }

  private Future<Void> register(MessageConsumer<Object> consumer) {
    consumers.add(consumer);
    return consumer.completion();
  }

  private static WebClientOptions webClientOptions(TwitterClientOptions options) {
    return new WebClientOptions()
        .setConnectTimeout(options.getConnectTimeoutMillis())
        .setKeepAlive(true)
        // A redirect would carry a signature made for another URL, and the Authorization header to another host.
        .setFollowRedirects(false);
  }
}
