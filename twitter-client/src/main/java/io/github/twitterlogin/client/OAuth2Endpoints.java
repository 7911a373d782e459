package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.shared.OAuth2AuthorizePage;
import io.github.twitterlogin.shared.OAuth2AuthorizeRequest;
import io.github.twitterlogin.shared.OAuth2CodeRequest;
import io.github.twitterlogin.shared.OAuth2Tokens;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * X's OAuth 2.0 endpoints: the authorize page's URL, and the token and revoke endpoints ({@code
 * POST 2/oauth2/token}, {@code POST 2/oauth2/revoke}). A confidential client authenticates with
 * HTTP Basic, a public one names itself with {@code client_id} in the form (RFC 6749 section
 * 2.3.1, and X's documentation).
 */
final class OAuth2Endpoints {

  static final String TOKEN_PATH = "2/oauth2/token";
  static final String REVOKE_PATH = "2/oauth2/revoke";
  /** X's access tokens last 2 hours; an answer without {@code expires_in} is taken to mean that. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);

  private final TwitterApi api;
  private final String clientId;
  private final String clientSecret;
  private final String authorizeUrl;
  private final Clock clock;

  OAuth2Endpoints(TwitterApi api, TwitterClientOptions options, Clock clock) {
    this.api = api;
    this.clientId = options.getClientId();
    this.clientSecret = options.getClientSecret();
    this.authorizeUrl = options.getAuthorizeUrl();
    this.clock = clock;
  }

  boolean configured() {
    return clientId != null;
  }

  /** RFC 6749 section 4.1.1 with RFC 7636 section 4.3: S256 only, never {@code plain}. */
  Future<OAuth2AuthorizePage> authorizePage(OAuth2AuthorizeRequest request) {
    return requireClient().map(configured -> new OAuth2AuthorizePage(authorizeUrl + "?" + Parameter.formatForm(List.of(
        new Parameter("response_type", "code"),
        new Parameter("client_id", clientId),
        new Parameter("redirect_uri", request.redirectUri()),
        new Parameter("scope", String.join(" ", request.scopes())),
        new Parameter("state", request.state()),
        new Parameter("code_challenge", request.codeChallenge()),
        new Parameter("code_challenge_method", "S256")))));
  }

  /** RFC 6749 section 4.1.3: the code, the same redirect URI, and the PKCE verifier (RFC 7636 section 4.5). */
  Future<OAuth2Tokens> exchange(OAuth2CodeRequest request) {
    return token(List.of(
        new Parameter("grant_type", "authorization_code"),
        new Parameter("code", request.code()),
        new Parameter("redirect_uri", request.redirectUri()),
        new Parameter("code_verifier", request.codeVerifier())));
  }

  /** RFC 6749 section 6; X's refresh tokens are single-use: the answer's replaces it. */
  Future<OAuth2Tokens> refresh(String refreshToken) {
    return token(List.of(new Parameter("grant_type", "refresh_token"), new Parameter("refresh_token", refreshToken)));
  }

  /** RFC 7009: an access token alone, or a refresh token and its grant. */
  Future<Void> revoke(String token) {
    return requireClient()
        .compose(configured -> api.sendToTokenEndpoint(request(REVOKE_PATH, List.of(new Parameter("token", token)))))
        .mapEmpty();
  }

  private Future<OAuth2Tokens> token(List<Parameter> form) {
    return requireClient()
        .compose(configured -> {
          TwitterRequest request = request(TOKEN_PATH, form);
          return api.sendToTokenEndpoint(request).map(this::tokensOf);
        });
  }

  private Future<Void> requireClient() {
    return configured() ? Future.succeededFuture() : Future.failedFuture(new TwitterFailureException(
        TwitterFailure.BAD_REQUEST, "This Twitter client has no OAuth 2.0 client id (TWITTER_CLIENT_ID)"));
  }

  private TwitterRequest request(String path, List<Parameter> form) {
    if (clientSecret == null) {
      List<Parameter> withId = new ArrayList<>(form);
      withId.add(new Parameter("client_id", clientId));
      return TwitterRequest.authorized(HttpMethod.POST, path, TwitterRequest.NO_AUTHORIZATION, null).withForm(withId);
    }
    return TwitterRequest.authorized(HttpMethod.POST, path, basic(), clientSecret).withForm(form);
  }

  /** RFC 6749 section 2.3.1: the id and the secret each form-encoded, then joined by a colon, in Base64. */
  private String basic() {
    String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** RFC 6749 section 5.1: {@code access_token}, {@code token_type} bearer, {@code expires_in}, {@code scope}, {@code refresh_token}. */
  private OAuth2Tokens tokensOf(HttpResponse<Buffer> response) {
    JsonObject answer;
    try {
      answer = new JsonObject(response.bodyAsString());
    } catch (RuntimeException notJson) {
      throw invalidAnswer("is not a JSON object");
    }
    if (!(answer.getValue("access_token") instanceof String access) || access.isBlank()) {
      throw invalidAnswer("has no access_token");
    }
    if (!(answer.getValue("token_type") instanceof String type) || !type.toLowerCase(Locale.ROOT).equals("bearer")) {
      throw invalidAnswer("has a token_type that is not bearer");
    }
    Object refresh = answer.getValue("refresh_token");
    if (refresh != null && !(refresh instanceof String)) {
      throw invalidAnswer("has a refresh_token that is not text");
    }
    Duration lifetime = answer.getValue("expires_in") instanceof Number seconds && seconds.longValue() > 0
        ? Duration.ofSeconds(seconds.longValue()) : DEFAULT_LIFETIME;
    String scope = answer.getValue("scope") instanceof String text ? text.trim() : "";
    List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split(" +"));
    return new OAuth2Tokens(access, (String) refresh, clock.instant().plus(lifetime), scopes);
  }

  private static TwitterFailureException invalidAnswer(String problem) {
    return new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter's " + TOKEN_PATH + " answer " + problem);
  }
}
