package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's settings, read once from the verticle's config.
 *
 * @param publicUrl the URL browsers and clients reach the sandbox at (for avatar links); null for
 *     {@code http://host:port}
 * @param adminEnabled whether {@code /sandbox/admin/faults} may change faults at run time
 */
public record SandboxSettings(
    String host,
    int port,
    String publicUrl,
    List<SandboxConsumer> consumers,
    List<SandboxUser> users,
    Duration requestTokenLifetime,
    Duration allowedClockSkew,
    int nonceMemorySize,
    int verifyCredentialsLimit,
    Duration rateLimitWindow,
    boolean autoApprove,
    FaultSettings faults,
    boolean adminEnabled) {

  public static final int DEFAULT_PORT = 8900;

  public SandboxSettings {
    consumers = List.copyOf(consumers);
    users = List.copyOf(users);
    if (users.isEmpty()) {
      throw new IllegalArgumentException("The sandbox needs at least one user");
    }
  }

  public static SandboxSettings fromJson(JsonObject config) {
    String host = config.getString("host", "127.0.0.1");
    return new SandboxSettings(
        host,
        config.getInteger("port", DEFAULT_PORT),
        config.getString("publicUrl"),
        list(config.getJsonArray("consumers"), SandboxConsumer::fromJson, List.of(SandboxConsumer.byDefault())),
        list(config.getJsonArray("users"), SandboxUser::fromJson, SandboxUser.defaults()),
        Duration.ofSeconds(config.getLong("requestTokenLifetimeSeconds", 300L)),
        Duration.ofSeconds(config.getLong("allowedClockSkewSeconds", 300L)),
        config.getInteger("nonceMemorySize", 100_000),
        config.getInteger("verifyCredentialsLimit", 75),
        Duration.ofMinutes(config.getLong("rateLimitWindowMinutes", 15L)),
        config.getBoolean("autoApprove", false),
        FaultSettings.fromJson(config.getJsonObject("faults")),
        config.getBoolean("adminEnabled", isLoopback(host)));
  }

  /** The same settings for a server that was asked for port 0 and got {@code actualPort}. */
  SandboxSettings withActualPort(int actualPort) {
    return new SandboxSettings(host, actualPort, publicUrl, consumers, users, requestTokenLifetime,
        allowedClockSkew, nonceMemorySize, verifyCredentialsLimit, rateLimitWindow, autoApprove, faults,
        adminEnabled);
  }

  String effectivePublicUrl() {
    String url = publicUrl != null ? publicUrl : "http://" + host + ":" + port;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  Optional<SandboxConsumer> consumer(String key) {
    return consumers.stream().filter(consumer -> consumer.key().equals(key)).findFirst();
  }

  private static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
  }

  private static <T> List<T> list(JsonArray array, java.util.function.Function<JsonObject, T> read, List<T> byDefault) {
    if (array == null || array.isEmpty()) {
      return byDefault;
    }
    return array.stream().map(JsonObject.class::cast).map(read).toList();
  }
}
