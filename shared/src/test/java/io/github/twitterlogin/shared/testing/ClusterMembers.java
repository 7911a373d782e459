package io.github.twitterlogin.shared.testing;

import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Clustered Vert.x instances in the test JVM, each its own Hazelcast member on 127.0.0.1 with a
 * free port, all in a cluster of a name of their own (TCP-IP join, never multicast). Called from
 * the test thread: starting and closing are awaited with a deadline.
 */
public final class ClusterMembers implements AutoCloseable {

  private static final long DEADLINE_SECONDS = 120;

  private final List<Vertx> members;

  private ClusterMembers(List<Vertx> members) {
    this.members = members;
  }

  /** Joins the members in parallel; when one cannot start, the others are closed before failing. */
  public static ClusterMembers startOnLoopback(String namePrefix, int count) throws Exception {
    String name = namePrefix + "-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.distinct(count);
    List<Future<Vertx>> starting = ports.stream()
        .map(port -> ClusteredVertx.start(ClusterSettings.loopback(name, port, ports)))
        .toList();
    try {
      Future.join(starting).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      return new ClusterMembers(starting.stream().map(Future::result).toList());
    } catch (Exception | Error failed) {
      new ClusterMembers(starting.stream().filter(Future::succeeded).map(Future::result).toList()).closeAfter(failed);
      throw failed;
    }
  }

  public Vertx get(int index) {
    return members.get(index);
  }

  /** Closes every member, adding a failure to close to the failure that made the test stop. */
  public void closeAfter(Throwable failure) {
    try {
      close();
    } catch (Exception closeFailed) {
      failure.addSuppressed(closeFailed);
    }
  }

  @Override
  public void close() throws Exception {
    Future.join(members.stream().map(Vertx::close).toList()).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }
}
