package io.github.twitterlogin.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * On SIGTERM (or SIGINT): stop the roles newest first (the gateway stops taking connections and
 * lets requests in flight finish while the Twitter client they need still runs), give the last
 * event-bus replies a moment to leave, then close Vert.x, which leaves the cluster, and exit 0.
 * The JVM's default handling would exit 143 and race Hazelcast's own shutdown hook.
 */
final class GracefulShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
  private static final long DEADLINE_SECONDS = 60;
  // Vert.x does not say when a reply has been written, and closing the event bus drops the ones
  // still queued, such as a Twitter client's last reply on a connection still being opened.
  private static final long QUEUED_REPLIES_GRACE_MILLIS = 500;
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private GracefulShutdown() {
  }

  static void onTerminationSignal(Vertx vertx, DeployedRoles roles) {
    Signal.handle(new Signal("TERM"), signal -> shutDown(vertx, roles, signal.getName()));
    Signal.handle(new Signal("INT"), signal -> shutDown(vertx, roles, signal.getName()));
  }

  private static void shutDown(Vertx vertx, DeployedRoles roles, String signal) {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    new Thread(() -> {
      LOG.info("SIG{}: finishing requests in flight and leaving the cluster", signal);
      int status;
      try {
        Future<Void> rolesStopped = roles.undeployNewestFirst(vertx)
            .onFailure(failure -> LOG.warn("A role did not stop cleanly: {}", failure.toString()));
        rolesStopped
            .transform(stopped -> vertx.timer(QUEUED_REPLIES_GRACE_MILLIS))
            .transform(repliesSent -> vertx.close())
            .await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        status = rolesStopped.succeeded() ? 0 : 1;
        LOG.info("Left the cluster; exiting");
      } catch (Exception failure) {
        LOG.warn("Shutdown did not finish cleanly: {}", failure.toString());
        status = 1;
      }
      System.exit(status);
    }, "graceful-shutdown").start();
  }
}
