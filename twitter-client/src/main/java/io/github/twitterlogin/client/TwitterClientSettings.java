package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.ConsumerCredentials;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The Twitter client verticle's config, read once at start. {@code apiBaseUrl} has no trailing
 * slash and may carry a path prefix (a proxy or a sandbox mounted below the root).
 */
public record TwitterClientSettings(
    String apiBaseUrl, ConsumerCredentials consumer, int connectTimeoutMillis, long requestTimeoutMillis) {

  public static final String DEFAULT_API_BASE_URL = "https://api.twitter.com";
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  /**
   * @throws IllegalArgumentException naming the key that is missing or malformed, never its value
   */
  public static TwitterClientSettings fromJson(JsonObject config) {
    JsonObject json = config == null ? new JsonObject() : config;
    return new TwitterClientSettings(
        apiBaseUrl(optionalText(json, "apiBaseUrl", DEFAULT_API_BASE_URL)),
        new ConsumerCredentials(requiredText(json, "consumerKey"), requiredText(json, "consumerSecret")),
        (int) positiveMillis(json, "connectTimeoutMillis", DEFAULT_CONNECT_TIMEOUT_MILLIS, Integer.MAX_VALUE),
        positiveMillis(json, "requestTimeoutMillis", DEFAULT_REQUEST_TIMEOUT_MILLIS, Long.MAX_VALUE));
  }

  private static String apiBaseUrl(String text) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("apiBaseUrl is not a valid URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw invalid("apiBaseUrl must be an absolute http or https URL");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw invalid("apiBaseUrl must not carry a query, a fragment or user info");
    }
    return text.replaceAll("/+$", "");
  }

  private static String requiredText(JsonObject json, String key) {
    String value = optionalText(json, key, null);
    if (value == null || value.isBlank()) {
      throw invalid(key + " is required");
    }
    return value;
  }

  private static String optionalText(JsonObject json, String key, String defaultValue) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String text)) {
      throw invalid(key + " must be a string");
    }
    return text;
  }

  private static long positiveMillis(JsonObject json, String key, long defaultValue, long max) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() <= 0
        || ((Number) value).longValue() > max) {
      throw invalid(key + " must be a positive whole number of milliseconds");
    }
    return ((Number) value).longValue();
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException("Invalid twitter-client config: " + problem);
  }
}
