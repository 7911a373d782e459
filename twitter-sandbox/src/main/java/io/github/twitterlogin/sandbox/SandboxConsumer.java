package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A registered app: its consumer key and secret, and the callback URLs it may use. */
public record SandboxConsumer(String key, String secret, List<String> callbackPrefixes, String appName) {

  public static final String DEFAULT_KEY = "sandbox-consumer-key";
  public static final String DEFAULT_SECRET = "sandbox-consumer-secret";
  public static final List<String> DEFAULT_CALLBACK_PREFIXES = List.of("http://127.0.0.1:", "http://localhost:");

  public SandboxConsumer {
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("A sandbox consumer needs a key and a secret");
    }
    callbackPrefixes = List.copyOf(callbackPrefixes);
  }

  static SandboxConsumer byDefault() {
    return new SandboxConsumer(DEFAULT_KEY, DEFAULT_SECRET, DEFAULT_CALLBACK_PREFIXES, "Twitter Login Gateway");
  }

  /** Twitter only sends a browser back to a callback registered for the app (error 415). */
  boolean approves(String callback) {
    return callbackPrefixes.stream().anyMatch(callback::startsWith);
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
