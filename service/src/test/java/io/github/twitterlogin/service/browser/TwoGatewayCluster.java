package io.github.twitterlogin.service.browser;

import io.github.twitterlogin.shared.testing.LoopbackPorts;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.ClusteredVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Two members of one cluster, each its own Hazelcast member on 127.0.0.1 with a gateway, as
 * behind a load balancer: both gateways give Twitter the second one's URL as their public URL,
 * and the sandbox approves only callbacks to the second one. A login started on the first can
 * only end on the second, which finds the session in the cluster.
 */
final class TwoGatewayCluster implements AutoCloseable {

  private static final long CLUSTER_SECONDS = 120;

  private final List<Vertx> members;
  private final String firstGatewayUrl;
  private final String secondGatewayUrl;

  private TwoGatewayCluster(List<Vertx> members, String firstGatewayUrl, String secondGatewayUrl) {
    this.members = members;
    this.firstGatewayUrl = firstGatewayUrl;
    this.secondGatewayUrl = secondGatewayUrl;
  }

  static TwoGatewayCluster start() throws Exception {
    List<Vertx> members = startMembers("browser-test-" + UUID.randomUUID(), LoopbackPorts.distinct(2));
    try {
      String second = LoopbackDeployments.gateway(members.get(1));
      String first = LoopbackDeployments.gatewayBehind(members.get(0), second);
      String sandboxUrl = LoopbackDeployments.sandbox(members.get(0), List.of(second + "/"));
      LoopbackDeployments.twitterClient(members.get(0), sandboxUrl);
      return new TwoGatewayCluster(members, first, second);
    } catch (Exception | Error failed) {
      closeAfter(failed, members);
      throw failed;
    }
  }

  /** Joins the members in parallel; when one cannot start, the others are closed before failing. */
  private static List<Vertx> startMembers(String clusterName, List<Integer> ports) throws Exception {
    List<Future<Vertx>> starting = ports.stream()
        .map(port -> ClusteredVertx.start(ClusterSettings.loopback(clusterName, port, ports)))
        .toList();
    try {
      Future.join(starting).await(CLUSTER_SECONDS, TimeUnit.SECONDS);
      return starting.stream().map(Future::result).toList();
    } catch (Exception | Error failed) {
      closeAfter(failed, starting.stream().filter(Future::succeeded).map(Future::result).toList());
      throw failed;
    }
  }

  /** Where the browser starts. */
  String firstGatewayUrl() {
    return firstGatewayUrl;
  }

  /** The public URL of both gateways, and so where Twitter sends the browser back to. */
  String secondGatewayUrl() {
    return secondGatewayUrl;
  }

  @Override
  public void close() throws Exception {
    close(members);
  }

  private static void closeAfter(Throwable failure, List<Vertx> members) {
    try {
      close(members);
    } catch (Exception closeFailed) {
      failure.addSuppressed(closeFailed);
    }
  }

  private static void close(List<Vertx> members) throws Exception {
    Future.join(members.stream().map(Vertx::close).toList()).await(CLUSTER_SECONDS, TimeUnit.SECONDS);
  }
}
