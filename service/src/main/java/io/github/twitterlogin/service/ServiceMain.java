package io.github.twitterlogin.service;

import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
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
    ClusteredVertx.start(settings.cluster())
        .compose(vertx -> {
          DeployedRoles roles = new DeployedRoles();
          GracefulShutdown.onTerminationSignal(vertx, roles);
          return RoleDeployment.deploy(vertx, settings, roles)
              .compose(ports -> reportPorts(vertx, portsFile, ports))
              .map(vertx);
        })
        .onSuccess(vertx -> System.out.println(Banner.of(settings)))
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
