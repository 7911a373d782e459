package io.github.twitterlogin.service;

import io.github.twitterlogin.client.TwitterClientVerticle;
import io.github.twitterlogin.gateway.GatewayOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Deploys the roles a process runs, in dependency order: the sandbox before the Twitter client
 * that calls it, the client before the gateway that sends it requests. Each deployment is added
 * to {@link DeployedRoles}, which stops them in the reverse order.
 */
final class RoleDeployment {

  private RoleDeployment() {
  }

  /**
   * @return the ports the roles listen on: {@code http} for the gateway, {@code sandbox} for the
   *     sandbox, {@code metrics} for Prometheus's scrape
   */
  static Future<JsonObject> deploy(Vertx vertx, ServiceSettings settings, Function<GatewayOptions, WebApp> webApp,
      DeployedRoles deployed) {
    JsonObject ports = new JsonObject();
    settings.sandbox().ifPresent(sandbox -> ports.put("sandbox", sandbox.getInteger("port")));
    return deployMetrics(vertx, settings, deployed)
        .map(metricsPort -> metricsPort == null ? ports : ports.put("metrics", metricsPort))
        .compose(withMetrics -> deploySandbox(vertx, settings, deployed))
        .compose(sandbox -> deployTwitterClient(vertx, settings, deployed))
        .compose(client -> deployGateway(vertx, settings, webApp, deployed))
        .map(httpPort -> httpPort == null ? ports : ports.put("http", httpPort));
  }

  /** First, so that it stops last: Prometheus sees the roles stop. */
  private static Future<Integer> deployMetrics(Vertx vertx, ServiceSettings settings, DeployedRoles deployed) {
    if (!settings.metrics().enabled()) {
      return Future.succeededFuture();
    }
    MetricsVerticle metrics = new MetricsVerticle(settings.metrics());
    return vertx.deployVerticle(metrics).onSuccess(deployed::add).map(deployment -> metrics.actualPort());
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
    return vertx.deployVerticle(() -> new TwitterClientVerticle(settings.twitterClient()),
            new DeploymentOptions().setInstances(settings.twitterClientInstances()))
        .onSuccess(deployed::add)
        .mapEmpty();
  }

  /**
   * @return the port the first gateway instance listens on, null without the role; with a fixed
   *     {@code HTTP_PORT} every instance shares it, with port 0 Vert.x gives each instance its own
   */
  private static Future<Integer> deployGateway(Vertx vertx, ServiceSettings settings,
      Function<GatewayOptions, WebApp> webApp, DeployedRoles deployed) {
    if (!settings.runs(Role.GATEWAY)) {
      return Future.succeededFuture();
    }
    List<WebApp> instances = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
          WebApp instance = webApp.apply(settings.gateway());
          instances.add(instance);
          return instance.verticle();
        }, new DeploymentOptions().setInstances(settings.gatewayInstances()))
        .onSuccess(deployed::add)
        .map(deployment -> instances.get(0).actualPort().getAsInt());
  }
}
