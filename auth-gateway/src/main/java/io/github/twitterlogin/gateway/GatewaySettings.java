package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.crypto.Keyring;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The gateway's settings, read once from the verticle's config.
 *
 * @param configuredPublicUrl where browsers reach the gateway (behind a load balancer: its
 *     URL), or null for {@code http://host:port}; the callback is {@code publicUrl() + "/callback"}
 * @param loginTimeout how long a started login may take before its callback is refused
 * @param maxPendingLogins logins (tabs) a session may have started and not finished
 * @param invalidateTokenOnLogout whether sign-out also revokes the access token at Twitter
 * @param twitterClientTimeout the event-bus timeout of a call to the Twitter client
 * @param shutdownDrainTimeout how long requests in flight may take to finish at shutdown
 * @param sessionKeys seal the sessions stored in the cluster ({@code sessionEncryptionKeys}, required)
 */
public record GatewaySettings(
    String host,
    int port,
    String configuredPublicUrl,
    String sessionCookieName,
    Duration sessionTimeout,
    Duration loginTimeout,
    int maxPendingLogins,
    boolean invalidateTokenOnLogout,
    Duration twitterClientTimeout,
    Duration shutdownDrainTimeout,
    Keyring sessionKeys) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_COOKIE_NAME = "twitter-login.session";
  /**
   * RFC 6265bis section 4.1.3.2: a {@code __Host-} cookie is only accepted when Secure, for
   * {@code Path=/} and without {@code Domain}, so a sibling subdomain cannot plant one.
   */
  public static final String HOST_COOKIE_PREFIX = "__Host-";

  public GatewaySettings {
    if (configuredPublicUrl != null) {
      configuredPublicUrl = withoutTrailingSlash(requireHttpUrl(configuredPublicUrl));
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
    }
    if (maxPendingLogins < 1) {
      throw new IllegalArgumentException("maxPendingLogins must be at least 1");
    }
    if (sessionKeys == null) {
      throw new IllegalArgumentException("sessionEncryptionKeys is required: a comma-separated list of"
          + " id:base64-of-32-bytes that seals the sessions in the cluster");
    }
  }

  public static GatewaySettings fromJson(JsonObject config) {
    String host = config.getString("host", "127.0.0.1");
    int port = config.getInteger("port", DEFAULT_PORT);
    return new GatewaySettings(
        host,
        port,
        config.getString("publicUrl"),
        config.getString("sessionCookieName", DEFAULT_COOKIE_NAME),
        Duration.ofMinutes(config.getLong("sessionTimeoutMinutes", 30L)),
        Duration.ofSeconds(config.getLong("loginTimeoutSeconds", 600L)),
        config.getInteger("maxPendingLogins", 5),
        config.getBoolean("invalidateTokenOnLogout", false),
        Duration.ofMillis(config.getLong("twitterClientTimeoutMillis", 15_000L)),
        Duration.ofSeconds(config.getLong("shutdownDrainTimeoutSeconds", 20L)),
        sessionKeys(config.getString("sessionEncryptionKeys")));
  }

  private static Keyring sessionKeys(String keys) {
    return keys == null ? null : Keyring.parse("sessionEncryptionKeys", keys);
  }

  /** The same settings for a server that was asked for port 0 and got {@code actualPort}. */
  public GatewaySettings withActualPort(int actualPort) {
    return new GatewaySettings(host, actualPort, configuredPublicUrl, sessionCookieName, sessionTimeout,
        loginTimeout, maxPendingLogins, invalidateTokenOnLogout, twitterClientTimeout, shutdownDrainTimeout, sessionKeys);
  }

  public String publicUrl() {
    return configuredPublicUrl != null ? configuredPublicUrl : "http://" + host + ":" + port;
  }

  public String callbackUrl() {
    return publicUrl() + "/callback";
  }

  /** Over https the cookie is a {@code __Host-} cookie; over plain http a browser would refuse the prefix. */
  public String cookieName() {
    return secureCookies() && !sessionCookieName.startsWith(HOST_COOKIE_PREFIX)
        ? HOST_COOKIE_PREFIX + sessionCookieName
        : sessionCookieName;
  }

  /** Cookies must be Secure whenever the browser reaches the gateway over https. */
  public boolean secureCookies() {
    return publicUrl().toLowerCase(Locale.ROOT).startsWith("https:");
  }

  private static String requireHttpUrl(String url) {
    URI uri = url == null ? null : URI.create(url);
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("publicUrl must be an absolute http or https URL, got " + url);
    }
    return url;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
