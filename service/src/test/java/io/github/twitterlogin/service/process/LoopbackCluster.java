package io.github.twitterlogin.service.process;

import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.cluster.EventBusTls;
import io.github.twitterlogin.shared.testing.ClusterMembers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster on 127.0.0.1 for one test class: a name of its own, so that no other run joins it,
 * and TCP-IP join, never multicast. This JVM is its first member: it binds a port the OS gives,
 * and every process joins through the port it got, binding a port of its own the same way. No
 * port is picked before it is bound, so none can be taken in between.
 */
public final class LoopbackCluster implements AutoCloseable {

  /** Low, so that a killed member is dropped within seconds rather than a minute. */
  static final int HEARTBEAT_TIMEOUT_SECONDS = 5;

  private final String name;
  private final Map<String, String> eventBusTls;
  private final TestJvmMember testJvm;

  private LoopbackCluster(String name, Map<String, String> eventBusTls, TestJvmMember testJvm) {
    this.name = name;
    this.eventBusTls = eventBusTls;
    this.testJvm = testJvm;
  }

  public static LoopbackCluster start(String test) throws Exception {
    return start(test, Map.of());
  }

  /** Encrypts the event bus of every member with the shared module's test CA and member certificate. */
  public static LoopbackCluster startWithEventBusTls(String test) throws Exception {
    return start(test, Map.of(
        "EVENT_BUS_TLS", "true",
        "EVENT_BUS_TLS_KEY", BuildOutputs.tlsMaterial().resolve("member-key.pem").toString(),
        "EVENT_BUS_TLS_CERT", BuildOutputs.tlsMaterial().resolve("member.pem").toString(),
        "EVENT_BUS_TLS_CA", BuildOutputs.tlsMaterial().resolve("ca.pem").toString()));
  }

  private static LoopbackCluster start(String test, Map<String, String> eventBusTls) throws Exception {
    String name = ClusterMembers.uniqueName(test);
    Optional<EventBusTls> tls = eventBusTls.isEmpty() ? Optional.empty() : Optional.of(new EventBusTls(
        eventBusTls.get("EVENT_BUS_TLS_KEY"), eventBusTls.get("EVENT_BUS_TLS_CERT"),
        eventBusTls.get("EVENT_BUS_TLS_CA")));
    TestJvmMember first = TestJvmMember.join(settings(name, List.of(), tls));
    return new LoopbackCluster(name, eventBusTls, first);
  }

  /** This JVM, the cluster's first member. */
  public TestJvmMember testJvm() {
    return testJvm;
  }

  /**
   * The environment of a process that joins: the cluster's name, port 0 (Hazelcast's and the
   * metrics'), and this JVM's member to join through.
   */
  public ServiceEnvironment member() {
    Map<String, String> variables = new HashMap<>(eventBusTls);
    variables.put("CLUSTER_NAME", name);
    variables.put("CLUSTER_HOST", "127.0.0.1");
    variables.put("CLUSTER_PORT", "0");
    variables.put("CLUSTER_PORT_AUTO_INCREMENT", "false");
    variables.put("CLUSTER_MEMBERS", testJvm.clusterAddress());
    variables.put("CLUSTER_HEARTBEAT_TIMEOUT_SECONDS", Integer.toString(HEARTBEAT_TIMEOUT_SECONDS));
    // Several processes on one machine: each its own metrics port, reported in its ports file.
    variables.put("METRICS_PORT", "0");
    return new ServiceEnvironment(variables);
  }

  /** Another member in this JVM, without event-bus TLS, as an intruder on the network would join. */
  public TestJvmMember joinWithoutTls() throws Exception {
    return TestJvmMember.join(settings(name, List.of(testJvm.clusterAddress()), Optional.empty()));
  }

  @Override
  public void close() throws Exception {
    testJvm.close();
  }

  private static ClusterSettings settings(String name, List<String> members, Optional<EventBusTls> tls) {
    return new ClusterSettings(name, "127.0.0.1", 0, false, null, members, Optional.empty(), 0, tls, 1,
        HEARTBEAT_TIMEOUT_SECONDS, 0);
  }
}
