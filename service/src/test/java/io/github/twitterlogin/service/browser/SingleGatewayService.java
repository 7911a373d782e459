package io.github.twitterlogin.service.browser;

import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/**
 * The service as one process runs it by default: sandbox, Twitter client and gateway in one
 * Vert.x, with the witness between the Twitter client and the sandbox.
 */
public final class SingleGatewayService implements AutoCloseable {

  private static final long CLOSE_SECONDS = 30;

  private final Vertx vertx;
  private final String sandboxUrl;
  private final String gatewayUrl;

  private SingleGatewayService(Vertx vertx, String sandboxUrl, String gatewayUrl) {
    this.vertx = vertx;
    this.sandboxUrl = sandboxUrl;
    this.gatewayUrl = gatewayUrl;
  }

  public static SingleGatewayService start() throws Exception {
    return start(new JsonObject());
  }

  /** With the gateway's login running OAuth 2.0 with PKCE ({@code TWITTER_AUTH=oauth2}). */
  public static SingleGatewayService startOAuth2() throws Exception {
    return start(new JsonObject().put("flow", "oauth2"));
  }

  private static SingleGatewayService start(JsonObject auth) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      String sandboxUrl = LoopbackDeployments.sandbox(vertx, SandboxConsumer.DEFAULT_CALLBACK_PREFIXES);
      // The browser reaches the consent page through the witness too: it is Twitter's URL for the client.
      LoopbackDeployments.twitterClient(vertx, LoopbackDeployments.witness(vertx, sandboxUrl).url());
      return new SingleGatewayService(vertx, sandboxUrl, LoopbackDeployments.gateway(vertx, auth));
    } catch (Exception | Error failed) {
      try {
        vertx.close().await(CLOSE_SECONDS, TimeUnit.SECONDS);
      } catch (Exception closeFailed) {
        failed.addSuppressed(closeFailed);
      }
      throw failed;
    }
  }

  /** The sandbox's URL, without a trailing slash. */
  public String sandboxUrl() {
    return sandboxUrl;
  }

  /** The gateway's URL, without a trailing slash. */
  public String gatewayUrl() {
    return gatewayUrl;
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(CLOSE_SECONDS, TimeUnit.SECONDS);
  }
}
