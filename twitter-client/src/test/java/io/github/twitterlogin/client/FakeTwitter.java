package io.github.twitterlogin.client;

import static io.github.twitterlogin.client.ScribeJavaSignatureCheck.formParameters;

import com.github.scribejava.core.utils.OAuthEncoder;
import io.github.twitterlogin.shared.TokenCredentials;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Plays Twitter on a free loopback port: issues request and access tokens, answers its OAuth
 * endpoints and API as Twitter does, and checks every request's signature independently
 * ({@link ScribeJavaSignatureCheck}), answering 401 with Twitter's error 32 when it does not match
 * and 89 for a token it never issued (below {@code /2/}, X API v2's problem "Unauthorized"). It records each request; a test may script one path's answer.
 */
final class FakeTwitter {

  static final String CONSUMER_KEY = "fake-consumer-key";
  static final String CONSUMER_SECRET = "consumer-secret/+&=é";
  static final TokenCredentials USER_TOKEN = new TokenCredentials("1234-user-token", "user-secret!*()~");
  static final String USER_ID = "1234";
  static final String SCREEN_NAME = "twitterdev";
  static final String EMAIL = "dev@example.com";
  static final long RATE_LIMIT_RESET = 1_700_000_000L;
  static final String PROFILE_IMAGE_URL = "https://pbs.twimg.com/profile_images/1/dev_normal.png";
  /** X API v2's answer to a request it cannot authenticate. */
  static final Handler<RoutingContext> UNAUTHORIZED_V2 =
      problem(401, "Unauthorized", "Unauthorized", "about:blank");

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String OAUTH = "oauth";
  private static final String RECEIVED = "received";

  record ReceivedRequest(
      String method,
      String path,
      List<Map.Entry<String, String>> query,
      List<Map.Entry<String, String>> form,
      Map<String, String> oauth,
      String contentType) {
  }

  private final String pathPrefix;
  private final AtomicInteger issued = new AtomicInteger();
  private final Map<String, String> requestTokens = new ConcurrentHashMap<>();
  private final Map<String, String> verifiers = new ConcurrentHashMap<>();
  private final Map<String, String> accessTokens =
      new ConcurrentHashMap<>(Map.of(USER_TOKEN.token(), USER_TOKEN.tokenSecret()));
  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
  private final Map<String, Handler<RoutingContext>> scriptedAnswers = new ConcurrentHashMap<>();
  private volatile int port;

  private FakeTwitter(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  static Future<FakeTwitter> start(Vertx vertx) {
    return start(vertx, "");
  }

  static Future<FakeTwitter> start(Vertx vertx, String pathPrefix) {
    FakeTwitter twitter = new FakeTwitter(pathPrefix);
    return vertx.createHttpServer().requestHandler(twitter.router(vertx)).listen(0, "127.0.0.1")
        .map(server -> {
          twitter.port = server.actualPort();
          return twitter;
        });
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port + pathPrefix;
  }

  List<ReceivedRequest> received() {
    return List.copyOf(received);
  }

  /** The one request received so far; fails the test if there were more or none. */
  ReceivedRequest onlyRequest() {
    if (received.size() != 1) {
      throw new AssertionError("Expected one request to Twitter, got " + received);
    }
    return received.get(0);
  }

  String verifierFor(String requestToken) {
    return verifiers.get(requestToken);
  }

  String secretOfAccessToken(String token) {
    return accessTokens.get(token);
  }

  /** The user revokes the app: Twitter answers 89 for every access token it issued. */
  void revokeAccessTokens() {
    accessTokens.keySet().removeIf(token -> token.startsWith(USER_ID + "-access-token-"));
  }

  /** Answers every correctly signed request to {@code path} (below the prefix) with {@code answer}. */
  void answer(String path, Handler<RoutingContext> answer) {
    scriptedAnswers.put(pathPrefix + path, answer);
  }

  /** Receives requests to {@code path} and never answers them. */
  void neverAnswer(String path) {
    answer(path, ctx -> { });
  }

  static Handler<RoutingContext> error(int status, int code, String message) {
    return ctx -> json(ctx, status, new JsonObject()
        .put("errors", new JsonArray().add(new JsonObject().put("code", code).put("message", message))));
  }

  /** X API v2's error: an RFC 7807 problem. */
  static Handler<RoutingContext> problem(int status, String title, String detail, String type) {
    return ctx -> json(ctx, status, new JsonObject()
        .put("title", title).put("detail", detail).put("type", type).put("status", status));
  }

  /** X API v2's other error shape: a list of errors, each with its message, beside the problem's fields. */
  static Handler<RoutingContext> v2Errors(int status, String title, String... messages) {
    JsonArray errors = new JsonArray();
    for (String message : messages) {
      errors.add(new JsonObject().put("message", message));
    }
    return ctx -> json(ctx, status, new JsonObject().put("errors", errors).put("title", title)
        .put("type", "https://api.x.com/2/problems/invalid-request"));
  }

  static Handler<RoutingContext> text(int status, String contentType, String body) {
    return ctx -> ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }

  private Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.route().handler(this::recordAndCheckSignature);
    router.route().handler(this::scriptedAnswer);
    router.post(pathPrefix + "/oauth/request_token").handler(this::requestToken);
    router.post(pathPrefix + "/oauth/access_token").handler(this::accessToken);
    router.get(pathPrefix + "/1.1/account/verify_credentials.json").handler(this::verifyCredentials);
    router.get(pathPrefix + "/2/users/me").handler(this::usersMe);
    router.post(pathPrefix + "/1.1/oauth/invalidate_token").handler(this::invalidateToken);
    router.route(pathPrefix + "/1.1/*").handler(this::echo);
    return router;
  }

  private void recordAndCheckSignature(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Map<String, String> oauth = ScribeJavaSignatureCheck.oauthParameters(request.getHeader("Authorization"));
    String contentType = request.getHeader("Content-Type");
    List<Map.Entry<String, String>> form =
        contentType != null && contentType.startsWith(FORM) ? formParameters(ctx.body().asString()) : List.of();
    ReceivedRequest receivedRequest = new ReceivedRequest(request.method().name(),
        request.path().substring(pathPrefix.length()), formParameters(request.query()), form, oauth, contentType);
    received.add(receivedRequest);
    String token = oauth.get("oauth_token");
    String tokenSecret = token == null ? "" : requestTokens.getOrDefault(token, accessTokens.get(token));
    boolean v2 = request.path().startsWith(pathPrefix + "/2/");
    if (tokenSecret == null) {
      (v2 ? UNAUTHORIZED_V2 : error(401, 89, "Invalid or expired token.")).handle(ctx);
    } else if (!CONSUMER_KEY.equals(oauth.get("oauth_consumer_key")) || !ScribeJavaSignatureCheck.isValid(
        request.method().name(), "http://127.0.0.1:" + port + request.uri(), form, oauth, CONSUMER_SECRET, tokenSecret)) {
      (v2 ? UNAUTHORIZED_V2 : error(401, 32, "Could not authenticate you.")).handle(ctx);
    } else {
      ctx.put(OAUTH, oauth).put(RECEIVED, receivedRequest).next();
    }
  }

  private void scriptedAnswer(RoutingContext ctx) {
    Handler<RoutingContext> answer = scriptedAnswers.get(ctx.request().path());
    if (answer == null) {
      ctx.next();
    } else {
      answer.handle(ctx);
    }
  }

  private void requestToken(RoutingContext ctx) {
    Map<String, String> oauth = ctx.get(OAUTH);
    if (!oauth.containsKey("oauth_callback") || oauth.containsKey("oauth_token")) {
      error(400, 215, "Bad Authentication data.").handle(ctx);
      return;
    }
    int number = issued.incrementAndGet();
    String token = "request-token-" + number;
    requestTokens.put(token, "request-secret/" + number);
    verifiers.put(token, "verifier-" + number);
    form(ctx, Map.of("oauth_token", token, "oauth_token_secret", requestTokens.get(token),
        "oauth_callback_confirmed", "true"));
  }

  private void accessToken(RoutingContext ctx) {
    Map<String, String> oauth = ctx.get(OAUTH);
    String requestToken = oauth.getOrDefault("oauth_token", "");
    if (!requestTokens.containsKey(requestToken) || !verifiers.get(requestToken).equals(oauth.get("oauth_verifier"))) {
      text(401, "text/plain", "Error processing your OAuth request: Invalid oauth_verifier parameter").handle(ctx);
      return;
    }
    requestTokens.remove(requestToken);
    String token = USER_ID + "-access-token-" + issued.incrementAndGet();
    accessTokens.put(token, "access-secret+" + token);
    form(ctx, Map.of("oauth_token", token, "oauth_token_secret", accessTokens.get(token),
        "user_id", USER_ID, "screen_name", SCREEN_NAME));
  }

  private void verifyCredentials(RoutingContext ctx) {
    if (!accessTokens.containsKey(ctx.<Map<String, String>>get(OAUTH).getOrDefault("oauth_token", ""))) {
      error(401, 89, "Invalid or expired token.").handle(ctx);
      return;
    }
    JsonObject user = new JsonObject()
        .put("id", Long.parseLong(USER_ID))
        .put("id_str", USER_ID)
        .put("name", "Twitter Dev ✓")
        .put("screen_name", SCREEN_NAME)
        .put("profile_image_url_https", PROFILE_IMAGE_URL);
    if ("true".equals(ctx.request().getParam("include_email"))) {
      user.put("email", EMAIL);
    }
    json(ctx, 200, user);
  }

  /** v2 sends the avatar only when {@code user.fields} asks for it, as X does. */
  private void usersMe(RoutingContext ctx) {
    JsonObject user = new JsonObject()
        .put("id", USER_ID)
        .put("name", "Twitter Dev ✓")
        .put("username", SCREEN_NAME);
    String fields = ctx.request().getParam("user.fields", "");
    if (List.of(fields.split(",")).contains("profile_image_url")) {
      user.put("profile_image_url", PROFILE_IMAGE_URL);
    }
    json(ctx, 200, new JsonObject().put("data", user));
  }

  private void invalidateToken(RoutingContext ctx) {
    String token = ctx.<Map<String, String>>get(OAUTH).get("oauth_token");
    accessTokens.remove(token);
    json(ctx, 200, new JsonObject().put("access_token", token));
  }

  /** Any other API path: says what it received, with Twitter's rate-limit headers. */
  private void echo(RoutingContext ctx) {
    ReceivedRequest request = ctx.get(RECEIVED);
    ctx.response()
        .putHeader("x-rate-limit-limit", "900")
        .putHeader("x-rate-limit-remaining", "899")
        .putHeader("x-rate-limit-reset", Long.toString(RATE_LIMIT_RESET));
    json(ctx, 200, new JsonObject()
        .put("method", request.method())
        .put("path", request.path())
        .put("query", pairs(request.query()))
        .put("form", pairs(request.form())));
  }

  private static JsonArray pairs(List<Map.Entry<String, String>> parameters) {
    return new JsonArray(parameters.stream().map(p -> new JsonArray().add(p.getKey()).add(p.getValue())).toList());
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=utf-8").end(body.encode());
  }

  /** Twitter answers its token endpoints form-encoded, though it labels them text/html. */
  private static void form(RoutingContext ctx, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(field -> OAuthEncoder.encode(field.getKey()) + "=" + OAuthEncoder.encode(field.getValue()))
        .collect(Collectors.joining("&"));
    text(200, "text/html;charset=utf-8", body).handle(ctx);
  }
}
