package io.github.twitterlogin.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * {@code PORTS_FILE}: where a process says which ports it listens on, once it does, as JSON:
 * {@code {"http":41023,"cluster":38211,"eventBus":40117,"sandbox":8900,"metrics":9464}} ({@code
 * http} with the gateway role, {@code sandbox} with the sandbox role, {@code metrics} unless
 * {@code METRICS_ENABLED=false}). A process told to bind port 0 gets a
 * free port from the OS; this file is how whoever started it learns which. It is written to a
 * temporary file and moved into place, so that a reader never sees half of it.
 */
final class PortsFile {

  private PortsFile() {
  }

  /** @param roles the ports of the roles this process deployed */
  static Future<Void> write(Vertx vertx, String path, JsonObject roles) {
    JsonObject ports = clusterPorts(vertx).mergeIn(roles);
    String partial = path + ".partial";
    return vertx.fileSystem().writeFile(partial, ports.toBuffer())
        .compose(written -> vertx.fileSystem().move(partial, path,
            new CopyOptions().setReplaceExisting(true).setAtomicMove(true)));
  }

  /** The cluster manager is not public API; it is the one place that knows what Hazelcast and the event bus got. */
  private static JsonObject clusterPorts(Vertx vertx) {
    HazelcastClusterManager cluster = (HazelcastClusterManager) ((VertxInternal) vertx).clusterManager();
    return new JsonObject()
        .put("cluster", cluster.getHazelcastInstance().getCluster().getLocalMember().getAddress().getPort())
        .put("eventBus", cluster.getNodeInfo().port());
  }
}
