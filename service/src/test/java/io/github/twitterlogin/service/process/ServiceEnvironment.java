package io.github.twitterlogin.service.process;

import io.github.twitterlogin.shared.testing.TestKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables of one process, named as the README documents them. Starts from
 * the cluster's variables ({@link LoopbackCluster#member()}); the roles' settings are added here.
 */
final class ServiceEnvironment {

  private static final String LOOPBACK = "127.0.0.1";

  private final Map<String, String> variables;
  private final int clusterPort;

  ServiceEnvironment(Map<String, String> clusterVariables, int clusterPort) {
    this.variables = new LinkedHashMap<>(clusterVariables);
    this.clusterPort = clusterPort;
  }

  /** {@code ROLES}, e.g. {@code roles("gateway", "twitter-client")}. */
  ServiceEnvironment roles(String... roles) {
    return with("ROLES", String.join(",", roles));
  }

  /**
   * One gateway instance on {@code 127.0.0.1:port}, reached by browsers at {@code publicUrl}; every
   * gateway of a test seals its sessions with the same test keys, as one cluster's must.
   */
  ServiceEnvironment gateway(int port, String publicUrl) {
    return with("SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)
        .with("HTTP_HOST", LOOPBACK)
        .with("HTTP_PORT", Integer.toString(port))
        .with("PUBLIC_URL", publicUrl)
        .with("GATEWAY_INSTANCES", "1");
  }

  ServiceEnvironment sandbox(int port) {
    return with("SANDBOX_HOST", LOOPBACK).with("SANDBOX_PORT", Integer.toString(port));
  }

  /** Without a consumer key the Twitter client signs as the sandbox's registered app. */
  ServiceEnvironment twitterApi(String url) {
    return with("TWITTER_API_URL", url);
  }

  ServiceEnvironment with(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** The Hazelcast port of this member. */
  int clusterPort() {
    return clusterPort;
  }

  Map<String, String> variables() {
    return Map.copyOf(variables);
  }
}
