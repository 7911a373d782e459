package io.github.twitterlogin.shared.cluster;

import com.hazelcast.config.JoinConfig;
import io.github.twitterlogin.shared.settings.Environment;
import java.util.Optional;

/**
 * Hazelcast's built-in Kubernetes discovery in place of a member list: members are the pods
 * behind a (headless) service, found through the Kubernetes API.
 */
public record KubernetesDiscovery(String serviceName, String namespace) {

  public static Optional<KubernetesDiscovery> fromEnvironment(Environment env) {
    return env.optional("CLUSTER_KUBERNETES_SERVICE")
        .map(service -> new KubernetesDiscovery(service, env.text("CLUSTER_KUBERNETES_NAMESPACE", null)));
  }

  void applyTo(JoinConfig join) {
    join.getTcpIpConfig().setEnabled(false);
    join.getKubernetesConfig().setEnabled(true).setProperty("service-name", serviceName);
    if (namespace != null) {
      join.getKubernetesConfig().setProperty("namespace", namespace);
    }
  }
}
