package io.github.twitterlogin.service.flow;

import io.github.twitterlogin.gateway.GatewayVerticle;
import io.github.twitterlogin.sandbox.FaultSettings;
import io.github.twitterlogin.sandbox.TwitterSandboxVerticle;
import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.service.testing.SandboxWitness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

/**
 * The whole service in the test JVM, on free loopback ports: the sandbox playing Twitter, a
 * Twitter client verticle calling it through the {@link SandboxWitness} (which checks every
 * signature independently and learns the secrets the sandbox issues), and a gateway that reaches
 * the client only over the event bus. Each part may be left out or given its own clock.
 */
final class LoginStack {

  final Vertx vertx;
  final TwitterSandboxVerticle sandbox;
  final SandboxWitness witness;
  final GatewayVerticle gateway;

  private LoginStack(Vertx vertx, TwitterSandboxVerticle sandbox, SandboxWitness witness, GatewayVerticle gateway) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.witness = witness;
    this.gateway = gateway;
  }

  /** How to put the stack together: clocks, settings, and whether a Twitter client runs at all. */
  static final class Options {
    Clock sandboxClock = Clock.systemUTC();
    Clock gatewayClock = Clock.systemUTC();
    Clock twitterClientClock = Clock.systemUTC();
    JsonObject sandboxConfig = new JsonObject();
    JsonObject clientConfig = new JsonObject();
    JsonObject gatewayConfig = LoopbackDeployments.gatewayConfig();
    boolean withTwitterClient = true;

    LoginStack start(Vertx vertx) throws Exception {
      TwitterSandboxVerticle sandbox = new TwitterSandboxVerticle(sandboxClock);
      LoopbackDeployments.deploy(vertx, sandbox, sandboxConfig);
      SandboxWitness witness = LoopbackDeployments.witness(vertx, LoopbackDeployments.url(sandbox.actualPort()));
      if (withTwitterClient) {
        LoopbackDeployments.twitterClient(vertx, witness.url(), clientConfig, twitterClientClock);
      }
      GatewayVerticle gateway = new GatewayVerticle(gatewayClock);
      LoopbackDeployments.deploy(vertx, gateway, gatewayConfig);
      return new LoginStack(vertx, sandbox, witness, gateway);
    }
  }

  static Options with() {
    return new Options();
  }

  static LoginStack start(Vertx vertx) throws Exception {
    return with().start(vertx);
  }

  String gatewayUrl() {
    return LoopbackDeployments.url(gateway.actualPort());
  }

  void injectFaults(FaultSettings faults) {
    sandbox.injectFaults(faults);
  }
}
