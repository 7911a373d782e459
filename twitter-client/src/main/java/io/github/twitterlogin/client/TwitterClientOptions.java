package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.ConsumerCredentials;
import io.github.twitterlogin.shared.crypto.Keyring;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of a {@link TwitterClientVerticle}, in the manner of Vert.x's own options
 * ({@code HttpServerOptions}): defaults here, fluent setters, a JSON form with the keys of the
 * verticle's deployment config, and {@link #validate()}.
 *
 * <p>{@link #toJson()} carries the consumer secret and the client secret, since it is the
 * deployment config; never log it. {@link #toString()} hides the secrets and is the form to log.
 */
public class TwitterClientOptions {

  /** X's API host; {@code https://api.twitter.com} serves the same API and still works. */
  public static final String DEFAULT_API_BASE_URL = "https://api.x.com";
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
  /** Other verticles may call Twitter as a signed-in user by her id; the client keeps her token. */
  public static final boolean DEFAULT_USER_CALLS = true;
  public static final UserTokenRetention DEFAULT_USER_TOKEN_RETENTION = UserTokenRetention.SESSION;
  /** X serves OAuth 2.0's consent page on its web host, not on the API's. */
  public static final String X_AUTHORIZE_URL = "https://x.com/i/oauth2/authorize";
  /** The authorize page below any other API base URL (the sandbox serves it on its own host, as a proxy may). */
  public static final String AUTHORIZE_PATH = "/i/oauth2/authorize";

  static final String API_BASE_URL = "apiBaseUrl";
  static final String CONSUMER_KEY = "consumerKey";
  static final String CONSUMER_SECRET = "consumerSecret";
  static final String CONNECT_TIMEOUT_MILLIS = "connectTimeoutMillis";
  static final String REQUEST_TIMEOUT_MILLIS = "requestTimeoutMillis";
  static final String USER_CALLS = "userCalls";
  static final String USER_TOKEN_RETENTION = "userTokenRetention";
  static final String TOKEN_ENCRYPTION_KEYS = "tokenEncryptionKeys";
  static final String CLIENT_ID = "clientId";
  static final String CLIENT_SECRET = "clientSecret";
  static final String AUTHORIZE_URL = "authorizeUrl";

  private static final int MAX_PORT = 65_535;

  private String apiBaseUrl;
  private String consumerKey;
  private String consumerSecret;
  private int connectTimeoutMillis;
  private long requestTimeoutMillis;
  private boolean userCalls;
  private UserTokenRetention userTokenRetention;
  private String tokenEncryptionKeys;
  private String clientId;
  private String clientSecret;
  private String authorizeUrl;

  public TwitterClientOptions() {
    apiBaseUrl = DEFAULT_API_BASE_URL;
    connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
    userCalls = DEFAULT_USER_CALLS;
    userTokenRetention = DEFAULT_USER_TOKEN_RETENTION;
  }

  public TwitterClientOptions(TwitterClientOptions other) {
    apiBaseUrl = other.apiBaseUrl;
    consumerKey = other.consumerKey;
    consumerSecret = other.consumerSecret;
    connectTimeoutMillis = other.connectTimeoutMillis;
    requestTimeoutMillis = other.requestTimeoutMillis;
    userCalls = other.userCalls;
    userTokenRetention = other.userTokenRetention;
    tokenEncryptionKeys = other.tokenEncryptionKeys;
    clientId = other.clientId;
    clientSecret = other.clientSecret;
    authorizeUrl = other.authorizeUrl;
  }

  /**
   * Reads the keys of {@link #toJson()}; a missing key keeps its default and other keys are
   * ignored (a deployment config may carry more).
   *
   * @throws IllegalArgumentException naming a key whose value has the wrong JSON type, never the value
   */
  public TwitterClientOptions(JsonObject json) {
    this();
    JsonObject config = json == null ? new JsonObject() : json;
    setApiBaseUrl(text(config, API_BASE_URL, apiBaseUrl));
    setConsumerKey(text(config, CONSUMER_KEY, null));
    setConsumerSecret(text(config, CONSUMER_SECRET, null));
    setConnectTimeoutMillis(
        (int) wholeNumber(config, CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis, Integer.MAX_VALUE));
    setRequestTimeoutMillis(wholeNumber(config, REQUEST_TIMEOUT_MILLIS, requestTimeoutMillis, Long.MAX_VALUE));
    setUserCalls(flag(config, USER_CALLS, userCalls));
    setUserTokenRetention(retention(config, userTokenRetention.value()));
    setTokenEncryptionKeys(text(config, TOKEN_ENCRYPTION_KEYS, null));
    setClientId(text(config, CLIENT_ID, null));
    setClientSecret(text(config, CLIENT_SECRET, null));
    setAuthorizeUrl(text(config, AUTHORIZE_URL, null));
  }

  /** The deployment config, consumer secret included: never log it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put(API_BASE_URL, apiBaseUrl)
        .put(CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .put(REQUEST_TIMEOUT_MILLIS, requestTimeoutMillis);
    if (consumerKey != null) {
      json.put(CONSUMER_KEY, consumerKey);
    }
    if (consumerSecret != null) {
      json.put(CONSUMER_SECRET, consumerSecret);
    }
    json.put(USER_CALLS, userCalls).put(USER_TOKEN_RETENTION, userTokenRetention.value());
    if (tokenEncryptionKeys != null) {
      json.put(TOKEN_ENCRYPTION_KEYS, tokenEncryptionKeys);
    }
    putIfSet(json, CLIENT_ID, clientId);
    putIfSet(json, CLIENT_SECRET, clientSecret);
    putIfSet(json, AUTHORIZE_URL, authorizeUrl);
    return json;
  }

  /**
   * Checks every option, in the order of the config's documentation.
   *
   * @return this, for chaining
   * @throws IllegalArgumentException naming the first option that is missing or malformed; the
   *     message never holds a value, since a malformed one may hold the secret
   */
  public TwitterClientOptions validate() {
    checkApiBaseUrl();
    if (clientId == null || consumerKey != null || consumerSecret != null) {
      require(consumerKey, CONSUMER_KEY);
      require(consumerSecret, CONSUMER_SECRET);
    }
    if (clientId != null && clientId.isBlank() || clientSecret != null && clientId == null) {
      throw invalid(CLIENT_ID + " is required with " + CLIENT_SECRET + " and must not be blank");
    }
    if (clientSecret != null && clientSecret.isBlank()) {
      throw invalid(CLIENT_SECRET + " must not be blank; leave it out for a public client");
    }
    if (authorizeUrl != null) {
      checkUrl(AUTHORIZE_URL, authorizeUrl);
    }
    if (connectTimeoutMillis <= 0) {
      throw invalid(CONNECT_TIMEOUT_MILLIS + " must be a positive whole number of milliseconds");
    }
    if (requestTimeoutMillis <= 0) {
      throw invalid(REQUEST_TIMEOUT_MILLIS + " must be a positive whole number of milliseconds");
    }
    if (userCalls && (tokenEncryptionKeys == null || tokenEncryptionKeys.isBlank())) {
      throw invalid(TOKEN_ENCRYPTION_KEYS + " is required while " + USER_CALLS
          + " is on: the users' tokens are sealed with them in the cluster (SESSION_ENCRYPTION_KEYS)");
    }
    if (tokenEncryptionKeys != null) {
      Keyring.parse(TOKEN_ENCRYPTION_KEYS, tokenEncryptionKeys);
    }
    return this;
  }

  /** The base URL, without a trailing slash; it may carry a path prefix (a proxy, the sandbox). */
  public String getApiBaseUrl() {
    return apiBaseUrl;
  }

  /** Trailing slashes are dropped, so that {@code apiBaseUrl + "/" + path} is the call's URL. */
  public TwitterClientOptions setApiBaseUrl(String apiBaseUrl) {
    this.apiBaseUrl = apiBaseUrl == null ? null : apiBaseUrl.replaceAll("/+$", "");
    return this;
  }

  public String getConsumerKey() {
    return consumerKey;
  }

  public TwitterClientOptions setConsumerKey(String consumerKey) {
    this.consumerKey = consumerKey;
    return this;
  }

  public String getConsumerSecret() {
    return consumerSecret;
  }

  /** The app's API secret: from the environment or a config file, never from code. */
  public TwitterClientOptions setConsumerSecret(String consumerSecret) {
    this.consumerSecret = consumerSecret;
    return this;
  }

  public int getConnectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public TwitterClientOptions setConnectTimeoutMillis(int connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
    return this;
  }

  /** How long Twitter may stay silent, while a connection is obtained and between bytes of the answer. */
  public long getRequestTimeoutMillis() {
    return requestTimeoutMillis;
  }

  public TwitterClientOptions setRequestTimeoutMillis(long requestTimeoutMillis) {
    this.requestTimeoutMillis = requestTimeoutMillis;
    return this;
  }

  public boolean isUserCalls() {
    return userCalls;
  }

  /**
   * Whether other verticles may call Twitter as a signed-in user by her id: the client then keeps
   * each signed-in user's token in the cluster, sealed; off, a caller must hold the token.
   */
  public TwitterClientOptions setUserCalls(boolean userCalls) {
    this.userCalls = userCalls;
    return this;
  }

  public UserTokenRetention getUserTokenRetention() {
    return userTokenRetention;
  }

  public TwitterClientOptions setUserTokenRetention(UserTokenRetention userTokenRetention) {
    this.userTokenRetention = Objects.requireNonNull(userTokenRetention, USER_TOKEN_RETENTION);
    return this;
  }

  public String getTokenEncryptionKeys() {
    return tokenEncryptionKeys;
  }

  /** {@code id:base64-of-32-bytes}, comma-separated, as SESSION_ENCRYPTION_KEYS: they seal the kept tokens. */
  public TwitterClientOptions setTokenEncryptionKeys(String tokenEncryptionKeys) {
    this.tokenEncryptionKeys = tokenEncryptionKeys;
    return this;
  }

  public String getClientId() {
    return clientId;
  }

  /** The OAuth 2.0 client id of the app ("OAuth 2.0 Client ID and Client Secret" on X's portal). */
  public TwitterClientOptions setClientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  /**
   * The OAuth 2.0 client secret of a confidential client (a web app), sent with HTTP Basic to the
   * token endpoint; none for a public client. From the environment or a config file, never from code.
   */
  public TwitterClientOptions setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /**
   * The OAuth 2.0 authorize page: as set, or {@link #X_AUTHORIZE_URL} for X's API hosts
   * ({@code twitter.com}'s for {@code api.twitter.com}), or {@link #AUTHORIZE_PATH} below any
   * other API base URL.
   */
  public String getAuthorizeUrl() {
    if (authorizeUrl != null) {
      return authorizeUrl;
    }
    if (DEFAULT_API_BASE_URL.equals(apiBaseUrl)) {
      return X_AUTHORIZE_URL;
    }
    if ("https://api.twitter.com".equals(apiBaseUrl)) {
      return "https://twitter.com" + AUTHORIZE_PATH;
    }
    return apiBaseUrl + AUTHORIZE_PATH;
  }

  public TwitterClientOptions setAuthorizeUrl(String authorizeUrl) {
    this.authorizeUrl = authorizeUrl;
    return this;
  }

  /** Whether OAuth 1.0a calls can be signed: a consumer key is set. */
  public boolean hasConsumer() {
    return consumerKey != null;
  }

  /** The keys of the vault; call {@link #validate()} first. */
  public Keyring tokenKeys() {
    return Keyring.parse(TOKEN_ENCRYPTION_KEYS, tokenEncryptionKeys);
  }

  /** The consumer key and secret; call {@link #validate()} first, and only when {@link #hasConsumer()}. */
  public ConsumerCredentials consumer() {
    return new ConsumerCredentials(consumerKey, consumerSecret);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TwitterClientOptions that
        && Objects.equals(apiBaseUrl, that.apiBaseUrl)
        && Objects.equals(consumerKey, that.consumerKey)
        && Objects.equals(consumerSecret, that.consumerSecret)
        && connectTimeoutMillis == that.connectTimeoutMillis
        && requestTimeoutMillis == that.requestTimeoutMillis
        && userCalls == that.userCalls
        && userTokenRetention == that.userTokenRetention
        && Objects.equals(tokenEncryptionKeys, that.tokenEncryptionKeys)
        && Objects.equals(clientId, that.clientId)
        && Objects.equals(clientSecret, that.clientSecret)
        && Objects.equals(authorizeUrl, that.authorizeUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiBaseUrl, consumerKey, consumerSecret, connectTimeoutMillis, requestTimeoutMillis, userCalls,
        userTokenRetention, tokenEncryptionKeys, clientId, clientSecret, authorizeUrl);
  }

  /** Safe to log: the consumer secret is hidden. */
  @Override
  public String toString() {
    return "TwitterClientOptions{apiBaseUrl=" + apiBaseUrl
        + ", consumerKey=" + consumerKey
        + ", consumerSecret=" + (consumerSecret == null ? "(none)" : "(hidden)")
        + ", connectTimeoutMillis=" + connectTimeoutMillis
        + ", requestTimeoutMillis=" + requestTimeoutMillis
        + ", userCalls=" + userCalls
        + ", userTokenRetention=" + userTokenRetention.value()
        + ", tokenEncryptionKeys=" + (tokenEncryptionKeys == null ? "(none)" : "(hidden)")
        + ", clientId=" + (clientId == null ? "(none)" : clientId)
        + ", clientSecret=" + (clientSecret == null ? "(none)" : "(hidden)")
        + ", authorizeUrl=" + getAuthorizeUrl() + "}";
  }

  private void checkApiBaseUrl() {
    require(apiBaseUrl, API_BASE_URL);
    checkUrl(API_BASE_URL, apiBaseUrl);
  }

  private static void checkUrl(String key, String value) {
    URI url;
    try {
      url = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(key + " is not a valid URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getRawAuthority() == null) {
      throw invalid(key + " must be an absolute http or https URL");
    }
    if (url.getHost() == null) {
      // java.net.URI leaves the host out when the authority does not parse, e.g. a port that is not a number.
      throw invalid(key + " must name a host and, optionally, a numeric port");
    }
    if (url.getPort() > MAX_PORT) {
      throw invalid(key + " has a port above " + MAX_PORT);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw invalid(key + " must not carry a query, a fragment or user info");
    }
  }

  private static void putIfSet(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw invalid(key + " is required");
    }
  }

  private static String text(JsonObject json, String key, String defaultValue) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String text)) {
      throw invalid(key + " must be a string, not " + typeOf(value));
    }
    return text;
  }

  private static boolean flag(JsonObject json, String key, boolean defaultValue) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean flag)) {
      throw invalid(key + " must be true or false, not " + typeOf(value));
    }
    return flag;
  }

  private static UserTokenRetention retention(JsonObject json, String defaultValue) {
    try {
      return UserTokenRetention.fromValue(USER_TOKEN_RETENTION, text(json, USER_TOKEN_RETENTION, defaultValue));
    } catch (IllegalArgumentException unknown) {
      throw invalid(USER_TOKEN_RETENTION + " must be session or until-revoked");
    }
  }

  private static long wholeNumber(JsonObject json, String key, long defaultValue, long max) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw invalid(key + " must be a whole number of milliseconds, not " + typeOf(value));
    }
    long number = ((Number) value).longValue();
    if (number > max) {
      throw invalid(key + " must be at most " + max + " milliseconds");
    }
    return number;
  }

  /** The JSON type of a value, to say what was given without repeating it. */
  private static String typeOf(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "true or false";
    }
    if (value instanceof Number) {
      return "a decimal number";
    }
    if (value instanceof JsonArray) {
      return "an array";
    }
    return "an object";
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException("Invalid twitter-client config: " + problem);
  }
}
