package io.github.twitterlogin.service.process;

import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.settings.Environment;
import io.github.twitterlogin.shared.testing.LoopbackPorts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A cluster on 127.0.0.1 for one test class: a name of its own, so that no other run joins it,
 * and a Hazelcast port picked free for each member it will have, every member listing all of
 * them (TCP-IP join, never multicast). The members may be processes or this JVM.
 */
final class LoopbackCluster {

  /** Low, so that a killed member is dropped within seconds rather than a minute. */
  static final int HEARTBEAT_TIMEOUT_SECONDS = 5;

  private final String name;
  private final List<Integer> ports;
  private final Map<String, String> eventBusTls = new HashMap<>();
  private int nextMember;

  private LoopbackCluster(String name, List<Integer> ports) {
    this.name = name;
    this.ports = ports;
  }

  /** @param members every member the test will start, those joining later included */
  static LoopbackCluster of(String test, int members) {
    return new LoopbackCluster(test + "-" + UUID.randomUUID(), LoopbackPorts.distinct(members));
  }

  /** Encrypts the event bus of every member with the shared module's test CA and member certificate. */
  LoopbackCluster withEventBusTls() {
    eventBusTls.put("EVENT_BUS_TLS", "true");
    eventBusTls.put("EVENT_BUS_TLS_KEY", BuildOutputs.tlsMaterial().resolve("member-key.pem").toString());
    eventBusTls.put("EVENT_BUS_TLS_CERT", BuildOutputs.tlsMaterial().resolve("member.pem").toString());
    eventBusTls.put("EVENT_BUS_TLS_CA", BuildOutputs.tlsMaterial().resolve("ca.pem").toString());
    return this;
  }

  /** The environment of the next member: its Hazelcast port, the cluster's name and member list. */
  ServiceEnvironment member() {
    if (nextMember == ports.size()) {
      throw new IllegalStateException("The cluster " + name + " was planned with " + ports.size() + " members");
    }
    int port = ports.get(nextMember++);
    Map<String, String> variables = new HashMap<>(eventBusTls);
    variables.put("CLUSTER_NAME", name);
    variables.put("CLUSTER_HOST", "127.0.0.1");
    variables.put("CLUSTER_PORT", Integer.toString(port));
    variables.put("CLUSTER_PORT_AUTO_INCREMENT", "false");
    variables.put("CLUSTER_MEMBERS", ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")));
    variables.put("CLUSTER_HEARTBEAT_TIMEOUT_SECONDS", Integer.toString(HEARTBEAT_TIMEOUT_SECONDS));
    return new ServiceEnvironment(variables, port);
  }

  /** The settings of the next member, for this JVM: read from the same variables as a process's. */
  ClusterSettings memberSettings() {
    return ClusterSettings.fromEnvironment(new Environment(member().variables()));
  }

  /** The settings of the next member, but without event-bus TLS, as an intruder on the network would join. */
  ClusterSettings memberSettingsWithoutTls() {
    Map<String, String> variables = new HashMap<>(member().variables());
    variables.keySet().removeAll(eventBusTls.keySet());
    return ClusterSettings.fromEnvironment(new Environment(variables));
  }
}
