package io.github.twitterlogin.service.flow;

import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client that behaves like a person's browser: it sees every redirect, and
 * it can submit the sandbox's consent form as a person clicking "Authorize app" would. Called
 * from the test thread; every answer is awaited with a deadline.
 */
final class SignInBrowser {

  private static final long DEADLINE_SECONDS = 30;
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern AUTHORIZATION_FIELD = Pattern.compile("name=\"authorization_id\" value=\"([^\"]+)\"");

  private final WebClientSession client;

  SignInBrowser(Vertx vertx) {
    this.client = WebClientSession.create(WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
        .setConnectTimeout(5_000).setIdleTimeout((int) DEADLINE_SECONDS)));
  }

  HttpResponse<Buffer> get(String url) {
    return await(client.getAbs(url).send());
  }

  HttpResponse<Buffer> getJson(String url) {
    return await(client.getAbs(url).putHeader("Accept", "application/json").send());
  }

  HttpResponse<Buffer> post(String url, MultiMap form) {
    return await(client.postAbs(url).sendForm(form));
  }

  /** On the sandbox's consent page at {@code authenticateUrl}, signs in as {@code userId}; returns the callback URL. */
  String consent(String authenticateUrl, String userId, String decision) {
    HttpResponse<Buffer> page = get(authenticateUrl);
    if (page.statusCode() != 200) {
      throw new AssertionError("The consent page answered " + page.statusCode() + ": " + page.bodyAsString());
    }
    URI consent = URI.create(authenticateUrl);
    String token = consent.getQuery().replaceAll(".*oauth_token=([^&]*).*", "$1");
    HttpResponse<Buffer> decided = post(consent.resolve("/oauth/authorize").toString(), MultiMap.caseInsensitiveMultiMap()
        .add("oauth_token", token).add("user_id", userId).add("decision", decision));
    if (decided.statusCode() != 302) {
      throw new AssertionError("The consent form answered " + decided.statusCode() + ": " + decided.bodyAsString());
    }
    return decided.getHeader("Location");
  }

  /**
   * On the sandbox's OAuth 2.0 consent page at {@code authorizeUrl}, {@code decision} ({@code
   * authorize} or {@code cancel}) as {@code userId}; returns the redirect URI with its query.
   */
  String consentOAuth2(String authorizeUrl, String userId, String decision) {
    HttpResponse<Buffer> page = get(authorizeUrl);
    if (page.statusCode() != 200) {
      throw new AssertionError("The OAuth 2.0 consent page answered " + page.statusCode() + ": " + page.bodyAsString());
    }
    Matcher authorization = AUTHORIZATION_FIELD.matcher(page.bodyAsString());
    if (!authorization.find()) {
      throw new AssertionError("The OAuth 2.0 consent page has no form: " + page.bodyAsString());
    }
    HttpResponse<Buffer> decided = post(URI.create(authorizeUrl).resolve("/i/oauth2/authorize").toString(),
        MultiMap.caseInsensitiveMultiMap().add("authorization_id", authorization.group(1)).add("user_id", userId)
            .add("decision", decision));
    if (decided.statusCode() != 302) {
      throw new AssertionError("The consent form answered " + decided.statusCode() + ": " + decided.bodyAsString());
    }
    return decided.getHeader("Location");
  }

  /** /auth on {@code startUrl}, OAuth 2.0's consent as {@code userId}, then the callback. */
  HttpResponse<Buffer> signInOAuth2(String startUrl, String userId) {
    HttpResponse<Buffer> auth = get(startUrl + "/auth");
    if (auth.statusCode() != 302) {
      throw new AssertionError("/auth answered " + auth.statusCode() + ": " + auth.bodyAsString());
    }
    return get(consentOAuth2(auth.getHeader("Location"), userId, "authorize"));
  }

  /** /auth on {@code startUrl}, the consent as {@code userId}, then the callback wherever Twitter sends it. */
  HttpResponse<Buffer> signIn(String startUrl, String userId) {
    HttpResponse<Buffer> auth = get(startUrl + "/auth");
    if (auth.statusCode() != 302) {
      throw new AssertionError("/auth answered " + auth.statusCode() + ": " + auth.bodyAsString());
    }
    return get(consent(auth.getHeader("Location"), userId, "authorize"));
  }

  /** "Sign out" on the profile page: the form posts the page's anti-CSRF token to {@code /logout}. */
  HttpResponse<Buffer> signOut(String gatewayUrl) {
    String page = get(gatewayUrl + "/app").bodyAsString();
    Matcher csrf = CSRF_FIELD.matcher(page);
    if (!csrf.find()) {
      throw new AssertionError("The profile page has no sign-out form: " + page);
    }
    return post(gatewayUrl + "/logout", MultiMap.caseInsensitiveMultiMap().add("csrf", csrf.group(1)));
  }

  String cookie(String name) {
    for (Cookie cookie : client.cookieStore().get(false, "127.0.0.1", "/")) {
      if (cookie.name().equals(name)) {
        return cookie.value();
      }
    }
    return null;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No answer within " + DEADLINE_SECONDS + " s", e);
    }
  }
}
