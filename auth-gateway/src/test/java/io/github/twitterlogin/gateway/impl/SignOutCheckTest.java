package io.github.twitterlogin.gateway.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The headers a browser sends with a form post (OWASP's CSRF sheet: Origin, else Referer), checked
 * against the site of {@code https://login.example:8443}, over real HTTP: a server answers what the
 * check says of each request it receives.
 */
@ExtendWith(VertxExtension.class)
class SignOutCheckTest {

  private static final String SITE = "https://login.example:8443";

  private WebClient client;
  private int port;

  @BeforeEach
  void server(Vertx vertx) throws Exception {
    SignOutCheck check = new SignOutCheck(SITE + "/login/twitter/callback");
    HttpServer server = vertx.createHttpServer()
        .requestHandler(request -> request.response().end(String.valueOf(check.fromThisSite(request))))
        .listen(0, "127.0.0.1").await(20, TimeUnit.SECONDS);
    port = server.actualPort();
    client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setIdleTimeout(20));
  }

  @Test
  void theSitesOwnOriginIsFromThisSite() throws Exception {
    assertThat(fromThisSite("Origin", SITE)).isTrue();
    assertThat(fromThisSite("Origin", SITE, "Referer", "https://evil.example/")).isTrue();
  }

  @Test
  void anotherOriginIsNot() throws Exception {
    assertThat(fromThisSite("Origin", "https://login.example")).isFalse();
    assertThat(fromThisSite("Origin", "https://evil.example", "Referer", SITE + "/")).isFalse();
  }

  /** A privacy-minded page sends "Origin: null": the Referer decides then, as it does without an Origin. */
  @Test
  void anOpaqueOriginLeavesItToTheReferer() throws Exception {
    assertThat(fromThisSite("Origin", "null", "Referer", SITE + "/app")).isTrue();
    assertThat(fromThisSite("Origin", "null", "Referer", "https://evil.example/")).isFalse();
    assertThat(fromThisSite("Origin", "null")).isFalse();
  }

  @Test
  void aRefererIsFromThisSiteOnlyUnderItsOrigin() throws Exception {
    assertThat(fromThisSite("Referer", SITE + "/app?x=1")).isTrue();
    assertThat(fromThisSite("Referer", SITE)).isTrue();
    assertThat(fromThisSite("Referer", SITE + "0/app")).isFalse();
    assertThat(fromThisSite("Referer", SITE + ".evil.example/")).isFalse();
  }

  @Test
  void neitherHeaderIsNotFromThisSite() throws Exception {
    assertThat(fromThisSite()).isFalse();
  }

  @Test
  void theSynchronizerTokenMustBeTheSame() {
    assertThat(SignOutCheck.sameToken("abc", "abc")).isTrue();
    assertThat(SignOutCheck.sameToken("abc", "abd")).isFalse();
    assertThat(SignOutCheck.sameToken("abc", null)).isFalse();
    assertThat(SignOutCheck.sameToken(null, "abc")).isFalse();
    assertThat(SignOutCheck.sameToken(null, null)).isFalse();
  }

  private boolean fromThisSite(String... headers) throws Exception {
    HttpRequest<Buffer> request = client.post(port, "127.0.0.1", "/signout");
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return Boolean.parseBoolean(request.send().await(20, TimeUnit.SECONDS).bodyAsString());
  }
}
