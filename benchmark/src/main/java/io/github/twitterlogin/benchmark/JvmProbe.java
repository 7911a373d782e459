package io.github.twitterlogin.benchmark;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to a gateway process, opened through the JDK's attach API (the JVM's local
 * management agent: no port, no password, only the same user on this machine). Reads the threads
 * the JVM has started so far and the operation counters of every Hazelcast map of the member.
 */
final class JvmProbe implements AutoCloseable {

  private static final ObjectName THREADING = objectName("java.lang:type=Threading");
  private static final ObjectName HAZELCAST = objectName("com.hazelcast:*");
  /**
   * The map types whose operations a login may cause (vertx-web's sessions, vertx-hazelcast's own
   * maps) and their counters, kept per map by the member that calls it. {@code localTotal} would
   * leave an IMap's sets out; a MultiMap has no sets.
   */
  private static final Map<String, String[]> OPERATION_COUNTERS = Map.of(
      "IMap", new String[] {"localPutOperationCount", "localSetOperationCount", "localGetOperationCount",
          "localRemoveOperationCount", "localOtherOperationCount"},
      "MultiMap", new String[] {"localPutOperationCount", "localGetOperationCount",
          "localRemoveOperationCount", "localOtherOperationCount"});

  private final JMXConnector connector;
  private final MBeanServerConnection server;

  private JvmProbe(JMXConnector connector) throws IOException {
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
  }

  static JvmProbe attach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    try {
      String address = vm.startLocalManagementAgent();
      return new JvmProbe(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    } finally {
      vm.detach();
    }
  }

  long threadsStarted() throws Exception {
    return ((Number) server.getAttribute(THREADING, "TotalStartedThreadCount")).longValue();
  }

  /**
   * Operations per map name, as counted so far. A map appears once the member first uses it, so a
   * name missing from an earlier reading counts from 0.
   */
  Map<String, Long> mapOperations() throws Exception {
    Map<String, Long> operations = new TreeMap<>();
    for (ObjectName map : server.queryNames(HAZELCAST, null)) {
      String[] counters = OPERATION_COUNTERS.get(unquoted(map.getKeyProperty("type")));
      if (counters != null) {
        long count = server.getAttributes(map, counters).asList().stream()
            .map(Attribute::getValue)
            .mapToLong(value -> ((Number) value).longValue())
            .sum();
        operations.merge(unquoted(map.getKeyProperty("name")), count, Long::sum);
      }
    }
    return operations;
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }

  /** Hazelcast quotes a key's value only when it holds a character that ObjectName reserves. */
  private static String unquoted(String value) {
    return value != null && value.startsWith("\"") ? ObjectName.unquote(value) : value;
  }

  private static ObjectName objectName(String name) {
    try {
      return new ObjectName(name);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
