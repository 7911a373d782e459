package io.github.twitterlogin.gateway;

import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cookie-keeping HTTP client that, like a browser, sends its cookies to every port of
 * 127.0.0.1. It does not follow redirects, so tests see each one. Called from the test thread,
 * it waits for each answer with a deadline.
 */
final class Browser {

  private static final long DEADLINE_SECONDS = 20;

  private final WebClientSession client;

  Browser(Vertx vertx) {
    this.client = WebClientSession.create(WebClient.create(vertx, options()));
  }

  /** As a browser: no redirect followed; and a deadline to connect and to read, as every test client has. */
  static WebClientOptions options() {
    return new WebClientOptions().setFollowRedirects(false).setDefaultHost("127.0.0.1")
        .setConnectTimeout(5_000).setIdleTimeout((int) DEADLINE_SECONDS);
  }

  HttpResponse<Buffer> get(int port, String uri) {
    return await(getLater(port, uri));
  }

  /** Sends the request and returns at once, so that several requests of one browser can race. */
  Future<HttpResponse<Buffer>> getLater(int port, String uri) {
    return client.get(port, "127.0.0.1", uri).send();
  }

  Future<HttpResponse<Buffer>> postLater(int port, String uri, MultiMap form) {
    return client.post(port, "127.0.0.1", uri).sendForm(form);
  }

  HttpResponse<Buffer> request(HttpMethod method, int port, String uri) {
    return await(client.request(method, port, "127.0.0.1", uri).send());
  }

  HttpResponse<Buffer> requestJson(HttpMethod method, int port, String uri) {
    return await(client.request(method, port, "127.0.0.1", uri).putHeader("Accept", "application/json").send());
  }

  HttpResponse<Buffer> getJson(int port, String uri) {
    return await(client.get(port, "127.0.0.1", uri).putHeader("Accept", "application/json").send());
  }

  HttpResponse<Buffer> getWithHeader(int port, String uri, String header, String value) {
    return await(client.get(port, "127.0.0.1", uri).putHeader(header, value).send());
  }

  /** A request carrying only the given cookie header, as a thief replaying a copied cookie would send. */
  HttpResponse<Buffer> getJsonWithCookie(int port, String uri, String cookie) {
    return await(client.get(port, "127.0.0.1", uri).putHeader("Accept", "application/json")
        .putHeader("Cookie", cookie).send());
  }

  /** A form posted from a page of {@code origin}, as a browser says with the Origin header. */
  HttpResponse<Buffer> postWithOrigin(int port, String uri, String origin) {
    return await(client.post(port, "127.0.0.1", uri).putHeader("Origin", origin).sendForm(MultiMap.caseInsensitiveMultiMap()));
  }

  HttpResponse<Buffer> post(int port, String uri, MultiMap form) {
    return await(client.post(port, "127.0.0.1", uri).sendForm(form));
  }

  Optional<String> cookie(String name) {
    for (Cookie cookie : client.cookieStore().get(false, "127.0.0.1", "/")) {
      if (cookie.name().equals(name)) {
        return Optional.of(cookie.value());
      }
    }
    return Optional.empty();
  }

  /** Waits for {@code future} with the browser's deadline. */
  static <T> T await(Future<T> future) {
    try {
      return future.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No answer within " + DEADLINE_SECONDS + " s", e);
    }
  }
}
