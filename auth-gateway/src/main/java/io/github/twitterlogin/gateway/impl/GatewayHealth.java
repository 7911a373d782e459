package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.shared.TwitterClient;
import io.github.twitterlogin.shared.cluster.ClusterMembership;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.spi.cluster.hazelcast.ClusterHealthCheck;
import java.util.Optional;

/**
 * {@code /health/live} and {@code /health/ready} for a load balancer or an orchestrator, with
 * vertx-health-check: one tree of procedures, whose {@code live} group says the process serves
 * requests, and whose {@code ready} group says this gateway can sign people in: it is a member of
 * the cluster, the cluster is safe (Hazelcast's partitions all owned and backed up, vertx-hazelcast's
 * {@link ClusterHealthCheck}), and a Twitter client answers on the event bus. {@code /health},
 * the whole tree, is up exactly when ready is. Up answers 200, down 503, with the checks as JSON.
 */
public final class GatewayHealth {

  // Each procedure answers within its own probe timeout; the check's is a last resort.
  private static final long SLACK_MILLIS = 1_000;

  private final HealthCheckHandler handler;

  /** @param twitter a facade with a short timeout, {@code probeTimeoutMillis}: a health check must answer quickly */
  public GatewayHealth(Vertx vertx, TwitterClient twitter, long probeTimeoutMillis) {
    HealthChecks checks = HealthChecks.create(vertx);
    checks.register("live/server", done -> done.complete(Status.OK()));
    Optional<ClusterMembership> cluster = ClusterMembership.of(vertx);
    checks.register("ready/cluster-member", done -> done.complete(member(cluster)));
    cluster.ifPresent(member -> checks.register("ready/cluster-safe", probeTimeoutMillis + SLACK_MILLIS,
        clusterSafe(vertx, member)));
    checks.register("ready/twitter-client", probeTimeoutMillis + SLACK_MILLIS, done -> twitter.ping()
        .map(pong -> Status.OK())
        .otherwise(failure -> Status.KO(new JsonObject().put("reason", failure.getMessage())))
        .onComplete(done));
    this.handler = HealthCheckHandler.createWithHealthChecks(checks);
  }

  /** For the route {@code /health*}: the rest of the path names the group or the procedure. */
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    handler.handle(ctx);
  }

  private static Status member(Optional<ClusterMembership> cluster) {
    if (cluster.isEmpty()) {
      return Status.OK(new JsonObject().put("clustered", false));
    }
    return cluster.get().isMember() ? Status.OK() : Status.KO(new JsonObject().put("reason", "not in the cluster"));
  }

  /** A member that has left cannot tell whether the cluster is safe; it is not ready either way. */
  private static Handler<Promise<Status>> clusterSafe(Vertx vertx, ClusterMembership member) {
    Handler<Promise<Status>> safe = ClusterHealthCheck.createProcedure(vertx);
    return done -> {
      if (member.isMember()) {
        safe.handle(done);
      } else {
        done.complete(Status.KO(new JsonObject().put("reason", "not in the cluster")));
      }
    };
  }
}
