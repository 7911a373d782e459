package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.AccessToken;
import io.github.twitterlogin.shared.AccessTokenRequest;
import io.github.twitterlogin.shared.OAuth2AuthorizePage;
import io.github.twitterlogin.shared.OAuth2AuthorizeRequest;
import io.github.twitterlogin.shared.OAuth2CodeRequest;
import io.github.twitterlogin.shared.RequestToken;
import io.github.twitterlogin.shared.RequestTokenRequest;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.SignInRequest;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Plays the Twitter client verticle on the event bus, speaking only the shared contract: it
 * issues request tokens, checks that the exchange comes back with the right secret and
 * verifier, and can be told to fail or to stay silent. For OAuth 2.0 it plays X's authorize
 * page too: a code per authorize request, good once, and only with the verifier whose S256
 * challenge the request carried.
 */
final class FakeTwitterClient {

  private final Map<String, TokenCredentials> requestTokens = new ConcurrentHashMap<>();
  private final Map<String, String> verifiers = new ConcurrentHashMap<>();
  /** OAuth 2.0: the code X would send back with each state, and the challenge each code was issued for. */
  private final Map<String, String> codesByState = new ConcurrentHashMap<>();
  private final Map<String, String> challengesByCode = new ConcurrentHashMap<>();
  private final Map<String, TwitterFailureException> failures = new ConcurrentHashMap<>();
  private final Map<String, Boolean> silent = new ConcurrentHashMap<>();
  private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private final List<String> secretsIssued = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(String address, int count, Promise<Void> promise) {
  }
  /** Whom Twitter signs in unless told otherwise. */
  static final TwitterUser ADA = new TwitterUser("1001", "ada", "Ada Lovelace", "https://avatars.example/ada.png", null);

  private volatile TwitterUser user = ADA;
  private volatile boolean keepsTokens = true;
  private List<MessageConsumer<JsonObject>> consumers = List.of();

  static Future<FakeTwitterClient> deploy(Vertx vertx) {
    FakeTwitterClient fake = new FakeTwitterClient();
    List<MessageConsumer<JsonObject>> consumers = List.of(
        fake.consumer(vertx, TwitterAddresses.REQUEST_TOKEN, fake::requestToken),
        fake.consumer(vertx, TwitterAddresses.ACCESS_TOKEN, fake::accessToken),
        fake.consumer(vertx, TwitterAddresses.SIGN_IN, fake::signIn),
        fake.consumer(vertx, TwitterAddresses.OAUTH2_AUTHORIZE, fake::oauth2Authorize),
        fake.consumer(vertx, TwitterAddresses.OAUTH2_SIGN_IN, fake::oauth2SignIn),
        fake.consumer(vertx, TwitterAddresses.SIGN_OUT, message -> message.reply(new JsonObject())),
        fake.consumer(vertx, TwitterAddresses.VERIFY_CREDENTIALS, fake::verifyCredentials),
        fake.consumer(vertx, TwitterAddresses.INVALIDATE_TOKEN, message -> message.reply(new JsonObject())),
        fake.consumer(vertx, TwitterAddresses.PING, message -> message.reply(new JsonObject())));
    fake.consumers = consumers;
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).map(fake);
  }

  /** Stops answering, as an undeployed Twitter client: nothing consumes its addresses any more. */
  Future<Void> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  void signInAs(TwitterUser user) {
    this.user = user;
  }

  void failOn(String address, TwitterFailureException failure) {
    failures.put(address, failure);
  }

  void silenceOn(String address) {
    silent.put(address, true);
  }

  String verifierFor(String token) {
    return verifiers.get(token);
  }

  /** The code X's authorize page would send the browser back with, for the login of this state. */
  String codeFor(String state) {
    return codesByState.get(state);
  }

  /** Every token secret and verifier this fake has handed out, for tests that look for leaks. */
  List<String> secretsIssued() {
    return List.copyOf(secretsIssued);
  }

  List<JsonObject> received(String address) {
    return received.getOrDefault(address, List.of());
  }

  /** Completes once {@code address} has received {@code count} messages: for what happens after an answer. */
  Future<Void> receivedAtLeast(String address, int count) {
    Waiter waiter = new Waiter(address, count, Promise.promise());
    waiters.add(waiter);
    notifyWaiters();
    return waiter.promise().future();
  }

  private void notifyWaiters() {
    for (Waiter waiter : waiters) {
      if (received(waiter.address()).size() >= waiter.count() && waiter.promise().tryComplete()) {
        waiters.remove(waiter);
      }
    }
  }

  private MessageConsumer<JsonObject> consumer(Vertx vertx, String address, Consumer<Message<JsonObject>> answer) {
    return vertx.eventBus().consumer(address, message -> {
      received.computeIfAbsent(address, any -> new CopyOnWriteArrayList<>()).add(message.body());
      notifyWaiters();
      TwitterFailureException failure = failures.get(address);
      if (failure != null) {
        message.fail(failure.failure().code(), failure.toJson().encode());
      } else if (!silent.containsKey(address)) {
        answer.accept(message);
      }
    });
  }

  private void requestToken(Message<JsonObject> message) {
    RequestTokenRequest request = RequestTokenRequest.fromJson(message.body());
    int n = counter.incrementAndGet();
    TokenCredentials token = new TokenCredentials("request-token-" + n, "request-secret-" + n);
    requestTokens.put(token.token(), token);
    verifiers.put(token.token(), "verifier-" + n);
    secretsIssued.add(token.tokenSecret());
    secretsIssued.add("verifier-" + n);
    String url = "https://twitter.example/oauth/authenticate?oauth_token=" + token.token()
        + (request.forceLogin() ? "&force_login=true" : "");
    message.reply(new RequestToken(token, url).toJson());
  }

  private void accessToken(Message<JsonObject> message) {
    AccessTokenRequest request = AccessTokenRequest.fromJson(message.body());
    String token = request.requestToken().token();
    TokenCredentials issued = requestTokens.remove(token);
    if (issued == null || !issued.equals(request.requestToken()) || !request.verifier().equals(verifiers.get(token))) {
      rejectCredentials(message);
      return;
    }
    TokenCredentials access = new TokenCredentials("access-token-" + token, "access-secret-" + token);
    secretsIssued.add(access.tokenSecret());
    message.reply(new AccessToken(access, user.id(), user.screenName()).toJson());
  }

  /**
   * The sign-in step as the Twitter client does it: the exchange, then the profile; a token asked
   * to be kept is kept here, and the answer names the sign-in, as a Twitter client with its vault
   * answers, unless told to keep none.
   */
  private void signIn(Message<JsonObject> message) {
    SignInRequest request = SignInRequest.fromJson(message.body());
    String token = request.requestToken().token();
    TokenCredentials issued = requestTokens.remove(token);
    if (issued == null || !issued.equals(request.requestToken()) || !request.verifier().equals(verifiers.get(token))) {
      rejectCredentials(message);
      return;
    }
    TokenCredentials access = new TokenCredentials("access-token-" + token, "access-secret-" + token);
    secretsIssued.add(access.tokenSecret());
    SignIn signIn = request.keepToken() && keepsTokens
        ? new SignIn(user, null, "sign-in-" + counter.incrementAndGet())
        : new SignIn(user, access);
    message.reply(signIn.toJson());
  }

  private void oauth2Authorize(Message<JsonObject> message) {
    OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.fromJson(message.body());
    String code = "code-" + counter.incrementAndGet();
    codesByState.put(request.state(), code);
    challengesByCode.put(code, request.codeChallenge());
    secretsIssued.add(code);
    message.reply(new OAuth2AuthorizePage("https://x.example/i/oauth2/authorize?response_type=code&state="
        + request.state() + "&code_challenge=" + request.codeChallenge() + "&code_challenge_method=S256").toJson());
  }

  /** The code is good once, and only with the verifier whose S256 challenge it was issued for (RFC 7636 section 4.6). */
  private void oauth2SignIn(Message<JsonObject> message) {
    OAuth2CodeRequest request = OAuth2CodeRequest.fromJson(message.body());
    String challenge = challengesByCode.remove(request.code());
    if (challenge == null || !challenge.equals(s256(request.codeVerifier()))) {
      rejectCredentials(message);
      return;
    }
    secretsIssued.add(request.codeVerifier());
    message.reply(new SignIn(user, null, "sign-in-" + counter.incrementAndGet()).toJson());
  }

  /** RFC 7636 section 4.2, computed here rather than taken from the gateway. */
  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException noSha256) {
      throw new AssertionError(noSha256);
    }
  }

  /** Plays a Twitter client with USER_CALLS=off: the sign-in's answer carries the token. */
  void keepNoTokens() {
    keepsTokens = false;
  }

  private void verifyCredentials(Message<JsonObject> message) {
    VerifyCredentialsRequest request = VerifyCredentialsRequest.fromJson(message.body());
    if (!request.credentials().credentials().orElseThrow().token().startsWith("access-token-")) {
      rejectCredentials(message);
      return;
    }
    message.reply(user.toJson());
  }

  private static void rejectCredentials(Message<JsonObject> message) {
    TwitterFailureException failure =
        new TwitterFailureException(TwitterFailure.CREDENTIALS_REJECTED, "Invalid or expired token", 89, null);
    message.fail(failure.failure().code(), failure.toJson().encode());
  }
}
