package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The sandbox's settings, read once from the verticle's config. The JSON keys are the component
 * names, durations in seconds ({@code requestTokenLifetimeSeconds}, {@code
 * allowedClockSkewSeconds}, {@code oauth2AccessTokenLifetimeSeconds}, {@code
 * oauth2CodeLifetimeSeconds}) or minutes ({@code rateLimitWindowMinutes}). Every key is listed
 * in docs/sandbox.md.
 *
 * @param publicUrl the URL browsers and clients reach the sandbox at (avatar links); null for
 *     {@code http://host:port}, with {@code localhost} for a wildcard host
 * @param accessTokenMemorySize how many access tokens are kept, and OAuth 2.0 grants; beyond it
 *     the oldest is forgotten
 * @param loadMode every login is approved at once as a user never seen before, and no per-user
 *     rate limit applies: a benchmark signs in as many users as it likes
 * @param rememberApprovals {@code oauth/authenticate} approves at once when this browser has
 *     authorized the app as its user before, as "Sign in with Twitter" does
 * @param adminEnabled whether {@code /sandbox/admin/faults} may change faults at run time, and
 *     {@code /sandbox/admin/oauth2/expire-access-tokens} end a user's access tokens; by default
 *     only on a loopback host
 */
public record SandboxSettings(
    String host,
    int port,
    String publicUrl,
    List<SandboxConsumer> consumers,
    List<SandboxOAuth2Client> oauth2Clients,
    List<SandboxUser> users,
    Duration requestTokenLifetime,
    Duration allowedClockSkew,
    int nonceMemorySize,
    int accessTokenMemorySize,
    int verifyCredentialsLimit,
    Duration rateLimitWindow,
    boolean autoApprove,
    boolean loadMode,
    boolean rememberApprovals,
    Duration oauth2AccessTokenLifetime,
    Duration oauth2CodeLifetime,
    FaultSettings faults,
    boolean adminEnabled) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8900;

  public SandboxSettings {
    consumers = List.copyOf(consumers);
    oauth2Clients = List.copyOf(oauth2Clients);
    users = List.copyOf(users);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be from 0 to 65535");
    }
    if (users.isEmpty() || consumers.isEmpty()) {
      throw new IllegalArgumentException("The sandbox needs at least one consumer and one user");
    }
    requireUnique("consumer key", consumers, SandboxConsumer::key);
    requireUnique("OAuth 2.0 client id", oauth2Clients, SandboxOAuth2Client::clientId);
    requireUnique("user id", users, SandboxUser::id);
    requireUnique("screen name", users, user -> user.screenName().toLowerCase(Locale.ROOT));
    if (publicUrl != null && !isHttpUrl(publicUrl)) {
      throw new IllegalArgumentException("publicUrl must be an http or https URL");
    }
  }

  /** @throws IllegalArgumentException naming the first setting that is missing its form */
  public static SandboxSettings fromJson(JsonObject config) {
    try {
      String host = config.getString("host", DEFAULT_HOST);
      return new SandboxSettings(
          host,
          config.getInteger("port", DEFAULT_PORT),
          config.getString("publicUrl"),
          list(config.getJsonArray("consumers"), SandboxConsumer::fromJson, List.of(SandboxConsumer.byDefault())),
          list(config.getJsonArray("oauth2Clients"), SandboxOAuth2Client::fromJson,
              List.of(SandboxOAuth2Client.byDefault())),
          list(config.getJsonArray("users"), SandboxUser::fromJson, SandboxUser.defaults()),
          Duration.ofSeconds(positive(config, "requestTokenLifetimeSeconds", 300)),
          Duration.ofSeconds(positive(config, "allowedClockSkewSeconds", 300)),
          (int) positive(config, "nonceMemorySize", 100_000),
          (int) positive(config, "accessTokenMemorySize", 100_000),
          (int) positive(config, "verifyCredentialsLimit", 75),
          Duration.ofMinutes(positive(config, "rateLimitWindowMinutes", 15)),
          config.getBoolean("autoApprove", false),
          config.getBoolean("loadMode", false),
          config.getBoolean("rememberApprovals", false),
          Duration.ofSeconds(positive(config, "oauth2AccessTokenLifetimeSeconds", 7200)),
          Duration.ofSeconds(positive(config, "oauth2CodeLifetimeSeconds", 30)),
          FaultSettings.fromJson(config.getJsonObject("faults")),
          config.getBoolean("adminEnabled", isLoopback(host)));
    } catch (ClassCastException wrongType) {
      throw new IllegalArgumentException("A sandbox setting has the wrong JSON type: " + wrongType.getMessage());
    }
  }

  /** The same settings for a server that was asked for port 0 and got {@code actualPort}. */
  SandboxSettings withActualPort(int actualPort) {
    return new SandboxSettings(host, actualPort, publicUrl, consumers, oauth2Clients, users, requestTokenLifetime,
        allowedClockSkew, nonceMemorySize, accessTokenMemorySize, verifyCredentialsLimit, rateLimitWindow,
        autoApprove, loadMode, rememberApprovals, oauth2AccessTokenLifetime, oauth2CodeLifetime, faults, adminEnabled);
  }

  String effectivePublicUrl() {
    return publicUrlFor(port);
  }

  /** A browser cannot open a wildcard address, so the default URL names this machine instead. */
  String publicUrlFor(int listeningPort) {
    String browserHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    String url = publicUrl != null ? publicUrl : "http://" + browserHost + ":" + listeningPort;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  boolean isLoopback() {
    return isLoopback(host);
  }

  Optional<SandboxOAuth2Client> oauth2Client(String clientId) {
    return oauth2Clients.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
  }

  Optional<SandboxConsumer> consumer(String key) {
    return consumers.stream().filter(consumer -> consumer.key().equals(key)).findFirst();
  }



  private static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
  }

  private static long positive(JsonObject config, String key, long byDefault) {
    long value = config.getLong(key, byDefault);
    if (value <= 0 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " must be a positive whole number");
    }
    return value;
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI parsed = new URI(url);
      return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) && parsed.getHost() != null;
    } catch (URISyntaxException invalid) {
      return false;
    }
  }

  private static <T> void requireUnique(String what, List<T> items, Function<T, String> key) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(key.apply(item))) {
        throw new IllegalArgumentException("Two sandbox entries share the " + what + " " + key.apply(item));
      }
    }
  }

  private static <T> List<T> list(JsonArray array, Function<JsonObject, T> read, List<T> byDefault) {
    if (array == null || array.isEmpty()) {
      return byDefault;
    }
    return array.stream().map(JsonObject.class::cast).map(read).toList();
  }
}
