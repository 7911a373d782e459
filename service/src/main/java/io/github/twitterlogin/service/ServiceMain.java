package io.github.twitterlogin.service;

import io.github.twitterlogin.gateway.GatewayOptions;
import io.github.twitterlogin.gateway.GatewayVerticle;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one process of the cluster: joins it, deploys the roles that {@code ROLES} names, and on
 * SIGTERM leaves it cleanly and exits 0.
 */
public final class ServiceMain {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);

  private ServiceMain() {
  }

  public static void main(String[] args) {
    run(options -> {
      GatewayVerticle gateway = new GatewayVerticle(options);
      return new WebApp(gateway, gateway::actualPort);
    });
  }

  /**
   * Starts a process of the cluster from the environment, whose {@code gateway} role deploys
   * {@code webApp} (one per {@code GATEWAY_INSTANCES}, each with the gateway's options).
   */
  public static void run(Function<GatewayOptions, WebApp> webApp) {
    // Hazelcast logs its first lines before it reads its config: tell it now where to log.
    System.setProperty("hazelcast.logging.type", "slf4j");
    ServiceSettings settings;
    try {
      settings = ServiceSettings.fromEnvironment(Environment.system());
    } catch (IllegalArgumentException badSetting) {
      System.err.println("Cannot start: " + badSetting.getMessage());
      System.exit(2);
      return;
    }
    Optional<String> portsFile = Environment.system().optional("PORTS_FILE");
    ClusteredVertx.start(settings.cluster(), settings.metrics().vertxOptions())
        .compose(vertx -> {
          DeployedRoles roles = new DeployedRoles();
          GracefulShutdown.onTerminationSignal(vertx, roles);
          return RoleDeployment.deploy(vertx, settings, webApp, roles)
              .compose(ports -> reportPorts(vertx, portsFile, ports).map(ports));
        })
        .onSuccess(ports -> System.out.println(Banner.of(settings, ports)))
        .onFailure(failure -> {
          LOG.error("Cannot start: {}", failure.getMessage(), failure);
          System.exit(1);
        });
  }

  /** Before the banner, so that whoever waits for the banner finds the file written. */
  private static Future<Void> reportPorts(Vertx vertx, Optional<String> portsFile, JsonObject ports) {
    return portsFile.map(path -> PortsFile.write(vertx, path, ports)).orElseGet(Future::succeededFuture);
  }
}
