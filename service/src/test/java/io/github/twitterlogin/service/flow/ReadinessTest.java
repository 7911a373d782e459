package io.github.twitterlogin.service.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.twitterlogin.client.TwitterClientVerticle;
import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.service.testing.SecretsStayOutOfLogs;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness follows the real Twitter client verticle: down once it is undeployed, up once it is back. */
@ExtendWith({VertxExtension.class, SecretsStayOutOfLogs.class})
class ReadinessTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void readyGoesDownWhenTheTwitterClientStopsAndUpWhenItIsBack(Vertx vertx) throws Exception {
    LoginStack.Options options = LoginStack.with();
    options.withTwitterClient = false;
    LoginStack stack = options.start(vertx);
    SignInBrowser browser = new SignInBrowser(vertx);
    String ready = stack.gatewayUrl() + "/health/ready";
    assertThat(browser.get(ready).statusCode()).isEqualTo(503);

    String client = deployTwitterClient(vertx, stack);
    awaitStatus(browser, ready, 200);
    assertThat(browser.get(stack.gatewayUrl() + "/health/live").statusCode()).isEqualTo(200);

    vertx.undeploy(client).await(30, TimeUnit.SECONDS);
    awaitStatus(browser, ready, 503);
    assertThat(browser.get(stack.gatewayUrl() + "/health/live").statusCode()).as("live all along").isEqualTo(200);

    deployTwitterClient(vertx, stack);
    awaitStatus(browser, ready, 200);
  }

  private static String deployTwitterClient(Vertx vertx, LoginStack stack) throws Exception {
    return vertx.deployVerticle(new TwitterClientVerticle(), new DeploymentOptions().setConfig(new JsonObject()
            .put("apiBaseUrl", stack.witness.url())
            .put("consumerKey", SandboxConsumer.DEFAULT_KEY)
            .put("consumerSecret", SandboxConsumer.DEFAULT_SECRET)
            .put("tokenEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS)))
        .await(30, TimeUnit.SECONDS);
  }

  private static void awaitStatus(SignInBrowser browser, String url, int status) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    int last;
    do {
      last = browser.get(url).statusCode();
      if (last == status) {
        return;
      }
    } while (System.nanoTime() < end);
    throw new AssertionError(url + " still answers " + last + ", not " + status);
  }
}
