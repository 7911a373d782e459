package io.github.twitterlogin.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The deployments of the roles a process runs, newest first. Vert.x undeploys all deployments at
 * once when it closes; stopping them one by one, newest first, lets the gateway finish its
 * requests in flight while the Twitter client and the sandbox they need still run.
 */
final class DeployedRoles {

  private final Deque<String> newestFirst = new ConcurrentLinkedDeque<>();

  void add(String deploymentId) {
    newestFirst.push(deploymentId);
  }

  Future<Void> undeployNewestFirst(Vertx vertx) {
    Future<Void> undeployed = Future.succeededFuture();
    for (String deploymentId : List.copyOf(newestFirst)) {
      undeployed = undeployed.compose(previous -> vertx.undeploy(deploymentId));
    }
    return undeployed;
  }
}
