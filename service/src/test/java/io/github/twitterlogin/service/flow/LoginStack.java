package io.github.twitterlogin.service.flow;

import io.github.twitterlogin.client.TwitterClientVerticle;
import io.github.twitterlogin.gateway.GatewayVerticle;
import io.github.twitterlogin.sandbox.FaultSettings;
import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.sandbox.TwitterSandboxVerticle;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The whole service in the test JVM, on free loopback ports: the sandbox playing Twitter, a
 * Twitter client verticle calling it, and a gateway that reaches the client only over the event
 * bus. Each part may be left out or given its own clock.
 */
final class LoginStack {

  final Vertx vertx;
  final TwitterSandboxVerticle sandbox;
  final GatewayVerticle gateway;

  private LoginStack(Vertx vertx, TwitterSandboxVerticle sandbox, GatewayVerticle gateway) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.gateway = gateway;
  }

  /** How to put the stack together: clocks, settings, and whether a Twitter client runs at all. */
  static final class Options {
    Clock sandboxClock = Clock.systemUTC();
    Clock gatewayClock = Clock.systemUTC();
    JsonObject sandboxConfig = new JsonObject();
    JsonObject clientConfig = new JsonObject();
    JsonObject gatewayConfig = new JsonObject();
    boolean withTwitterClient = true;

    LoginStack start(Vertx vertx) throws Exception {
      TwitterSandboxVerticle sandbox = new TwitterSandboxVerticle(sandboxClock);
      deploy(vertx, sandbox, loopback().mergeIn(sandboxConfig));
      if (withTwitterClient) {
        deployTwitterClient(vertx, sandbox, clientConfig);
      }
      GatewayVerticle gateway = new GatewayVerticle(gatewayClock);
      deploy(vertx, gateway, loopback().mergeIn(gatewayConfig));
      return new LoginStack(vertx, sandbox, gateway);
    }
  }

  static Options with() {
    return new Options();
  }

  static LoginStack start(Vertx vertx) throws Exception {
    return with().start(vertx);
  }

  static void deployTwitterClient(Vertx vertx, TwitterSandboxVerticle sandbox, JsonObject config) throws Exception {
    JsonObject client = new JsonObject()
        .put("apiBaseUrl", "http://127.0.0.1:" + sandbox.actualPort())
        .put("consumerKey", SandboxConsumer.DEFAULT_KEY)
        .put("consumerSecret", SandboxConsumer.DEFAULT_SECRET)
        .mergeIn(config);
    await(vertx.deployVerticle(new TwitterClientVerticle(), new DeploymentOptions().setConfig(client)));
  }

  static JsonObject loopback() {
    return new JsonObject().put("host", "127.0.0.1").put("port", 0);
  }

  static void deploy(Vertx vertx, Deployable verticle, JsonObject config) throws Exception {
    await(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + gateway.actualPort();
  }

  void injectFaults(FaultSettings faults) {
    sandbox.injectFaults(faults);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(60, TimeUnit.SECONDS);
  }
}
