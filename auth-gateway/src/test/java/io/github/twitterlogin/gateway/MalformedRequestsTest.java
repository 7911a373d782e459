package io.github.twitterlogin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests no browser sends, written on raw connections: each gets the gateway's own page (or
 * JSON) with its security headers, at most one line in the log and no stack trace, and the
 * gateway serves on.
 */
@ExtendWith(VertxExtension.class)
class MalformedRequestsTest {

  private static final String HOST = "Host: 127.0.0.1\r\n";
  private static final String CHUNKED_FORM = "Content-Type: application/x-www-form-urlencoded\r\n"
      + "Transfer-Encoding: chunked\r\n";

  @Test
  void aPathThatDoesNotDecodeIsOurBadRequestPage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "GET /%zz HTTP/1.1\r\n" + HOST + "\r\n", 400, "bad_request");
  }

  @Test
  void aPathThatDoesNotDecodeIsBadRequestInJsonForAScript(Vertx vertx) throws Exception {
    assertOurJson(vertx, "GET /%zz HTTP/1.1\r\n" + HOST + "Accept: application/json\r\n\r\n", 400, "bad_request");
  }

  @Test
  void aBrokenChunkedBodyOnLogoutIsOurBadRequestPage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "POST /logout HTTP/1.1\r\n" + HOST + CHUNKED_FORM + "\r\nzz\r\ncsrf=x\r\n",
        400, "unreadable_body");
  }

  @Test
  void aBrokenChunkedBodyOnLogoutIsBadRequestInJsonForAScript(Vertx vertx) throws Exception {
    assertOurJson(vertx, "POST /logout HTTP/1.1\r\n" + HOST + "Accept: application/json\r\n" + CHUNKED_FORM
        + "\r\nzz\r\ncsrf=x\r\n", 400, "unreadable_body");
  }

  @Test
  void aRequestLineLongerThanTheServerReadsIsOurUriTooLongPage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n" + HOST + "\r\n", 414, "uri_too_long");
  }

  @Test
  void headersLargerThanTheServerReadsAreOurHeadersTooLargePage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "GET / HTTP/1.1\r\n" + HOST + "Cookie: " + "c".repeat(9000) + "\r\n\r\n",
        431, "headers_too_large");
  }

  @Test
  void aBadHostIsOurBadRequestPage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "GET / HTTP/1.1\r\nHost: not a host\r\n\r\n", 400, "bad_request");
  }

  @Test
  void noHostIsOurBadRequestPage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "GET / HTTP/1.1\r\n\r\n", 400, "bad_request");
  }

  @Test
  void connectIsOurNotFoundPage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "CONNECT 127.0.0.1:443 HTTP/1.1\r\n" + HOST + "\r\n", 404, "not_found");
  }

  @Test
  void optionsOfTheServerAsAWholeIsOurNotFoundPage(Vertx vertx) throws Exception {
    assertOurPage(vertx, "OPTIONS * HTTP/1.1\r\n" + HOST + "\r\n", 404, "not_found");
  }

  private static void assertOurPage(Vertx vertx, String request, int status, String code) throws Exception {
    RawHttp.Response answer = exchangeAndCheckTheLog(vertx, request);

    assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(answer.body()).contains("data-code=\"" + code + "\"").doesNotContain("Exception", "at io.");
  }

  private static void assertOurJson(Vertx vertx, String request, int status, String code) throws Exception {
    RawHttp.Response answer = exchangeAndCheckTheLog(vertx, request);

    assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
    assertThat(new JsonObject(answer.body()).getString("error")).isEqualTo(code);
  }

  /** The answer carries the security headers; the log holds one line at most, and no stack trace. */
  private static RawHttp.Response exchangeAndCheckTheLog(Vertx vertx, String request) throws Exception {
    GatewayFixture gateway = GatewayFixture.start(vertx);
    RawHttp.Response answer;
    try (CapturedLog log = CapturedLog.start()) {
      answer = new RawHttp(vertx).exchange(gateway.port(), request);
      assertThat(gateway.get("/").statusCode()).as("the gateway serves on").isEqualTo(200);
      assertThat(log.warningsAndStackTraces()).as("the log").hasSizeLessThanOrEqualTo(1)
          .noneMatch(line -> line.startsWith("\tat "));
    }
    assertThat(answer.header("X-Content-Type-Options")).as(answer.raw()).isEqualTo("nosniff");
    assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    return answer;
  }
}
