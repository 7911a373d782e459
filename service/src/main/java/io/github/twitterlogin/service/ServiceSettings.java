package io.github.twitterlogin.service;

import io.github.twitterlogin.client.TwitterClientOptions;
import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a process needs, read once from environment variables (each documented in the
 * README with its default) into the configs of the verticles it deploys.
 *
 * @param sandbox the embedded sandbox's config, present when no consumer key is configured
 */
public record ServiceSettings(
    Set<Role> roles,
    int gatewayInstances,
    int twitterClientInstances,
    JsonObject gateway,
    JsonObject twitterClient,
    Optional<JsonObject> sandbox,
    ClusterSettings cluster) {

  static final String DEFAULT_SANDBOX_CONSUMER_KEY = SandboxConsumer.DEFAULT_KEY;
  static final String DEFAULT_SANDBOX_CONSUMER_SECRET = SandboxConsumer.DEFAULT_SECRET;
  static final int DEFAULT_SANDBOX_PORT = 8900;

  public static ServiceSettings fromEnvironment(Environment env) {
    Set<Role> roles = env.list("ROLES", List.of("gateway", "twitter-client", "sandbox")).stream()
        .map(Role::parse)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    Optional<String> consumerKey = env.secret("TWITTER_CONSUMER_KEY");
    Optional<String> consumerSecret = env.secret("TWITTER_CONSUMER_SECRET");
    if (consumerKey.isPresent() != consumerSecret.isPresent()) {
      throw new IllegalArgumentException("Set both TWITTER_CONSUMER_KEY and TWITTER_CONSUMER_SECRET, or neither"
          + " to use the embedded sandbox");
    }
    boolean useSandbox = consumerKey.isEmpty();
    JsonObject gateway = gatewayConfig(env);
    JsonObject sandbox = sandboxConfig(env, gateway.getString("publicUrl"));
    String defaultApiUrl = useSandbox ? sandbox.getString("publicUrl") : TwitterClientOptions.DEFAULT_API_BASE_URL;
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServiceSettings(
        roles,
        env.integer("GATEWAY_INSTANCES", cores, 1, 256),
        env.integer("TWITTER_CLIENT_INSTANCES", 1, 1, 256),
        gateway,
        new JsonObject()
            .put("apiBaseUrl", env.httpUrl("TWITTER_API_URL", defaultApiUrl))
            .put("consumerKey", consumerKey.orElse(DEFAULT_SANDBOX_CONSUMER_KEY))
            .put("consumerSecret", consumerSecret.orElse(DEFAULT_SANDBOX_CONSUMER_SECRET))
            .put("connectTimeoutMillis", env.integer("TWITTER_CONNECT_TIMEOUT_MS",
                TwitterClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS, 1, 600_000))
            .put("requestTimeoutMillis", env.integer("TWITTER_REQUEST_TIMEOUT_MS",
                (int) TwitterClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS, 1, 600_000)),
        useSandbox && roles.contains(Role.SANDBOX) ? Optional.of(sandbox) : Optional.empty(),
        ClusterSettings.fromEnvironment(env));
  }

  /**
   * A Twitter app registers its callback URL, so the gateway's must be known before it listens:
   * a random port (0) needs an explicit PUBLIC_URL.
   */
  private static JsonObject gatewayConfig(Environment env) {
    String host = env.text("HTTP_HOST", "127.0.0.1");
    int port = env.port("HTTP_PORT", 8080);
    if (port == 0 && env.optional("PUBLIC_URL").isEmpty()) {
      throw new IllegalArgumentException("HTTP_PORT=0 picks a random port: set PUBLIC_URL, where browsers reach it");
    }
    return new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("publicUrl", env.httpUrl("PUBLIC_URL", "http://" + browsable(host) + ":" + port))
        .put("sessionTimeoutMinutes", env.integer("SESSION_TIMEOUT_MINUTES", 30, 1, 7 * 24 * 60))
        .put("loginTimeoutSeconds", env.integer("LOGIN_TIMEOUT_SECONDS", 600, 10, 86_400))
        .put("invalidateTokenOnLogout", env.flag("INVALIDATE_TOKEN_ON_LOGOUT", false))
        .put("twitterClientTimeoutMillis", env.integer("TWITTER_CLIENT_TIMEOUT_MS", 15_000, 1, 600_000))
        .put("shutdownDrainTimeoutSeconds", env.integer("SHUTDOWN_DRAIN_SECONDS", 20, 0, 3_600));
  }

  /** The sandbox's one app is this service: its callback, under PUBLIC_URL, is approved. */
  private static JsonObject sandboxConfig(Environment env, String publicUrl) {
    String host = env.text("SANDBOX_HOST", "127.0.0.1");
    // The Twitter client must know where the sandbox listens before it starts: no random port.
    int port = env.integer("SANDBOX_PORT", DEFAULT_SANDBOX_PORT, 1, 65535);
    JsonArray callbackPrefixes = new JsonArray(List.of("http://127.0.0.1:", "http://localhost:", publicUrl + "/"));
    return new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("publicUrl", env.httpUrl("SANDBOX_PUBLIC_URL", "http://" + browsable(host) + ":" + port))
        .put("autoApprove", env.flag("SANDBOX_AUTO_APPROVE", false))
        .put("consumers", new JsonArray().add(new JsonObject()
            .put("key", DEFAULT_SANDBOX_CONSUMER_KEY)
            .put("secret", DEFAULT_SANDBOX_CONSUMER_SECRET)
            .put("callbackPrefix", callbackPrefixes)
            .put("appName", "Twitter Login Gateway")));
  }

  /** A wildcard bind address is no address a browser can open. */
  private static String browsable(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
  }

  public String publicUrl() {
    return gateway.getString("publicUrl");
  }

  public boolean runs(Role role) {
    return roles.contains(role);
  }
}
