package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.sandbox.FaultSettings;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twitter slow, failing, rate-limiting or down (through the sandbox's fault injection), or no
 * Twitter client at all: each gets its status and a clear page, and the gateway keeps serving.
 */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class TwitterFaultsTest {

  private static final String ADA = "1000000001";

  @Test
  void slowTwitterIsAGatewayTimeout(Vertx vertx) throws Exception {
    LoginStack stack = stackWithClient(vertx, new JsonObject().put("requestTimeoutMillis", 300));
    stack.injectFaults(new FaultSettings(2_000, 0, 0, 0));

    HttpResponse<Buffer> auth = new SignInBrowser(vertx).get(stack.gatewayUrl() + "/auth");

    assertThat(auth.statusCode()).isEqualTo(504);
    assertThat(auth.bodyAsString()).contains("Twitter did not answer in time");
  }

  @Test
  void failingTwitterIsABadGateway(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    stack.injectFaults(new FaultSettings(0, 1, 0, 0));

    HttpResponse<Buffer> auth = new SignInBrowser(vertx).get(stack.gatewayUrl() + "/auth");

    assertThat(auth.statusCode()).isEqualTo(502);
    assertThat(auth.bodyAsString()).contains("Twitter could not complete the sign-in");
  }

  @Test
  void rateLimitedTwitterAsksToComeBackLater(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    stack.injectFaults(new FaultSettings(0, 0, 1, 0));

    HttpResponse<Buffer> auth = new SignInBrowser(vertx).get(stack.gatewayUrl() + "/auth");

    assertThat(auth.statusCode()).isEqualTo(503);
    assertThat(Long.parseLong(auth.getHeader("Retry-After"))).isPositive();
  }

  @Test
  void droppedConnectionToTwitterIsABadGateway(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    stack.injectFaults(new FaultSettings(0, 0, 0, 1));

    assertThat(new SignInBrowser(vertx).get(stack.gatewayUrl() + "/auth").statusCode()).isEqualTo(502);
  }

  @Test
  void unreachableTwitterIsABadGateway(Vertx vertx) throws Exception {
    LoginStack stack = stackWithClient(vertx, new JsonObject().put("apiBaseUrl", "http://127.0.0.1:" + closedPort()));

    HttpResponse<Buffer> auth = new SignInBrowser(vertx).get(stack.gatewayUrl() + "/auth");

    assertThat(auth.statusCode()).isEqualTo(502);
    assertThat(auth.bodyAsString()).contains("Twitter cannot be reached");
  }

  @Test
  void missingTwitterClientIsServiceUnavailable(Vertx vertx) throws Exception {
    LoginStack.Options options = LoginStack.with();
    options.withTwitterClient = false;
    LoginStack stack = options.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);

    assertThat(browser.get(stack.gatewayUrl() + "/auth").statusCode()).isEqualTo(503);
    assertThat(browser.get(stack.gatewayUrl() + "/health/ready/twitter-client").bodyAsJsonObject()
        .getString("status")).isEqualTo("DOWN");
  }

  @Test
  void failureDuringTheCallbackLeavesThePersonSignedOut(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String callback = browser.consent(browser.get(stack.gatewayUrl() + "/auth").getHeader("Location"), ADA, "authorize");
    stack.injectFaults(new FaultSettings(0, 1, 0, 0));

    assertThat(browser.get(callback).statusCode()).isEqualTo(502);
    assertThat(browser.getJson(stack.gatewayUrl() + "/app").statusCode()).isEqualTo(401);
  }

  @Test
  void gatewayKeepsServingOnceTwitterRecovers(Vertx vertx) throws Exception {
    LoginStack stack = LoginStack.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    stack.injectFaults(new FaultSettings(0, 1, 0, 0));
    browser.get(stack.gatewayUrl() + "/auth");
    stack.injectFaults(FaultSettings.NONE);

    assertThat(browser.signIn(stack.gatewayUrl(), ADA).statusCode()).isEqualTo(302);
    assertThat(browser.getJson(stack.gatewayUrl() + "/app").bodyAsJsonObject().getString("screenName")).isEqualTo("ada");
  }

  private static LoginStack stackWithClient(Vertx vertx, JsonObject clientConfig) throws Exception {
    LoginStack.Options options = LoginStack.with();
    options.clientConfig = clientConfig;
    return options.start(vertx);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
