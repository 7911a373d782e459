package io.github.twitterlogin.service.testing;

import com.github.scribejava.core.model.Parameter;
import io.github.twitterlogin.shared.TokenCredentials;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only HTTP proxy in front of the sandbox, on a loopback port of its own: the Twitter
 * client's API URL, and so the browser's way to the consent page too. It forwards every request
 * unchanged (the Host header included, so that the sandbox checks the signature for the URL the
 * client signed) and every answer back, and on the way:
 * <ul>
 *   <li>checks each signed request with {@link IndependentSignatureCheck}, code that shares
 *       nothing with our signer or the sandbox's verifier, and refuses one that fails it with
 *       Twitter's 401, code 32, without forwarding it;</li>
 *   <li>learns the secrets the sandbox issues (request- and access-token secrets from the token
 *       answers, verifiers from the redirects to the callback) and records them in the
 *       {@link SecretLedger}, for the search of the logs.</li>
 * </ul>
 * A request with a token the sandbox never issued through it (a forged one) cannot be checked
 * and is forwarded for the sandbox to refuse; such requests are counted apart.
 */
public final class SandboxWitness implements AutoCloseable {

  /** A signed request as it reached the witness: which token signed it, or null for none. */
  public record SignedRequest(String method, String path, String token) {
  }

  private static final String LOOPBACK = "127.0.0.1";
  private static final long FORWARD_TIMEOUT_MILLIS = 60_000;
  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "transfer-encoding", "connection",
      "keep-alive");
  private static final String FORM = "application/x-www-form-urlencoded";

  private final WebClient client;
  private final SocketAddress sandbox;
  private final Map<String, String> consumerSecrets;
  private final Map<String, String> tokenSecrets = new ConcurrentHashMap<>();
  private final List<TokenCredentials> accessTokens = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private final List<SignedRequest> signedRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger checked = new AtomicInteger();
  private final AtomicInteger uncheckable = new AtomicInteger();
  private final Map<String, AtomicInteger> oauth2TokenRequests = new ConcurrentHashMap<>();
  private final List<String> bearerTokensUsed = new CopyOnWriteArrayList<>();
  private final List<String> oauth2AccessTokens = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private SandboxWitness(Vertx vertx, SocketAddress sandbox, Map<String, String> consumerSecrets) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setConnectTimeout(5_000));
    this.sandbox = sandbox;
    this.consumerSecrets = Map.copyOf(consumerSecrets);
  }

  /**
   * @param sandboxUrl where the sandbox listens, {@code http://127.0.0.1:port}
   * @param consumerSecrets the secret of each consumer key the sandbox knows
   */
  public static SandboxWitness start(Vertx vertx, String sandboxUrl, Map<String, String> consumerSecrets)
      throws Exception {
    URI url = URI.create(sandboxUrl);
    SandboxWitness witness = new SandboxWitness(vertx, SocketAddress.inetSocketAddress(url.getPort(), url.getHost()),
        consumerSecrets);
    consumerSecrets.values().forEach(secret -> SecretLedger.record("consumer secret", secret));
    witness.server = vertx.createHttpServer().requestHandler(witness::handle)
        .listen(0, LOOPBACK).await(30, TimeUnit.SECONDS);
    return witness;
  }

  /** The URL to give the Twitter client as its API URL. */
  public String url() {
    return "http://" + LOOPBACK + ":" + server.actualPort();
  }

  /** Signed requests checked and found right. */
  public int checkedRequests() {
    return checked.get();
  }

  /** Signed requests with a token the sandbox did not issue through the witness, which it could not check. */
  public int uncheckableRequests() {
    return uncheckable.get();
  }

  /** What was wrong with each request the independent check refused. */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** Every signed request, oldest first, whether or not its signature was right. */
  public List<SignedRequest> signedRequests() {
    return List.copyOf(signedRequests);
  }

  /**
   * How many requests reached OAuth 2.0's token endpoint with this {@code grant_type}
   * ({@code authorization_code}, {@code refresh_token}): the count at the sandbox's door.
   */
  public int oauth2TokenRequests(String grantType) {
    AtomicInteger count = oauth2TokenRequests.get(grantType);
    return count == null ? 0 : count.get();
  }

  /** The OAuth 2.0 access tokens the sandbox issued, oldest first. */
  public List<String> oauth2AccessTokensIssued() {
    return List.copyOf(oauth2AccessTokens);
  }

  /** The bearer token of every API call that carried one, oldest first. */
  public List<String> bearerTokensUsed() {
    return List.copyOf(bearerTokensUsed);
  }

  /** The access tokens the sandbox issued, oldest first. */
  public List<TokenCredentials> accessTokensIssued() {
    return List.copyOf(accessTokens);
  }

  @Override
  public void close() throws Exception {
    server.close().await(30, TimeUnit.SECONDS);
    client.close();
  }

  private void handle(HttpServerRequest request) {
    request.body()
        .onSuccess(body -> {
          Optional<String> refusal = checkSignature(request, body);
          if (refusal.isPresent()) {
            refusals.add(request.method() + " " + request.path() + ": " + refusal.get());
            request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                .end(twitterError32());
          } else {
            forward(request, body);
          }
        })
        .onFailure(broken -> request.connection().close());
  }

  /** Empty when the request is unsigned, or signed right, or cannot be checked. */
  private Optional<String> checkSignature(HttpServerRequest request, Buffer body) {
    String authorization = request.getHeader("Authorization");
    learnOAuth2Request(request, authorization, body);
    if (authorization == null || !authorization.startsWith("OAuth ")) {
      return Optional.empty();
    }
    Map<String, String> oauth = IndependentSignatureCheck.oauthParameters(authorization);
    SecretLedger.record("verifier", oauth.get("oauth_verifier"));
    signedRequests.add(new SignedRequest(request.method().name(), request.path(), oauth.get("oauth_token")));
    String consumerSecret = consumerSecrets.get(oauth.get("oauth_consumer_key"));
    String token = oauth.get("oauth_token");
    String tokenSecret = token == null ? "" : tokenSecrets.get(token);
    if (consumerSecret == null || tokenSecret == null) {
      uncheckable.incrementAndGet();
      return Optional.empty();
    }
    String contentType = request.getHeader("Content-Type");
    List<Parameter> form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)
        ? IndependentSignatureCheck.formParameters(body.toString()) : List.of();
    String url = "http://" + request.getHeader("Host") + request.uri();
    Optional<String> problem = IndependentSignatureCheck.problem(
        request.method().name(), url, form, oauth, consumerSecret, tokenSecret);
    if (problem.isEmpty()) {
      checked.incrementAndGet();
    }
    return problem;
  }

  private void forward(HttpServerRequest request, Buffer body) {
    HostAndPort addressed = request.authority();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    request.headers().forEach((name, value) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        headers.add(name, value);
      }
    });
    Future<HttpResponse<Buffer>> answer = client
        .request(request.method(), sandbox, addressed.port(), addressed.host(), request.uri())
        .putHeaders(headers)
        .timeout(FORWARD_TIMEOUT_MILLIS)
        .sendBuffer(body);
    answer
        .onSuccess(response -> {
          learnSecrets(request.path(), response);
          answerWith(request, response);
        })
        // The sandbox dropped the connection (fault injection): so does the witness.
        .onFailure(dropped -> request.connection().close());
  }

  /** OAuth 2.0's secrets on the way in: the client secret, the code and its verifier, the tokens presented. */
  private void learnOAuth2Request(HttpServerRequest request, String authorization, Buffer body) {
    if (authorization != null && authorization.startsWith("Bearer ")) {
      String bearer = authorization.substring(7);
      bearerTokensUsed.add(bearer);
      SecretLedger.record("OAuth 2.0 access token", bearer);
    }
    if (!request.path().startsWith("/2/oauth2/")) {
      return;
    }
    if (authorization != null && authorization.startsWith("Basic ")) {
      String credentials = new String(java.util.Base64.getDecoder().decode(authorization.substring(6)),
          java.nio.charset.StandardCharsets.UTF_8);
      // RFC 6749 section 2.3.1: the id and the secret are form-encoded before Base64.
      SecretLedger.record("OAuth 2.0 client secret", java.net.URLDecoder.decode(
          credentials.substring(credentials.indexOf(':') + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    Map<String, String> form = formOf(body.toString());
    SecretLedger.record("OAuth 2.0 code", form.get("code"));
    SecretLedger.record("PKCE verifier", form.get("code_verifier"));
    SecretLedger.record("OAuth 2.0 refresh token", form.get("refresh_token"));
    if (request.path().equals("/2/oauth2/token") && form.get("grant_type") != null) {
      oauth2TokenRequests.computeIfAbsent(form.get("grant_type"), type -> new AtomicInteger()).incrementAndGet();
    }
  }

  private void learnSecrets(String path, HttpResponse<Buffer> response) {
    String location = response.getHeader("Location");
    if (location != null && location.contains("code=") && location.contains("state=")) {
      SecretLedger.record("OAuth 2.0 code", formOf(URI.create(location).getRawQuery()).get("code"));
    }
    if (path.equals("/2/oauth2/token") && response.statusCode() == 200 && response.body() != null) {
      JsonObject tokens = response.bodyAsJsonObject();
      oauth2AccessTokens.add(tokens.getString("access_token"));
      SecretLedger.record("OAuth 2.0 access token", tokens.getString("access_token"));
      SecretLedger.record("OAuth 2.0 refresh token", tokens.getString("refresh_token"));
    }
    if (location != null && location.contains("oauth_verifier=")) {
      Map<String, String> query = formOf(URI.create(location).getRawQuery());
      SecretLedger.record("verifier", query.get("oauth_verifier"));
    }
    if (response.statusCode() != 200 || response.body() == null) {
      return;
    }
    if (path.endsWith("/oauth/request_token") || path.endsWith("/oauth/access_token")) {
      Map<String, String> answer = formOf(response.bodyAsString());
      String token = answer.get("oauth_token");
      String secret = answer.get("oauth_token_secret");
      if (token != null && secret != null) {
        tokenSecrets.put(token, secret);
        boolean access = path.endsWith("/oauth/access_token");
        SecretLedger.record(access ? "access-token secret" : "request-token secret", secret);
        if (access) {
          accessTokens.add(new TokenCredentials(token, secret));
        }
      }
    }
  }

  private static void answerWith(HttpServerRequest request, HttpResponse<Buffer> response) {
    request.response().setStatusCode(response.statusCode());
    response.headers().forEach((name, value) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        request.response().headers().add(name, value);
      }
    });
    Buffer body = response.body();
    request.response().end(body == null ? Buffer.buffer() : body);
  }

  private static Map<String, String> formOf(String encoded) {
    Map<String, String> fields = new ConcurrentHashMap<>();
    if (encoded != null) {
      IndependentSignatureCheck.formParameters(encoded).forEach(p -> fields.putIfAbsent(p.getKey(), p.getValue()));
    }
    return fields;
  }

  private static String twitterError32() {
    return new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("code", 32)
        .put("message", "Could not authenticate you. (the witness's independent check)"))).encode();
  }
}
