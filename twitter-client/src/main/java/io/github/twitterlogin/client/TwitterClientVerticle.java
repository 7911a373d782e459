package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.OAuthSigner;
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
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.UserToken;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.cluster.ClusterEntries;
import io.github.twitterlogin.shared.cluster.ClusterMembership;
import io.github.twitterlogin.shared.cluster.HazelcastAsyncExecutor;
import io.github.twitterlogin.shared.cluster.PublishedAddresses;
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
  private final Clock clock;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private final OperationsInFlight inFlight = new OperationsInFlight();
  private final Map<String, Handler<Message<Object>>> operations = new HashMap<>();
  private WebClient webClient;

  /** Reads its options at start from {@code config()}, with the keys of {@link TwitterClientOptions#toJson()}. */
  public TwitterClientVerticle() {
    this.givenOptions = null;
    this.clock = Clock.systemUTC();
  }

  /** Takes a copy of {@code options}, checked at start; the deployment's config is then not read. */
  public TwitterClientVerticle(TwitterClientOptions options) {
    this(options, Clock.systemUTC());
  }

  /**
   * With the clock that dates OAuth 2.0 access tokens and tells when one is due for its refresh;
   * a test moves it instead of waiting 2 hours. Null options read the deployment's config.
   */
  public TwitterClientVerticle(TwitterClientOptions options, Clock clock) {
    this.givenOptions = options == null ? null : new TwitterClientOptions(options);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Fails with the {@link TwitterClientOptions#validate()} message when an option is missing or malformed. */
  @Override
  public Future<?> start() {
    if (vertx.isClustered()) {
      HazelcastAsyncExecutor.install();
    }
    PublishedAddresses.keepRouted(vertx, TwitterAddresses.SIGNED_OUT);
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
    TwitterApi api = new TwitterApi(webClient, options.hasConsumer() ? OAuthSigner.hmacSha1(options.consumer()) : null,
        options, TwitterCallMetrics.of(vertx));
    TokenEndpoints tokens = new TokenEndpoints(api, options.getApiBaseUrl());
    OAuth2Endpoints oauth2 = new OAuth2Endpoints(api, options, clock);
    UserEndpoints users = new UserEndpoints(api);
    SignInStep signIn = new SignInStep(tokens, oauth2, users);
    UserCalls asUser = new UserCalls(vault(options), tokens, oauth2, vertx.eventBus(), vertx.sharedData(),
        refreshLockTimeoutMillis(options), clock);
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
                user -> asUser.as(user, signer -> users.usersMe(signer)).map(TwitterUser::toJson)),
            consume(TwitterAddresses.OAUTH2_AUTHORIZE, OAuth2AuthorizeRequest::fromJson,
                request -> oauth2.authorizePage(request).map(OAuth2AuthorizePage::toJson)),
            consume(TwitterAddresses.OAUTH2_SIGN_IN, OAuth2CodeRequest::fromJson,
                request -> asUser.requireVault()
                    .compose(vaultOn -> signIn.oauth2SignIn(request))
                    .compose(signedIn -> asUser.kept(signedIn.user(), signedIn.tokens()))
                    .map(SignIn::toJson)),
            consume(TwitterAddresses.OAUTH2_TOKEN, OAuth2CodeRequest::fromJson,
                request -> oauth2.exchange(request).map(OAuth2Tokens::toJson)),
            consume(TwitterAddresses.OAUTH2_REFRESH, OAuth2TokenRequest::fromJson,
                request -> oauth2.refresh(request.token()).map(OAuth2Tokens::toJson)),
            consume(TwitterAddresses.OAUTH2_REVOKE, OAuth2TokenRequest::fromJson,
                request -> oauth2.revoke(request.token()).map(new JsonObject())),
            consume(TwitterAddresses.VERIFY_CREDENTIALS, VerifyCredentialsRequest::fromJson,
                request -> asUser.as(request.credentials(),
                    signer -> users.verifyCredentials(request.signedWith(signer))).map(TwitterUser::toJson)),
            consume(TwitterAddresses.INVALIDATE_TOKEN, TokenCredentials::fromJson,
                credentials -> tokens.invalidateToken(credentials).map(TokenCredentials::toTokenJson)),
            consume(TwitterAddresses.API_CALL, ApiRequest::fromJson,
                request -> asUser.as(request.credentials(), signer -> users.call(request.signedWith(signer)))
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

  /** A refresh waits for another member's: one call to Twitter at most, with room for the lock and the vault. */
  private static long refreshLockTimeoutMillis(TwitterClientOptions options) {
    return 2 * options.getRequestTimeoutMillis() + 5_000;
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
