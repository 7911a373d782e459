package io.github.twitterlogin.service;

import io.github.twitterlogin.client.TwitterClientVerticle;
import io.github.twitterlogin.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Deploys the roles a process runs, in dependency order: the sandbox before the Twitter client
 * that calls it, the client before the gateway that sends it requests.
 */
final class RoleDeployment {

  private RoleDeployment() {
  }

  static Future<Void> deploy(Vertx vertx, ServiceSettings settings) {
    return deploySandbox(vertx, settings)
        .compose(sandbox -> deployTwitterClient(vertx, settings))
        .compose(client -> deployGateway(vertx, settings));
  }

  private static Future<Void> deploySandbox(Vertx vertx, ServiceSettings settings) {
    return settings.sandbox()
        .map(config -> EmbeddedSandbox.deploy(vertx, config))
        .orElseGet(Future::succeededFuture);
  }

  private static Future<Void> deployTwitterClient(Vertx vertx, ServiceSettings settings) {
    if (!settings.runs(Role.TWITTER_CLIENT)) {
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(TwitterClientVerticle::new,
            options(settings.twitterClient(), settings.twitterClientInstances()))
        .mapEmpty();
  }

  private static Future<Void> deployGateway(Vertx vertx, ServiceSettings settings) {
    if (!settings.runs(Role.GATEWAY)) {
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(() -> new GatewayVerticle(), options(settings.gateway(), settings.gatewayInstances()))
        .mapEmpty();
  }

  private static DeploymentOptions options(JsonObject config, int instances) {
    return new DeploymentOptions().setConfig(config).setInstances(instances);
  }
}
