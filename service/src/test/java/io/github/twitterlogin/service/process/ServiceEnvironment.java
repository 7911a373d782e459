package io.github.twitterlogin.service.process;

import io.github.twitterlogin.shared.testing.TestKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables of one process, named as the docs name them. A cluster member's
 * starts from the cluster's variables ({@link LoopbackCluster#member()}); the roles' settings are
 * added here. Every server binds port 0 and reports the port it got ({@code PORTS_FILE}).
 */
public final class ServiceEnvironment {

  private static final String LOOPBACK = "127.0.0.1";

  private final Map<String, String> variables;

  public ServiceEnvironment(Map<String, String> variables) {
    this.variables = new LinkedHashMap<>(variables);
  }

  /**
   * The sandbox's standalone jar on a port of 127.0.0.1 the OS gives, with this app as its one
   * consumer and its one OAuth 2.0 client (confidential).
   */
  public static ServiceEnvironment sandbox(TestApp app) {
    return new ServiceEnvironment(Map.of())
        .with("SANDBOX_HOST", LOOPBACK)
        .with("SANDBOX_PORT", "0")
        .with("SANDBOX_CONSUMER_KEY", app.key())
        .with("SANDBOX_CONSUMER_SECRET", app.secret())
        .with("SANDBOX_CLIENT_ID", app.clientId())
        .with("SANDBOX_CLIENT_SECRET", app.clientSecret());
  }

  /** {@code ROLES}, e.g. {@code roles("gateway", "twitter-client")}. */
  public ServiceEnvironment roles(String... roles) {
    return with("ROLES", String.join(",", roles));
  }

  /**
   * One gateway instance on a port of 127.0.0.1 the OS gives, reached by browsers at
   * {@code publicUrl}; every gateway of a test seals its sessions with the same test keys, as one
   * cluster's must.
   */
  public ServiceEnvironment gateway(String publicUrl) {
    return with("SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)
        .with("HTTP_HOST", LOOPBACK)
        .with("HTTP_PORT", "0")
        .with("PUBLIC_URL", publicUrl)
        .with("GATEWAY_INSTANCES", "1");
  }

  /**
   * The Twitter client signs as {@code app} and calls {@code apiUrl}; it seals the users' tokens
   * it keeps with the test keys, as the gateways seal their sessions.
   */
  public ServiceEnvironment twitterApi(String apiUrl, TestApp app) {
    return with("SESSION_ENCRYPTION_KEYS", TestKeys.SESSION_ENCRYPTION_KEYS)
        .with("TWITTER_API_URL", apiUrl)
        .with("TWITTER_CONSUMER_KEY", app.key())
        .with("TWITTER_CONSUMER_SECRET", app.secret());
  }

  /** OAuth 2.0 with PKCE ({@code TWITTER_AUTH=oauth2}), the Twitter client calling as {@code app}'s OAuth 2.0 client. */
  public ServiceEnvironment oauth2Client(TestApp app) {
    return with("TWITTER_AUTH", "oauth2")
        .with("TWITTER_CLIENT_ID", app.clientId())
        .with("TWITTER_CLIENT_SECRET", app.clientSecret());
  }

  public ServiceEnvironment with(String name, String value) {
    variables.put(name, value);
    return this;
  }

  public Map<String, String> variables() {
    return Map.copyOf(variables);
  }
}
