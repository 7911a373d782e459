package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an app may send a browser back, as X registers it: at most ten URLs, each matched
 * exactly (scheme, host, port, path, trailing slash), plus, only where a developer asks for it,
 * prefixes that any URL may start with. X has no prefixes; they exist here so that gateways on
 * other ports of a development machine sign in through one sandbox.
 *
 * @param urls the registered URLs, without query or fragment, as X's dashboard takes them
 * @param developmentPrefixes text that an approved URL may start with, a development setting
 */
public record RegisteredCallbacks(List<String> urls, List<String> developmentPrefixes) {

  /** X's dashboard takes ten callback URLs per app. */
  public static final int MAX_URLS = 10;

  public RegisteredCallbacks {
    urls = List.copyOf(urls);
    developmentPrefixes = List.copyOf(developmentPrefixes);
    if (urls.size() > MAX_URLS) {
      throw new IllegalArgumentException("At most " + MAX_URLS + " callback URLs can be registered, as on X; got "
          + urls.size());
    }
    for (String url : urls) {
      if (!isPlainHttpUrl(url) || url.contains("?") || url.contains("#")) {
        throw new IllegalArgumentException("A registered callback URL must be a plain http(s) URL without query or"
            + " fragment, as X's dashboard asks: " + url);
      }
    }
    for (String prefix : developmentPrefixes) {
      if (!prefix.regionMatches(true, 0, "http://", 0, 7) && !prefix.regionMatches(true, 0, "https://", 0, 8)) {
        throw new IllegalArgumentException("A callback prefix must start with http:// or https://: " + prefix);
      }
    }
    if (urls.isEmpty() && developmentPrefixes.isEmpty()) {
      throw new IllegalArgumentException("An app needs at least one registered callback URL");
    }
  }

  /**
   * OAuth 1.0a's {@code oauth_callback}: X lets an app add "any standard query strings" to a
   * registered URL, so the URL before its query must be registered.
   */
  boolean approvesWithQuery(String callback) {
    int query = callback.indexOf('?');
    return approves(callback, query < 0 ? callback : callback.substring(0, query));
  }

  /** OAuth 2.0's {@code redirect_uri}: "an exact match" of a registered URL, query and all. */
  boolean approvesExactly(String redirectUri) {
    return approves(redirectUri, redirectUri);
  }

  /**
   * The URL must be a plain http(s) URL: {@code http://127.0.0.1:80@evil.example/} starts with
   * the prefix {@code http://127.0.0.1:}, yet its host is evil.example.
   */
  private boolean approves(String url, String registeredPart) {
    return isPlainHttpUrl(url) && !url.contains("#")
        && (urls.contains(registeredPart) || developmentPrefixes.stream().anyMatch(url::startsWith));
  }

  static boolean isPlainHttpUrl(String url) {
    try {
      URI parsed = new URI(url);
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null
          && parsed.getRawUserInfo() == null;
    } catch (URISyntaxException invalid) {
      return false;
    }
  }

  /**
   * Reads {@code urlsKey} and {@code prefixesKey} (each a string or an array of strings), and
   * {@code legacyPrefixKey}, the older name of the prefixes.
   */
  static RegisteredCallbacks fromJson(JsonObject json, String urlsKey, String prefixesKey, String legacyPrefixKey) {
    List<String> prefixes = new ArrayList<>(texts(json, prefixesKey));
    prefixes.addAll(texts(json, legacyPrefixKey));
    List<String> urls = texts(json, urlsKey);
    if (urls.isEmpty() && prefixes.isEmpty()) {
      throw new IllegalArgumentException("registers no callback URL: set " + urlsKey);
    }
    return new RegisteredCallbacks(urls, prefixes);
  }

  private static List<String> texts(JsonObject json, String key) {
    Object value = key == null ? null : json.getValue(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return List.of(text);
    }
    if (value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance)) {
      return array.stream().map(String.class::cast).toList();
    }
    throw new IllegalArgumentException(key + " must be a string or an array of strings");
  }
}
