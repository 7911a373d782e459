package io.github.twitterlogin.service.browser;

import io.github.twitterlogin.service.testing.LoopbackDeployments;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import java.util.List;

/**
 * Two members of one cluster, each its own Hazelcast member on 127.0.0.1 with a gateway, as
 * behind a load balancer: both gateways give Twitter the second one's URL as their public URL,
 * and the sandbox approves only callbacks to the second one. A login started on the first can
 * only end on the second, which finds the session in the cluster.
 */
public final class TwoGatewayCluster implements AutoCloseable {

  private final ClusterMembers members;
  private final String firstGatewayUrl;
  private final String secondGatewayUrl;

  private TwoGatewayCluster(ClusterMembers members, String firstGatewayUrl, String secondGatewayUrl) {
    this.members = members;
    this.firstGatewayUrl = firstGatewayUrl;
    this.secondGatewayUrl = secondGatewayUrl;
  }

  public static TwoGatewayCluster start() throws Exception {
    ClusterMembers members = ClusterMembers.startOnLoopback("browser-test", 2);
    try {
      String second = LoopbackDeployments.gateway(members.get(1));
      String first = LoopbackDeployments.gatewayBehind(members.get(0), second);
      String sandboxUrl = LoopbackDeployments.sandbox(members.get(0), List.of(second + "/"));
      LoopbackDeployments.twitterClient(members.get(0), LoopbackDeployments.witness(members.get(0), sandboxUrl).url());
      return new TwoGatewayCluster(members, first, second);
    } catch (Exception | Error failed) {
      members.closeAfter(failed);
      throw failed;
    }
  }

  /** Where the browser starts. */
  public String firstGatewayUrl() {
    return firstGatewayUrl;
  }

  /** The public URL of both gateways, and so where Twitter sends the browser back to. */
  public String secondGatewayUrl() {
    return secondGatewayUrl;
  }

  @Override
  public void close() throws Exception {
    members.close();
  }
}
