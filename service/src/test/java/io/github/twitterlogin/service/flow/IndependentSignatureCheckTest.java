package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.service.testing.SecretLedger;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole login through the gateway, the real Twitter client and the sandbox, with every
 * signature checked twice: by the sandbox, with the same RFC 5849 classes our signer uses, and
 * by the witness in front of it, with ScribeJava's code, which shares nothing with them. A bug
 * on both sides of our own code passes the sandbox; it does not pass the witness.
 */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class IndependentSignatureCheckTest {

  private static final String ZOE = "1000000002";

  @Test
  void everySignedRequestOfALoginPassesTheIndependentCheck(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);

    HttpResponse<Buffer> callback = browser.signIn(stack.gatewayUrl(), ZOE);

    assertThat(callback.statusCode()).as(callback.bodyAsString()).isEqualTo(302);
    assertThat(browser.getJson(stack.gatewayUrl() + "/app").bodyAsJsonObject().getString("screenName"))
        .isEqualTo("zoe_angstrom");
    assertThat(stack.witness.refusals()).isEmpty();
    assertThat(stack.witness.uncheckableRequests()).isZero();
    // request_token, access_token and verify_credentials, at least.
    assertThat(stack.witness.checkedRequests()).isGreaterThanOrEqualTo(3);
    assertThat(SecretLedger.count("verifier")).isPositive();
    assertThat(SecretLedger.count("access-token secret")).isPositive();
  }

  /** The check can fail: a request signed with the wrong secret is refused before the sandbox sees it. */
  @Test
  void witnessRefusesAWrongSignature(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    String forged = "OAuth oauth_consumer_key=\"" + SandboxConsumer.DEFAULT_KEY + "\", oauth_nonce=\"n1\", "
        + "oauth_signature=\"AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D\", oauth_signature_method=\"HMAC-SHA1\", "
        + "oauth_timestamp=\"" + System.currentTimeMillis() / 1000 + "\", oauth_version=\"1.0\", "
        + "oauth_callback=\"http%3A%2F%2F127.0.0.1%3A1%2Fcallback\"";

    HttpResponse<Buffer> refused = WebClient.create(vertx).postAbs(stack.witness.url() + "/oauth/request_token")
        .putHeader("Authorization", forged).timeout(30_000).send().await(30, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(stack.witness.refusals()).singleElement().asString().startsWith("POST /oauth/request_token");
    assertThat(stack.witness.checkedRequests()).isZero();
  }
}
