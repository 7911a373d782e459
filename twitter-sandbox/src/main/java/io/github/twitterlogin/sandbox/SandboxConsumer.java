package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** A registered app: its consumer key and secret, and the callback URLs it may use. */
public record SandboxConsumer(String key, String secret, List<String> callbackPrefixes, String appName) {

  public static final String DEFAULT_KEY = "sandbox-consumer-key";
  public static final String DEFAULT_SECRET = "sandbox-consumer-secret";
  /**
   * The gateway's callback is {@code PUBLIC_URL/callback}, by default on 127.0.0.1:8080, and a
   * second gateway on the same machine takes another port: any port on this machine is approved.
   */
  public static final List<String> DEFAULT_CALLBACK_PREFIXES = List.of("http://127.0.0.1:", "http://localhost:");
  public static final String DEFAULT_APP_NAME = "Twitter Login Gateway";

  public SandboxConsumer {
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("A sandbox consumer needs a key and a secret");
    }
    callbackPrefixes = List.copyOf(callbackPrefixes);
  }

  static SandboxConsumer byDefault() {
    return new SandboxConsumer(DEFAULT_KEY, DEFAULT_SECRET, DEFAULT_CALLBACK_PREFIXES, DEFAULT_APP_NAME);
  }

  /**
   * Twitter only sends a browser back to a callback registered for the app (error 415). The
   * callback must be a plain http(s) URL: {@code http://127.0.0.1:80@evil.example/} starts with
   * an approved prefix, yet its host is evil.example.
   */
  boolean approves(String callback) {
    return isPlainHttpUrl(callback) && callbackPrefixes.stream().anyMatch(callback::startsWith);
  }

  private static boolean isPlainHttpUrl(String url) {
    try {
      URI parsed = new URI(url);
      return ("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))
          && parsed.getHost() != null && parsed.getRawUserInfo() == null;
    } catch (URISyntaxException invalid) {
      return false;
    }
  }

  static SandboxConsumer fromJson(JsonObject json) {
    Object prefixes = json.getValue("callbackPrefix");
    List<String> callbackPrefixes = prefixes instanceof JsonArray array
        ? array.stream().map(String::valueOf).toList()
        : prefixes == null ? DEFAULT_CALLBACK_PREFIXES : List.of(String.valueOf(prefixes));
    return new SandboxConsumer(json.getString("key"), json.getString("secret"), callbackPrefixes,
        json.getString("appName", "Sandbox app"));
  }

  @Override
  public String toString() {
    return "SandboxConsumer[key=" + key + ", secret=(hidden), callbackPrefixes=" + callbackPrefixes + "]";
  }
}
