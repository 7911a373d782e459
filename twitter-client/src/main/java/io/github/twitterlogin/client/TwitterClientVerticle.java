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
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.github.twitterlogin.shared.cluster.HazelcastAsyncExecutor;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    TwitterApi api = new TwitterApi(webClient, OAuthSigner.hmacSha1(options.consumer()), options);
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
            register(vertx.eventBus().consumer(TwitterAddresses.PING, message -> message.reply(new JsonObject())))))
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
    return register(vertx.eventBus().consumer(address,
        new OperationHandler<>(address, requestReader, operation, inFlight)));
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
