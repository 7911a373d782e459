package io.github.twitterlogin.examples;

import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ProfileLookupVerticle} in a process of its own: joins the cluster with the same
 * {@code CLUSTER_*} and {@code EVENT_BUS_*} variables as the service, deploys the verticle, and
 * leaves the cluster when the process is stopped.
 */
public final class ProfileLookupMain {

  /** Printed once the verticle answers on its address anywhere in the cluster. */
  public static final String READY = "Profile lookup example is answering on " + ProfileLookupVerticle.ADDRESS;

  private static final Logger LOG = LoggerFactory.getLogger(ProfileLookupMain.class);
  private static final long LEAVE_DEADLINE_SECONDS = 30;

  private ProfileLookupMain() {
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
    ClusteredVertx.start(cluster)
        .compose(vertx -> {
          leaveTheClusterOnExit(vertx);
          return vertx.deployVerticle(new ProfileLookupVerticle());
        })
        .onSuccess(deployed -> System.out.println(READY))
        .onFailure(failure -> {
          LOG.error("Cannot start: {}", failure.getMessage(), failure);
          System.exit(1);
        });
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
