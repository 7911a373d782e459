package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.shared.testing.TestClock;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A login left too long: refused by the gateway's own limit, or by Twitter's request-token lifetime. */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class LoginExpiryTest {

  private static final String ADA = "1000000001";

  @Test
  void loginOlderThanTheGatewaysLimitIsRefused(Vertx vertx) throws Exception {
    TestClock gatewayClock = TestClock.realTime();
    LoginStack.Options options = LoginStack.with();
    options.gatewayClock = gatewayClock;
    options.gatewayConfig = LoopbackDeployments.gatewayConfig().put("auth", new JsonObject().put("loginTimeoutSeconds", 600));
    LoginStack stack = options.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String callback = browser.consent(browser.get(stack.gatewayUrl() + "/auth").getHeader("Location"), ADA, "authorize");
    gatewayClock.advance(Duration.ofSeconds(601));

    HttpResponse<Buffer> late = browser.get(callback);

    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.bodyAsString()).contains("This sign-in was not started here or has expired. Try again.");
  }

  @Test
  void requestTokenExpiredAtTwitterAsksToTryAgain(Vertx vertx) throws Exception {
    TestClock sandboxClock = TestClock.realTime();
    LoginStack.Options options = LoginStack.with();
    options.sandboxClock = sandboxClock;
    options.sandboxConfig = new JsonObject().put("requestTokenLifetimeSeconds", 60);
    LoginStack stack = options.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String callback = browser.consent(browser.get(stack.gatewayUrl() + "/auth").getHeader("Location"), ADA, "authorize");
    sandboxClock.advance(Duration.ofSeconds(61));

    HttpResponse<Buffer> late = browser.get(callback);

    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.bodyAsString()).contains("Sign-in failed", "Try again.", "href=\"/auth\"");
  }
}
