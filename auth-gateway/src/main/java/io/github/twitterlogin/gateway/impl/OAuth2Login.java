package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.PageError.Action;
import io.github.twitterlogin.gateway.TwitterAuthOptions;
import io.github.twitterlogin.gateway.impl.PendingLogins.PendingLogin;
import io.github.twitterlogin.gateway.sstore.SealedSessionStore;
import io.github.twitterlogin.shared.OAuth2AuthorizeRequest;
import io.github.twitterlogin.shared.OAuth2CodeRequest;
import io.github.twitterlogin.shared.SignIn;
import io.github.twitterlogin.shared.TwitterClient;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * OAuth 2.0's authorization code with PKCE (RFC 6749 section 4.1, RFC 7636): the gateway makes the
 * {@code state} and the code verifier, keeps both in the sealed session as a pending login, and
 * sends X only the verifier's S256 challenge; the callback takes the login out of the session by
 * its state in one atomic step, so that a state is good for one callback, and the Twitter client
 * exchanges the code with the verifier.
 */
final class OAuth2Login {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** 32 random bytes: RFC 7636 section 7.1 asks for 256 bits of entropy; their base64url is 43 characters. */
  private static final int RANDOM_BYTES = 32;

  private final TwitterAuthOptions options;
  private final TwitterClient twitter;
  private final PendingLogins pendingLogins;

  OAuth2Login(TwitterAuthOptions options, TwitterClient twitter, PendingLogins pendingLogins) {
    this.options = options;
    this.twitter = twitter;
    this.pendingLogins = pendingLogins;
  }

  /** Asks for X's authorize page and keeps the state and the verifier; the caller saves the session. */
  Future<String> start(RoutingContext ctx, String returnTo) {
    String state = random();
    String verifier = random();
    return twitter.oauth2Authorize(new OAuth2AuthorizeRequest(options.getCallbackUrl(), options.getScopes(), state,
            s256(verifier)))
        .map(page -> {
          pendingLogins.addOAuth2(ctx.session(), state, verifier, returnTo);
          return page.authorizeUrl();
        });
  }

  /** The login the callback's state started, taken out of the session; empty when none is, or it expired. */
  Future<Optional<PendingLogin>> take(RoutingContext ctx, OAuth2Callback callback) {
    return SealedSessionStore.take(ctx.session(), PendingLogins.keyOf(callback.state()))
        .map(pendingLogins::live)
        .map(login -> login.filter(found -> found.codeVerifier() != null));
  }

  /** The code, exchanged with the verifier of its login, for the user; the Twitter client keeps the tokens. */
  Future<SignIn> exchange(PendingLogin login, String code) {
    return Future.succeededFuture(code)
        .map(given -> new OAuth2CodeRequest(given, login.codeVerifier(), options.getCallbackUrl()))
        .compose(twitter::oauth2SignIn);
  }

  /** X refused the authorization for another reason than Cancel: the app's settings (scopes, redirect URI). */
  static PageError refused() {
    return new PageError(502, "twitter_refused_authorization", "Twitter refused the sign-in",
        "Twitter refused to sign you in to this site. The site's Twitter app settings need attention.",
        Action.HOME);
  }

  private static String random() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException noSha256) {
      throw new IllegalStateException(noSha256);
    }
  }
}
