package io.github.twitterlogin.examples;

import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link UserReportsVerticle} in a process of its own: joins the cluster with the same
 * {@code CLUSTER_*} and {@code EVENT_BUS_*} variables as the service, deploys the verticle, and
 * leaves the cluster when the process is stopped.
 */
public final class UserReportsMain {

  /** Printed once the verticle hears the sign-ins and answers on its addresses anywhere in the cluster. */
  public static final String READY = "User reports example is listening for sign-ins; reports on "
      + UserReportsVerticle.REPORT_ADDRESS;

  private static final Logger LOG = LoggerFactory.getLogger(UserReportsMain.class);
  private static final long LEAVE_DEADLINE_SECONDS = 30;

  private UserReportsMain() {
  }

  public static void main(String[] args) {
    // Hazelcast logs its first lines before it reads its config: tell it now where to log.
    System.setProperty("hazelcast.logging.type", "slf4j");
    ClusterSettings cluster;
    try {
      cluster = ClusterSettings.fromEnvironment(Environment.system());
    } catch (IllegalArgumentException badSetting) {
      System.err.println("Cannot start: " + badSetting.getMessage());
      System.exit(2);
      return;
    }
    Optional<String> portsFile = Environment.system().optional("PORTS_FILE");
    ClusteredVertx.start(cluster)
        .compose(vertx -> {
          leaveTheClusterOnExit(vertx);
          return vertx.deployVerticle(new UserReportsVerticle())
              .compose(deployed -> portsFile.map(path -> reportPorts(vertx, path)).orElseGet(Future::succeededFuture));
        })
        .onSuccess(deployed -> System.out.println(READY))
        .onFailure(failure -> {
          LOG.error("Cannot start: {}", failure.getMessage(), failure);
          System.exit(1);
        });
  }

  /**
   * {@code PORTS_FILE}, when set, receives {@code {"cluster":<port>,"eventBus":<port>}} once the
   * process has joined: how whoever started it on port 0 learns the ports. Written whole, then
   * moved into place, so that a reader never sees half of it.
   */
  private static Future<Void> reportPorts(Vertx vertx, String path) {
    // The cluster manager is not public API; it is the one place that knows the ports Hazelcast and the event bus got.
    HazelcastClusterManager manager = (HazelcastClusterManager) ((VertxInternal) vertx).clusterManager();
    JsonObject ports = new JsonObject()
        .put("cluster", manager.getHazelcastInstance().getCluster().getLocalMember().getAddress().getPort())
        .put("eventBus", manager.getNodeInfo().port());
    String partial = path + ".partial";
    return vertx.fileSystem().writeFile(partial, ports.toBuffer())
        .compose(written -> vertx.fileSystem().move(partial, path,
            new CopyOptions().setReplaceExisting(true).setAtomicMove(true)));
  }

  /** Leaving, rather than vanishing, spares the other members the wait for a missed heartbeat. */
  private static void leaveTheClusterOnExit(Vertx vertx) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await(LEAVE_DEADLINE_SECONDS, TimeUnit.SECONDS);
      } catch (Exception failure) {
        LOG.warn("Could not leave the cluster cleanly: {}", failure.toString());
      }
    }, "leave-cluster"));
  }
}
