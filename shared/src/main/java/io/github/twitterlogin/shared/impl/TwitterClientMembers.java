package io.github.twitterlogin.shared.impl;

import io.github.twitterlogin.shared.TwitterAddresses;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.cluster.ClusterMembership;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The members of the cluster that run a Twitter client, and the requests in flight to each, for
 * every facade of one Vert.x instance. The members are the nodes that consume
 * {@link TwitterAddresses#PING}, read from the cluster at the first request, again at most every
 * {@link #REFRESH_MILLIS} while requests are made and whenever a member joins or leaves. When a
 * member leaves, every request in flight to it fails at once with
 * {@link TwitterFailure#CLIENT_UNAVAILABLE}: Vert.x itself would wait for the event-bus timeout,
 * for a reply that can no longer come.
 */
final class TwitterClientMembers implements Shareable {

  static final long REFRESH_MILLIS = 2_000;
  private static final String LOCAL_MAP = "twitter-login.twitter-client-members";

  private final Vertx vertx;
  private final ClusterMembership cluster;
  private final Map<String, Set<Promise<?>>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong turn = new AtomicLong();
  private volatile List<String> consumers = List.of();
  private volatile long readAtNanos;
  private volatile boolean stale = true;
  private Future<List<String>> reading;

  private TwitterClientMembers(Vertx vertx, ClusterMembership cluster) {
    this.vertx = vertx;
    this.cluster = cluster;
  }

  /** The one of this Vert.x instance; none when it is not clustered with Hazelcast. */
  static Optional<TwitterClientMembers> of(Vertx vertx) {
    return ClusterMembership.of(vertx).map(cluster -> {
      LocalMap<String, TwitterClientMembers> shared = vertx.sharedData().getLocalMap(LOCAL_MAP);
      TwitterClientMembers created = new TwitterClientMembers(vertx, cluster);
      TwitterClientMembers existing = shared.putIfAbsent(LOCAL_MAP, created);
      if (existing != null) {
        return existing;
      }
      cluster.onMembersChanged(created::membersChanged);
      return created;
    });
  }

  /**
   * A node whose Twitter client takes the next request: this member's own when it runs one, so
   * that a process with both roles keeps its calls off the network; otherwise each member's in
   * turn, each as often as it has instances. None outside {@code excluded} when no Twitter client
   * runs on a live member.
   */
  Future<Optional<String>> pick(Set<String> excluded) {
    List<String> known = consumers;
    boolean fresh = !stale && System.nanoTime() - readAtNanos < REFRESH_MILLIS * 1_000_000;
    Optional<String> picked = pickFrom(known, excluded);
    if (picked.isPresent() && fresh) {
      return Future.succeededFuture(picked);
    }
    Future<List<String>> read = read();
    if (picked.isPresent()) {
      return Future.succeededFuture(picked);
    }
    // Before the first read, and when no client is known, the request waits for the read, on its own context.
    Promise<Optional<String>> waiting = ((ContextInternal) vertx.getOrCreateContext()).promise();
    read.map(nodes -> pickFrom(nodes, excluded)).otherwise(Optional.empty()).onComplete(waiting);
    return waiting.future();
  }

  private Optional<String> pickFrom(List<String> nodes, Set<String> excluded) {
    List<String> candidates = excluded.isEmpty() ? nodes
        : nodes.stream().filter(node -> !excluded.contains(node)).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    if (candidates.contains(cluster.nodeId())) {
      return Optional.of(cluster.nodeId());
    }
    return Optional.of(candidates.get((int) Math.floorMod(turn.getAndIncrement(), (long) candidates.size())));
  }

  private synchronized Future<List<String>> read() {
    if (reading != null) {
      return reading;
    }
    stale = false;
    reading = cluster.nodesConsuming(TwitterAddresses.PING)
        .map(nodes -> {
          List<String> members = cluster.nodes();
          return nodes.stream().filter(members::contains).toList();
        })
        .onComplete(read -> {
          synchronized (this) {
            reading = null;
          }
          if (read.succeeded()) {
            consumers = read.result();
            readAtNanos = System.nanoTime();
          } else {
            stale = true;
          }
        });
    return reading;
  }

  /**
   * Fails {@code request} at once should {@code node} leave the cluster before it completes. A
   * request tracked while its node is leaving is failed either by the leave or by the check here,
   * which comes after the request is in the set the leave takes.
   */
  void track(String node, Promise<?> request) {
    inFlight.computeIfAbsent(node, any -> ConcurrentHashMap.newKeySet()).add(request);
    request.future().onComplete(done -> {
      Set<Promise<?>> requests = inFlight.get(node);
      if (requests != null) {
        requests.remove(request);
      }
    });
    if (!cluster.nodes().contains(node)) {
      request.tryFail(memberLeft());
    }
  }

  /** On a Hazelcast thread; each request's promise completes on its own context. */
  private void membersChanged() {
    stale = true;
    Set<String> members = new HashSet<>(cluster.nodes());
    consumers = consumers.stream().filter(members::contains).toList();
    for (String node : List.copyOf(inFlight.keySet())) {
      if (!members.contains(node)) {
        failInFlightTo(node);
      }
    }
  }

  private void failInFlightTo(String node) {
    Set<Promise<?>> requests = inFlight.remove(node);
    if (requests == null) {
      return;
    }
    requests.forEach(request -> request.tryFail(memberLeft()));
  }

  private static TwitterFailureException memberLeft() {
    return new TwitterFailureException(TwitterFailure.CLIENT_UNAVAILABLE,
        "The member of the cluster whose Twitter client had the request left the cluster before it answered");
  }
}
