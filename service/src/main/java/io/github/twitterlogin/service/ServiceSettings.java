package io.github.twitterlogin.service;

import io.github.twitterlogin.client.TwitterClientOptions;
import io.github.twitterlogin.client.UserTokenRetention;
import io.github.twitterlogin.gateway.AuthFlow;
import io.github.twitterlogin.gateway.GatewayOptions;
import io.github.twitterlogin.gateway.TrustedProxies;
import io.github.twitterlogin.gateway.TwitterAuthOptions;
import io.github.twitterlogin.sandbox.SandboxConsumer;
import io.github.twitterlogin.sandbox.SandboxOAuth2Client;
import io.github.twitterlogin.sandbox.SandboxSettings;
import io.github.twitterlogin.shared.AccessType;
import io.github.twitterlogin.shared.LoginPage;
import io.github.twitterlogin.shared.ProfileSource;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.cluster.ClusterSettings;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.github.twitterlogin.shared.settings.Environment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    GatewayOptions gateway,
    TwitterClientOptions twitterClient,
    Optional<JsonObject> sandbox,
    ClusterSettings cluster,
    MetricsSettings metrics) {

  static final String DEFAULT_SANDBOX_CONSUMER_KEY = SandboxConsumer.DEFAULT_KEY;
  static final String DEFAULT_SANDBOX_CONSUMER_SECRET = SandboxConsumer.DEFAULT_SECRET;
  static final String DEFAULT_SANDBOX_CLIENT_ID = SandboxOAuth2Client.DEFAULT_CLIENT_ID;
  static final String DEFAULT_SANDBOX_CLIENT_SECRET = SandboxOAuth2Client.DEFAULT_CLIENT_SECRET;
  static final int DEFAULT_SANDBOX_PORT = 8900;
  static final String SESSION_ENCRYPTION_KEYS = "SESSION_ENCRYPTION_KEYS";

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
    AuthFlow flow = choice(() -> AuthFlow.fromValue("TWITTER_AUTH",
        env.text("TWITTER_AUTH", TwitterAuthOptions.DEFAULT_FLOW.value())));
    Optional<String> clientId = env.secret("TWITTER_CLIENT_ID");
    Optional<String> clientSecret = env.secret("TWITTER_CLIENT_SECRET");
    // X's credentials of the chosen flow name X; without them the embedded sandbox stands in.
    boolean useSandbox = consumerKey.isEmpty() && (flow == AuthFlow.OAUTH1 || clientId.isEmpty());
    if (flow == AuthFlow.OAUTH2 && !useSandbox && clientId.isEmpty()) {
      throw new IllegalArgumentException("TWITTER_AUTH=oauth2 needs TWITTER_CLIENT_ID (and TWITTER_CLIENT_SECRET for"
          + " a confidential client): the app's OAuth 2.0 client on X's developer portal");
    }
    if (flow == AuthFlow.OAUTH2 && !userCalls(env)) {
      throw new IllegalArgumentException("TWITTER_AUTH=oauth2 needs USER_CALLS=on: the Twitter client keeps the"
          + " rotating refresh token once, in the cluster, and refreshes it for every member");
    }
    GatewayOptions gateway = gatewayOptions(env, flow)
        .setSessionEncryptionKeys(sessionEncryptionKeys(env, useSandbox,
            roles.contains(Role.GATEWAY) || roles.contains(Role.TWITTER_CLIENT) && userCalls(env)));
    if (roles.contains(Role.GATEWAY)) {
      gateway.validate();
    }
    JsonObject sandbox = sandboxConfig(env, gateway.authWithCallback().getCallbackUrl());
    String defaultApiUrl = useSandbox ? sandbox.getString("publicUrl") : TwitterClientOptions.DEFAULT_API_BASE_URL;
    JsonObject sandboxClient = sandbox.getJsonArray("oauth2Clients").getJsonObject(0);
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServiceSettings(
        roles,
        env.integer("GATEWAY_INSTANCES", cores, 1, 256),
        env.integer("TWITTER_CLIENT_INSTANCES", 1, 1, 256),
        gateway,
        new TwitterClientOptions()
            .setApiBaseUrl(env.httpUrl("TWITTER_API_URL", defaultApiUrl))
            .setConsumerKey(useSandbox ? DEFAULT_SANDBOX_CONSUMER_KEY : consumerKey.orElse(null))
            .setConsumerSecret(useSandbox ? DEFAULT_SANDBOX_CONSUMER_SECRET : consumerSecret.orElse(null))
            .setClientId(useSandbox ? sandboxClient.getString("clientId") : clientId.orElse(null))
            .setClientSecret(useSandbox ? sandboxClient.getString("clientSecret") : clientSecret.orElse(null))
            .setAuthorizeUrl(env.optional("TWITTER_AUTHORIZE_URL")
                .map(url -> env.httpUrl("TWITTER_AUTHORIZE_URL", url)).orElse(null))
            .setConnectTimeoutMillis(env.integer("TWITTER_CONNECT_TIMEOUT_MS",
                TwitterClientOptions.DEFAULT_CONNECT_TIMEOUT_MILLIS, 1, 600_000))
            .setRequestTimeoutMillis(env.integer("TWITTER_REQUEST_TIMEOUT_MS",
                (int) TwitterClientOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS, 1, 600_000))
            .setUserCalls(userCalls(env))
            .setUserTokenRetention(UserTokenRetention.fromValue("USER_TOKEN_RETENTION",
                env.text("USER_TOKEN_RETENTION", TwitterClientOptions.DEFAULT_USER_TOKEN_RETENTION.value())))
            .setTokenEncryptionKeys(gateway.getSessionEncryptionKeys()),
        useSandbox && roles.contains(Role.SANDBOX) ? Optional.of(checked(sandbox)) : Optional.empty(),
        ClusterSettings.fromEnvironment(env),
        MetricsSettings.fromEnvironment(env));
  }

  /**
   * On a random port (0) without PUBLIC_URL, the public URL names the port taken once the gateway
   * listens: for tests and the sandbox, whose loopback callbacks take any port; a Twitter app
   * registers a fixed callback. A wildcard host names no address a browser could open.
   */
  private static GatewayOptions gatewayOptions(Environment env, AuthFlow flow) {
    String host = env.text("HTTP_HOST", GatewayOptions.DEFAULT_HOST);
    int port = env.port("HTTP_PORT", GatewayOptions.DEFAULT_PORT);
    boolean portTaken = port == 0 && env.optional("PUBLIC_URL").isEmpty();
    if (portTaken && !browsable(host).equals(host)) {
      throw new IllegalArgumentException("HTTP_PORT=0 on a wildcard HTTP_HOST: set PUBLIC_URL, where browsers reach it");
    }
    TwitterAuthOptions auth = new TwitterAuthOptions()
        .setLoginTimeoutSeconds(env.integer("LOGIN_TIMEOUT_SECONDS",
            (int) TwitterAuthOptions.DEFAULT_LOGIN_TIMEOUT_SECONDS, 10, 86_400))
        .setInvalidateTokenOnLogout(env.flag("INVALIDATE_TOKEN_ON_LOGOUT",
            TwitterAuthOptions.DEFAULT_INVALIDATE_TOKEN_ON_LOGOUT))
        .setTwitterClientTimeoutMillis(env.integer("TWITTER_CLIENT_TIMEOUT_MS",
            (int) TwitterAuthOptions.DEFAULT_TWITTER_CLIENT_TIMEOUT_MILLIS, 1, 600_000))
        .setAllowedUsers(env.list("ALLOWED_USERS", List.of()))
        .setProfileSource(choice(() -> ProfileSource.fromValue("PROFILE_SOURCE",
            env.text("PROFILE_SOURCE", TwitterAuthOptions.DEFAULT_PROFILE_SOURCE.value()))))
        .setLoginPage(choice(() -> LoginPage.fromValue("TWITTER_LOGIN_PAGE",
            env.text("TWITTER_LOGIN_PAGE", TwitterAuthOptions.DEFAULT_LOGIN_PAGE.value()))))
        .setIncludeEmail(env.flag("TWITTER_INCLUDE_EMAIL", TwitterAuthOptions.DEFAULT_INCLUDE_EMAIL))
        .setFlow(flow)
        .setScopes(env.optional("OAUTH2_SCOPES").map(scopes -> List.of(scopes.trim().split("[\\s,]+")))
            .orElse(TwitterAuthOptions.DEFAULT_SCOPES));
    env.optional("TWITTER_ACCESS_TYPE")
        .ifPresent(type -> auth.setAccessType(choice(() -> AccessType.fromValue("TWITTER_ACCESS_TYPE", type))));
    GatewayOptions options = new GatewayOptions()
        .setHost(host)
        .setPort(port)
        .setPublicUrl(portTaken ? null : env.httpUrl("PUBLIC_URL", "http://" + browsable(host) + ":" + port))
        .setBasePath(env.text("BASE_PATH", GatewayOptions.DEFAULT_BASE_PATH))
        .setSessionTimeoutMinutes(env.integer("SESSION_TIMEOUT_MINUTES",
            (int) GatewayOptions.DEFAULT_SESSION_TIMEOUT_MINUTES, 1, 7 * 24 * 60))
        .setShutdownDrainTimeoutSeconds(env.integer("SHUTDOWN_DRAIN_SECONDS",
            (int) GatewayOptions.DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_SECONDS, 0, 3_600))
        .setAuthRatePerMinute(env.integer("AUTH_RATE_PER_MINUTE", GatewayOptions.DEFAULT_AUTH_RATE_PER_MINUTE, 0,
            100_000))
        .setTrustedProxies(trustedProxies(env))
        .setAuth(auth);
    return options;
  }

  /** Checked here, so that a bad entry stops the start with a message naming the variable. */
  private static List<String> trustedProxies(Environment env) {
    List<String> proxies = env.list("TRUSTED_PROXIES", List.of());
    TrustedProxies.parse("TRUSTED_PROXIES", proxies);
    return proxies;
  }

  /** X's names of its choices; another name stops the start with a message that names the variable. */
  private static <T> T choice(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException | TwitterFailureException unknown) {
      throw new IllegalArgumentException(unknown.getMessage());
    }
  }

  /** {@code USER_CALLS}: whether other verticles may call Twitter as a signed-in user by her id. */
  private static boolean userCalls(Environment env) {
    return env.flag("USER_CALLS", TwitterClientOptions.DEFAULT_USER_CALLS);
  }

  /**
   * The keys that seal the sessions and the users' tokens in the cluster. Against Twitter they are
   * required: a development key known to all would protect nothing. With the sandbox, that
   * development key stands in, and the banner says so.
   *
   * @param needed whether this process seals anything: the gateway's sessions, or the Twitter
   *     client's vault of users' tokens
   */
  private static String sessionEncryptionKeys(Environment env, boolean useSandbox, boolean needed) {
    Optional<String> keys = env.secret(SESSION_ENCRYPTION_KEYS);
    if (keys.isEmpty() && useSandbox) {
      return Keyring.DEVELOPMENT_KEYS;
    }
    if (keys.isEmpty() && needed) {
      throw new IllegalArgumentException(SESSION_ENCRYPTION_KEYS + " is required with TWITTER_CONSUMER_KEY: a"
          + " comma-separated list of id:base64-of-32-bytes (e.g. k1:$(openssl rand -base64 32)) that seals the"
          + " sessions and the users' tokens in the cluster; the first seals, all open");
    }
    keys.ifPresent(spec -> Keyring.parse(SESSION_ENCRYPTION_KEYS, spec));
    return keys.orElse(null);
  }

  /** Whether the sessions are sealed with the well-known development key (sandbox mode only). */
  public boolean developmentSessionKeys() {
    return Keyring.DEVELOPMENT_KEYS.equals(gateway.getSessionEncryptionKeys());
  }

  /**
   * The sandbox's one app is this service. It registers {@code PUBLIC_URL/callback} exactly, as
   * X does, and the URLs of {@code SANDBOX_CALLBACK_URLS}. A gateway on another port of this
   * machine shares this sandbox (see EmbeddedSandbox) without knowing this PUBLIC_URL, and so do
   * the gateways of a sandbox that runs in a process of its own: by default any
   * {@code http://127.0.0.1:} URL is approved too, a development setting that
   * {@code SANDBOX_LOOPBACK_CALLBACKS=false} turns off (docs/sandbox.md says why). Its OAuth
   * 2.0 client registers the same redirect URIs: {@code TWITTER_CLIENT_ID} and {@code
   * TWITTER_CLIENT_SECRET}, as the consumer key's default, else the sandbox's published ones; an
   * id without a secret is a public client.
   */
  private static JsonObject sandboxConfig(Environment env, String callbackUrl) {
    String host = env.text("SANDBOX_HOST", "127.0.0.1");
    // The Twitter client must know where the sandbox listens before it starts: no random port.
    int port = env.integer("SANDBOX_PORT", DEFAULT_SANDBOX_PORT, 1, 65535);
    List<String> callbackUrls = Stream.concat(Stream.of(callbackUrl),
        env.list("SANDBOX_CALLBACK_URLS", List.of()).stream()).distinct().toList();
    List<String> loopback = env.flag("SANDBOX_LOOPBACK_CALLBACKS", true)
        ? SandboxConsumer.DEFAULT_CALLBACK_PREFIXES : List.of();
    Optional<String> clientId = env.secret("TWITTER_CLIENT_ID");
    Optional<String> clientSecret = env.secret("TWITTER_CLIENT_SECRET");
    if (clientSecret.isPresent() && clientId.isEmpty()) {
      throw new IllegalArgumentException("TWITTER_CLIENT_SECRET needs TWITTER_CLIENT_ID");
    }
    return new JsonObject()
        .put("host", host)
        .put("port", port)
        .put("publicUrl", env.httpUrl("SANDBOX_PUBLIC_URL", "http://" + browsable(host) + ":" + port))
        .put("autoApprove", env.flag("SANDBOX_AUTO_APPROVE", false))
        .put("loadMode", env.flag("SANDBOX_LOAD_MODE", false))
        .put("rememberApprovals", env.flag("SANDBOX_REMEMBER_APPROVALS", false))
        .put("consumers", new JsonArray().add(new JsonObject()
            .put("key", DEFAULT_SANDBOX_CONSUMER_KEY)
            .put("secret", DEFAULT_SANDBOX_CONSUMER_SECRET)
            .put("callbackUrls", new JsonArray(callbackUrls))
            .put("callbackPrefixes", new JsonArray(loopback))
            .put("appName", "Twitter Login Gateway")))
        .put("oauth2Clients", new JsonArray().add(new JsonObject()
            .put("clientId", clientId.orElse(DEFAULT_SANDBOX_CLIENT_ID))
            .put("clientSecret", clientId.isPresent() ? clientSecret.orElse(null) : DEFAULT_SANDBOX_CLIENT_SECRET)
            .put("redirectUris", new JsonArray(callbackUrls))
            .put("redirectUriPrefixes", new JsonArray(loopback))
            .put("appName", "Twitter Login Gateway")));
  }

  /** The sandbox's own check, at start: X takes at most ten callback URLs, each without a query. */
  private static JsonObject checked(JsonObject sandbox) {
    try {
      SandboxSettings.fromJson(sandbox);
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException("SANDBOX_CALLBACK_URLS (with PUBLIC_URL/callback): " + invalid.getMessage());
    }
    return sandbox;
  }

  /** A wildcard bind address is no address a browser can open. */
  private static String browsable(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
  }

  /** Where browsers open the gateway's start page. */
  public String publicUrl() {
    return publicUrl(gateway.getPort());
  }

  /** Where browsers open the gateway's start page, once it listens on {@code httpPort}. */
  public String publicUrl(int httpPort) {
    return new GatewayOptions(gateway).setPort(httpPort).publicUrl() + gateway.getBasePath();
  }

  public boolean runs(Role role) {
    return roles.contains(role);
  }
}
