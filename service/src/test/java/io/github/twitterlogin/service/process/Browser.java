package io.github.twitterlogin.service.process;

import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One person's browser: it keeps its cookies and, like a real browser, sends them to every port
 * of 127.0.0.1. It does not follow redirects, so that tests see each one. Each call waits for the
 * answer with a deadline long enough for the cluster to drop a killed member first.
 */
public final class Browser {

  private static final String LOOPBACK = "127.0.0.1";
  private static final long DEADLINE_SECONDS = 60;

  private final WebClientSession client;

  public Browser(WebClient client) {
    this.client = WebClientSession.create(client);
  }

  public HttpResponse<Buffer> get(int port, String pathAndQuery) {
    return await(getLater(port, pathAndQuery));
  }

  /** Sends the request and returns without waiting for the answer. */
  public Future<HttpResponse<Buffer>> getLater(int port, String pathAndQuery) {
    return client.get(port, LOOPBACK, pathAndQuery).send();
  }

  /** As a page's script asks: with {@code Accept: application/json}. */
  public HttpResponse<Buffer> getJson(int port, String pathAndQuery) {
    return await(client.get(port, LOOPBACK, pathAndQuery).putHeader("Accept", "application/json").send());
  }

  public HttpResponse<Buffer> get(URI url) {
    return get(url.getPort(), pathAndQuery(url));
  }

  public HttpResponse<Buffer> postForm(URI url, MultiMap form) {
    return await(client.post(url.getPort(), url.getHost(), url.getRawPath()).sendForm(form));
  }

  public Optional<String> cookie(String name) {
    for (Cookie cookie : client.cookieStore().get(false, LOOPBACK, "/")) {
      if (cookie.name().equals(name)) {
        return Optional.of(cookie.value());
      }
    }
    return Optional.empty();
  }

  public static String pathAndQuery(URI url) {
    return url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No answer within " + DEADLINE_SECONDS + " s", e);
    }
  }
}
