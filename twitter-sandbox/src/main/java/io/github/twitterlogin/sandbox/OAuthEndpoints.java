package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.sandbox.SignedRequestVerifier.Verified;
import io.github.twitterlogin.sandbox.TokenStore.AccessToken;
import io.github.twitterlogin.sandbox.TokenStore.RequestToken;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** {@code POST /oauth/request_token} and {@code POST /oauth/access_token}: steps one and three. */
final class OAuthEndpoints {

  private final SignedRequestVerifier verifier;
  private final TokenStore tokens;
  private final SandboxUsers users;

  OAuthEndpoints(SignedRequestVerifier verifier, TokenStore tokens, SandboxUsers users) {
    this.verifier = verifier;
    this.tokens = tokens;
    this.users = users;
  }

  /**
   * Signed by the consumer alone; the callback must be one registered for the app. {@code
   * x_auth_access_type}, a signed parameter of the query or the form, may ask for less than the
   * app's permission.
   */
  void requestToken(RoutingContext ctx) {
    SignedRequest signed = SignedRequest.from(ctx);
    Verified request = verifier.verify(signed, TokenSecrets.NONE);
    String callback = request.protocol().get("oauth_callback");
    if (callback == null || callback.isBlank()) {
      throw TwitterError.badRequest("oauth_callback is required");
    }
    if (!request.consumer().approves(callback)) {
      throw TwitterError.callbackNotApproved();
    }
    AccessLevel level = request.consumer().accessLevel().forRequested(signed.queryOrFormParameter("x_auth_access_type"));
    RequestToken token = tokens.issueRequestToken(request.consumer().key(), callback, level);
    TwitterAnswers.form(ctx, List.of(
        new Parameter("oauth_token", token.token),
        new Parameter("oauth_token_secret", token.secret),
        new Parameter("oauth_callback_confirmed", "true")));
  }

  /**
   * Signed with an authorized request token; the verifier may come in the header, the query or
   * the form (RFC 5849 section 3.5). The request token is then spent.
   */
  void accessToken(RoutingContext ctx) {
    SignedRequest signed = SignedRequest.from(ctx);
    Verified request = verifier.verify(signed, this::requestTokenSecret);
    if (request.token() == null) {
      throw TwitterError.invalidOrExpiredToken();
    }
    RequestToken token = tokens.liveRequestToken(request.token()).orElseThrow(TwitterError::invalidOrExpiredToken);
    String verifierSent = Optional.ofNullable(request.protocol().get("oauth_verifier"))
        .orElseGet(() -> signed.queryOrFormParameter("oauth_verifier"));
    if (token.verifier == null || verifierSent == null || !sameText(token.verifier, verifierSent)) {
      throw new TwitterError(401, 32, "Error processing your OAuth request: Invalid oauth_verifier parameter");
    }
    AccessToken access = tokens.exchange(token);
    String screenName = users.byId(access.userId()).map(SandboxUser::screenName).orElse("");
    TwitterAnswers.form(ctx, List.of(
        new Parameter("oauth_token", access.token()),
        new Parameter("oauth_token_secret", access.secret()),
        new Parameter("user_id", access.userId()),
        new Parameter("screen_name", screenName)));
  }

  private Optional<String> requestTokenSecret(SandboxConsumer consumer, String token) {
    return tokens.liveRequestToken(token)
        .filter(found -> found.consumerKey.equals(consumer.key()))
        .map(found -> found.secret);
  }

  private static boolean sameText(String expected, String actual) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
