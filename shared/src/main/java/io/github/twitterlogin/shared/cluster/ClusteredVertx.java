package io.github.twitterlogin.shared.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Starts a Vert.x instance that is a member of the cluster described by {@link ClusterSettings}. */
public final class ClusteredVertx {

  private ClusteredVertx() {
  }

  public static Future<Vertx> start(ClusterSettings settings) {
    return start(settings, new VertxOptions());
  }

  public static Future<Vertx> start(ClusterSettings settings, VertxOptions options) {
    EventBusOptions eventBus = options.getEventBusOptions()
        .setHost(settings.host())
        .setPort(settings.eventBusPort());
    if (settings.publicHost() != null) {
      eventBus.setClusterPublicHost(settings.publicHost());
    }
    settings.eventBusTls().ifPresent(tls -> tls.applyTo(eventBus));
    // Before Hazelcast starts its threads, so that every one of them sees the pool.
    HazelcastAsyncExecutor.install();
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(HazelcastClusterConfig.create(settings)))
        .buildClustered();
  }
}
