package io.github.twitterlogin.shared.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.LocalMap;

/**
 * Keeps the clustered event bus from asking the cluster who consumes an address at every publish
 * to it. Vert.x 5.0's {@code DefaultNodeSelector} caches the consumers of an address once it has
 * some, and is told when they change; an address that nobody consumes is looked up again in
 * Hazelcast's {@code __vertx.subs} at every publish, most often on another member. The sign-in
 * events are published at every sign-in whether or not anybody listens, so each login paid one
 * more map operation while nobody did. A local consumer that drops what it hears makes the
 * lookup's result never empty: one per address and process, on a context of its own, so that it
 * outlives the verticle that asked for it; it is registered on this member only, so the cluster
 * sees no consumer and no other member delivers to it.
 */
public final class PublishedAddresses {

  private static final String LOCAL_MAP = "twitter-login.published-addresses";

  private PublishedAddresses() {
  }

  /** For each of {@code addresses} that this process publishes to; nothing when not clustered. */
  public static void keepRouted(Vertx vertx, String... addresses) {
    if (!vertx.isClustered()) {
      return;
    }
    LocalMap<String, Boolean> kept = vertx.sharedData().getLocalMap(LOCAL_MAP);
    ContextInternal context = null;
    for (String address : addresses) {
      if (kept.putIfAbsent(address, true) == null) {
        context = context != null ? context : ((VertxInternal) vertx).createEventLoopContext();
        context.runOnContext(start -> vertx.eventBus().localConsumer(address, dropped -> { }));
      }
    }
  }
}
