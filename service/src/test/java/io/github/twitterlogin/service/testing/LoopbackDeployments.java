package io.github.twitterlogin.service.testing;

import io.github.twitterlogin.client.TwitterClientVerticle;
import io.github.twitterlogin.gateway.GatewayVerticle;
import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.sandbox.SandboxOAuth2Client;
import io.github.twitterlogin.sandbox.TwitterSandboxVerticle;
import io.github.twitterlogin.shared.testing.TestKeys;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Deploys the service's real verticles on 127.0.0.1, each on a free port, and returns the URL a
 * browser reaches it at. Called on the test thread: each deployment is awaited with a deadline.
 */
public final class LoopbackDeployments {

  private static final String HOST = "127.0.0.1";
  private static final long DEPLOY_SECONDS = 30;

  private LoopbackDeployments() {
  }

  /** The sandbox, whose one consumer is the sandbox's default app with these callback prefixes. */
  public static String sandbox(Vertx vertx, List<String> callbackPrefixes) throws Exception {
    TwitterSandboxVerticle sandbox = new TwitterSandboxVerticle();
    JsonObject consumer = new JsonObject()
        .put("key", SandboxConsumer.DEFAULT_KEY)
        .put("secret", SandboxConsumer.DEFAULT_SECRET)
        .put("callbackPrefix", new JsonArray(callbackPrefixes))
        .put("appName", "Twitter Login Gateway");
    deploy(vertx, sandbox, new JsonObject().put("consumers", new JsonArray().add(consumer)));
    return url(sandbox.actualPort());
  }

  /**
   * The witness in front of a sandbox whose one consumer is the sandbox's default app: give the
   * Twitter client its URL instead of the sandbox's.
   */
  public static SandboxWitness witness(Vertx vertx, String sandboxUrl) throws Exception {
    return SandboxWitness.start(vertx, sandboxUrl, Map.of(SandboxConsumer.DEFAULT_KEY, SandboxConsumer.DEFAULT_SECRET));
  }

  public static void twitterClient(Vertx vertx, String sandboxUrl) throws Exception {
    twitterClient(vertx, sandboxUrl, new JsonObject());
  }

  /** A Twitter client of the sandbox's default app; {@code config} overrides any key. */
  public static void twitterClient(Vertx vertx, String sandboxUrl, JsonObject config) throws Exception {
    twitterClient(vertx, sandboxUrl, config, Clock.systemUTC());
  }

  /**
   * A Twitter client of the sandbox's default app and its default OAuth 2.0 client, dating
   * OAuth 2.0 tokens with {@code clock}; {@code config} overrides any key.
   */
  public static void twitterClient(Vertx vertx, String sandboxUrl, JsonObject config, Clock clock) throws Exception {
    deploy(vertx, new TwitterClientVerticle(null, clock), new JsonObject()
        .put("apiBaseUrl", sandboxUrl)
        .put("consumerKey", SandboxConsumer.DEFAULT_KEY)
        .put("consumerSecret", SandboxConsumer.DEFAULT_SECRET)
        .put("clientId", SandboxOAuth2Client.DEFAULT_CLIENT_ID)
        .put("clientSecret", SandboxOAuth2Client.DEFAULT_CLIENT_SECRET)
        .put("tokenEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS)
        .mergeIn(config));
  }

  /** A gateway that browsers reach directly: its public URL is its own. */
  public static String gateway(Vertx vertx) throws Exception {
    GatewayVerticle gateway = new GatewayVerticle();
    deploy(vertx, gateway, gatewayConfig());
    return url(gateway.actualPort());
  }

  /** A gateway that browsers reach directly, its handler's {@code TwitterAuthOptions} given as JSON. */
  public static String gateway(Vertx vertx, JsonObject auth) throws Exception {
    GatewayVerticle gateway = new GatewayVerticle();
    deploy(vertx, gateway, gatewayConfig().put("auth", auth));
    return url(gateway.actualPort());
  }

  /** A gateway behind a load balancer at {@code publicUrl}: Twitter sends browsers back there. */
  public static String gatewayBehind(Vertx vertx, String publicUrl) throws Exception {
    GatewayVerticle gateway = new GatewayVerticle();
    deploy(vertx, gateway, gatewayConfig().put("publicUrl", publicUrl));
    return url(gateway.actualPort());
  }

  /** What every gateway of a test needs: the keys that seal its sessions. */
  public static JsonObject gatewayConfig() {
    return new JsonObject().put("sessionEncryptionKeys", TestKeys.SESSION_ENCRYPTION_KEYS);
  }

  /** Deploys the verticle on 127.0.0.1, port 0 unless {@code config} says otherwise. */
  public static void deploy(Vertx vertx, Deployable verticle, JsonObject config) throws Exception {
    JsonObject onLoopback = new JsonObject().put("host", HOST).put("port", 0).mergeIn(config);
    vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(onLoopback))
        .await(DEPLOY_SECONDS, TimeUnit.SECONDS);
  }

  public static String url(int port) {
    return "http://" + HOST + ":" + port;
  }
}
