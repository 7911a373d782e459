package io.github.twitterlogin.gateway;

import io.github.twitterlogin.shared.crypto.Keyring;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The standalone gateway: where it listens, where browsers reach it, its sessions, and the
 * {@link TwitterAuthOptions} of its sign-in. Each default is written once, here.
 */
public class GatewayOptions {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  /** The routes' prefix: empty, the gateway's pages are at the root. */
  public static final String DEFAULT_BASE_PATH = "";
  public static final String DEFAULT_COOKIE_NAME = "twitter-login.session";
  public static final long DEFAULT_SESSION_TIMEOUT_MINUTES = 30;
  /** How long requests in flight may take to finish when the verticle stops. */
  public static final long DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_SECONDS = 20;
  /** A health check must answer quickly: how long it waits for a Twitter client's answer. */
  public static final long DEFAULT_HEALTH_PROBE_TIMEOUT_MILLIS = 2_000;
  /**
   * Logins a client address, and a session, may start per minute ({@code GET /auth}), each
   * start asking Twitter for a request token on the app's quota; 0 turns the limit off.
   */
  public static final int DEFAULT_AUTH_RATE_PER_MINUTE = 30;
  /**
   * RFC 6265bis section 4.1.3.2: a {@code __Host-} cookie is only accepted when Secure, for
   * {@code Path=/} and without {@code Domain}, so a sibling subdomain cannot plant one.
   */
  public static final String HOST_COOKIE_PREFIX = "__Host-";

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private String publicUrl;
  private String basePath = DEFAULT_BASE_PATH;
  private String sessionCookieName = DEFAULT_COOKIE_NAME;
  private long sessionTimeoutMinutes = DEFAULT_SESSION_TIMEOUT_MINUTES;
  private String sessionEncryptionKeys;
  private long shutdownDrainTimeoutSeconds = DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_SECONDS;
  private long healthProbeTimeoutMillis = DEFAULT_HEALTH_PROBE_TIMEOUT_MILLIS;
  private int authRatePerMinute = DEFAULT_AUTH_RATE_PER_MINUTE;
  private List<String> trustedProxies = List.of();
  private TwitterAuthOptions auth = new TwitterAuthOptions();

  public GatewayOptions() {
  }

  public GatewayOptions(GatewayOptions other) {
    this(other.toJson());
  }

  /** @throws IllegalArgumentException naming the field whose value has the wrong type */
  public GatewayOptions(JsonObject json) {
    OptionsJson fields = new OptionsJson("GatewayOptions", json);
    host = fields.text("host", DEFAULT_HOST);
    port = fields.integer("port", DEFAULT_PORT);
    publicUrl = fields.text("publicUrl", null);
    basePath = fields.text("basePath", DEFAULT_BASE_PATH);
    sessionCookieName = fields.text("sessionCookieName", DEFAULT_COOKIE_NAME);
    sessionTimeoutMinutes = fields.number("sessionTimeoutMinutes", DEFAULT_SESSION_TIMEOUT_MINUTES);
    sessionEncryptionKeys = fields.text("sessionEncryptionKeys", null);
    shutdownDrainTimeoutSeconds = fields.number("shutdownDrainTimeoutSeconds", DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_SECONDS);
    healthProbeTimeoutMillis = fields.number("healthProbeTimeoutMillis", DEFAULT_HEALTH_PROBE_TIMEOUT_MILLIS);
    authRatePerMinute = fields.integer("authRatePerMinute", DEFAULT_AUTH_RATE_PER_MINUTE);
    trustedProxies = fields.texts("trustedProxies");
    JsonObject authJson = fields.object("auth");
    auth = authJson == null ? new TwitterAuthOptions() : new TwitterAuthOptions(authJson);
  }

  /** Holds the session keys: never log it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("basePath", basePath)
        .put("sessionCookieName", sessionCookieName)
        .put("sessionTimeoutMinutes", sessionTimeoutMinutes)
        .put("shutdownDrainTimeoutSeconds", shutdownDrainTimeoutSeconds)
        .put("healthProbeTimeoutMillis", healthProbeTimeoutMillis)
        .put("authRatePerMinute", authRatePerMinute)
        .put("trustedProxies", new JsonArray(trustedProxies))
        .put("auth", auth.toJson());
    if (publicUrl != null) {
      json.put("publicUrl", publicUrl);
    }
    if (sessionEncryptionKeys != null) {
      json.put("sessionEncryptionKeys", sessionEncryptionKeys);
    }
    return json;
  }

  /**
   * Checks every field, the sign-in's included once its callback URL is known.
   *
   * @throws IllegalArgumentException naming the first field that is missing or out of range
   */
  public GatewayOptions validate() {
    if (port < 0 || port > 65_535) {
      throw OptionsJson.invalid("GatewayOptions", "port", "must be from 0 to 65535");
    }
    if (publicUrl != null) {
      OptionsJson.httpUrl("GatewayOptions", "publicUrl", publicUrl);
    }
    if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("//"))) {
      throw OptionsJson.invalid("GatewayOptions", "basePath", "must be empty or a path such as /login/twitter");
    }
    if (sessionTimeoutMinutes < 1) {
      throw OptionsJson.invalid("GatewayOptions", "sessionTimeoutMinutes", "must be at least 1");
    }
    if (shutdownDrainTimeoutSeconds < 0) {
      throw OptionsJson.invalid("GatewayOptions", "shutdownDrainTimeoutSeconds", "must not be negative");
    }
    if (healthProbeTimeoutMillis < 1) {
      throw OptionsJson.invalid("GatewayOptions", "healthProbeTimeoutMillis", "must be at least 1");
    }
    if (authRatePerMinute < 0) {
      throw OptionsJson.invalid("GatewayOptions", "authRatePerMinute", "must not be negative (0 turns the limit off)");
    }
    TrustedProxies.parse("GatewayOptions.trustedProxies", trustedProxies);
    if (sessionEncryptionKeys == null) {
      throw OptionsJson.invalid("GatewayOptions", "sessionEncryptionKeys",
          "is required: a comma-separated list of id:base64-of-32-bytes that seals the sessions in the cluster");
    }
    Keyring.parse("GatewayOptions.sessionEncryptionKeys", sessionEncryptionKeys);
    authWithCallback().validate();
    return this;
  }

  /** Where browsers reach the gateway: {@code publicUrl}, else {@code http://host:port}, without a trailing slash. */
  public String publicUrl() {
    String url = publicUrl != null ? publicUrl : "http://" + host + ":" + port;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The sign-in's options for the gateway's own routes: unless they say otherwise, the callback
   * is under the public URL, browsers not signed in go to the gateway's {@code /auth}, and a
   * sign-in ends on the profile page, {@code /app}.
   */
  public TwitterAuthOptions authWithCallback() {
    TwitterAuthOptions options = new TwitterAuthOptions(auth);
    if (options.getCallbackUrl() == null) {
      options.setCallbackUrl(publicUrl() + basePath + "/callback");
    }
    if (options.getLoginUrl() == null) {
      options.setLoginUrl(basePath + "/auth");
    }
    if (TwitterAuthOptions.DEFAULT_RETURN_TO.equals(options.getDefaultReturnTo())) {
      options.setDefaultReturnTo(basePath + "/app");
    }
    return options;
  }

  /** Cookies must be Secure whenever the browser reaches the gateway over https. */
  public boolean secureCookies() {
    return publicUrl().toLowerCase(Locale.ROOT).startsWith("https:");
  }

  /** Over https the cookie is a {@code __Host-} cookie; over plain http a browser would refuse the prefix. */
  public String cookieName() {
    return secureCookies() && !sessionCookieName.startsWith(HOST_COOKIE_PREFIX)
        ? HOST_COOKIE_PREFIX + sessionCookieName
        : sessionCookieName;
  }

  public Keyring sessionKeys() {
    return Keyring.parse("GatewayOptions.sessionEncryptionKeys", sessionEncryptionKeys);
  }

  public String getHost() {
    return host;
  }

  public GatewayOptions setHost(String host) {
    this.host = host;
    return this;
  }

  public int getPort() {
    return port;
  }

  /** 0 takes a free port; then {@link #publicUrl()} names the port actually taken. */
  public GatewayOptions setPort(int port) {
    this.port = port;
    return this;
  }

  public String getPublicUrl() {
    return publicUrl;
  }

  /** Where browsers reach the gateway (behind a load balancer: its URL); the callback is below it. */
  public GatewayOptions setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl;
    return this;
  }

  public String getBasePath() {
    return basePath;
  }

  /** A prefix for every route and link of the gateway, such as {@code /login/twitter}. */
  public GatewayOptions setBasePath(String basePath) {
    this.basePath = basePath;
    return this;
  }

  public String getSessionCookieName() {
    return sessionCookieName;
  }

  public GatewayOptions setSessionCookieName(String sessionCookieName) {
    this.sessionCookieName = sessionCookieName;
    return this;
  }

  public long getSessionTimeoutMinutes() {
    return sessionTimeoutMinutes;
  }

  public GatewayOptions setSessionTimeoutMinutes(long sessionTimeoutMinutes) {
    this.sessionTimeoutMinutes = sessionTimeoutMinutes;
    return this;
  }

  public String getSessionEncryptionKeys() {
    return sessionEncryptionKeys;
  }

  /** {@code id:base64-of-32-bytes}, comma-separated: the first seals the sessions, all open them. */
  public GatewayOptions setSessionEncryptionKeys(String sessionEncryptionKeys) {
    this.sessionEncryptionKeys = sessionEncryptionKeys;
    return this;
  }

  public long getShutdownDrainTimeoutSeconds() {
    return shutdownDrainTimeoutSeconds;
  }

  public GatewayOptions setShutdownDrainTimeoutSeconds(long shutdownDrainTimeoutSeconds) {
    this.shutdownDrainTimeoutSeconds = shutdownDrainTimeoutSeconds;
    return this;
  }

  public long getHealthProbeTimeoutMillis() {
    return healthProbeTimeoutMillis;
  }

  public GatewayOptions setHealthProbeTimeoutMillis(long healthProbeTimeoutMillis) {
    this.healthProbeTimeoutMillis = healthProbeTimeoutMillis;
    return this;
  }

  public int getAuthRatePerMinute() {
    return authRatePerMinute;
  }

  /**
   * Logins one client address, and one session, may start per minute on this gateway, as a token
   * bucket: as many at once, then one every {@code 60 / rate} seconds; 0 turns the limit off.
   */
  public GatewayOptions setAuthRatePerMinute(int authRatePerMinute) {
    this.authRatePerMinute = authRatePerMinute;
    return this;
  }

  public List<String> getTrustedProxies() {
    return trustedProxies;
  }

  /**
   * The addresses (and CIDR ranges, {@code 10.0.0.0/8}) of the proxies in front of the gateway,
   * whose {@code X-Forwarded-For} names the client; without them, the client is the connection's
   * peer, and the header is ignored: anyone can send it.
   */
  public GatewayOptions setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
    return this;
  }

  public TwitterAuthOptions getAuth() {
    return auth;
  }

  public GatewayOptions setAuth(TwitterAuthOptions auth) {
    this.auth = auth;
    return this;
  }

  @Override
  public String toString() {
    JsonObject shown = toJson();
    if (shown.containsKey("sessionEncryptionKeys")) {
      shown.put("sessionEncryptionKeys", "(hidden)");
    }
    return "GatewayOptions" + shown.encode();
  }
}
