package io.github.twitterlogin.service;

import io.github.twitterlogin.client.TwitterClientVerticle;
import io.github.twitterlogin.gateway.GatewayVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Deploys the roles a process runs, in dependency order: the sandbox before the Twitter client
 * that calls it, the client before the gateway that sends it requests. Each deployment is added
 * to {@link DeployedRoles}, which stops them in the reverse order.
 */
final class RoleDeployment {

  private RoleDeployment() {
  }

  static Future<Void> deploy(Vertx vertx, ServiceSettings settings, DeployedRoles deployed) {
    return deploySandbox(vertx, settings, deployed)
        .compose(sandbox -> deployTwitterClient(vertx, settings, deployed))
        .compose(client -> deployGateway(vertx, settings, deployed));
  }

  private static Future<Void> deploySandbox(Vertx vertx, ServiceSettings settings, DeployedRoles deployed) {
    return settings.sandbox()
        .map(config -> EmbeddedSandbox.deploy(vertx, config, deployed))
        .orElseGet(Future::succeededFuture);
  }

  private static Future<Void> deployTwitterClient(Vertx vertx, ServiceSettings settings, DeployedRoles deployed) {
    if (!settings.runs(Role.TWITTER_CLIENT)) {
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(() -> new TwitterClientVerticle(),
            options(settings.twitterClient(), settings.twitterClientInstances()))
        .onSuccess(deployed::add)
        .mapEmpty();
  }

  private static Future<Void> deployGateway(Vertx vertx, ServiceSettings settings, DeployedRoles deployed) {
    if (!settings.runs(Role.GATEWAY)) {
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(() -> new GatewayVerticle(), options(settings.gateway(), settings.gatewayInstances()))
        .onSuccess(deployed::add)
        .mapEmpty();
  }

  private static DeploymentOptions options(JsonObject config, int instances) {
    return new DeploymentOptions().setConfig(config).setInstances(instances);
  }
}
