package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A registered OAuth 1.0a app: its consumer key and secret, its callback URLs, and its X
 * settings.
 *
 * @param accessLevel the app's permission, which its tokens get unless {@code x_auth_access_type}
 *     asks for less
 * @param limitedV11Access whether {@code verify_credentials} answers 403 with error 453, as it
 *     does on X's access tiers that have "limited v1.1 endpoints" only
 */
public record SandboxConsumer(String key, String secret, RegisteredCallbacks callbacks, String appName,
    AccessLevel accessLevel, boolean limitedV11Access) {

  public static final String DEFAULT_KEY = "sandbox-consumer-key";
  public static final String DEFAULT_SECRET = "sandbox-consumer-secret";
  /** The gateway's callback, {@code PUBLIC_URL/callback}, at its default PUBLIC_URL. */
  public static final List<String> DEFAULT_CALLBACK_URLS = List.of("http://127.0.0.1:8080/callback");
  /**
   * A development setting: a second gateway on this machine takes another port, so any URL on
   * 127.0.0.1 is approved too. X has no such thing; it takes 127.0.0.1, not localhost.
   */
  public static final List<String> DEFAULT_CALLBACK_PREFIXES = List.of("http://127.0.0.1:");
  public static final String DEFAULT_APP_NAME = "Twitter Login Gateway";
  public static final AccessLevel DEFAULT_ACCESS_LEVEL = AccessLevel.READ_WRITE;

  static final RegisteredCallbacks DEFAULT_CALLBACKS =
      new RegisteredCallbacks(DEFAULT_CALLBACK_URLS, DEFAULT_CALLBACK_PREFIXES);

  public SandboxConsumer {
    if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("A sandbox consumer needs a key and a secret");
    }
    appName = appName == null || appName.isBlank() ? "Sandbox app" : appName;
  }

  static SandboxConsumer byDefault() {
    return new SandboxConsumer(DEFAULT_KEY, DEFAULT_SECRET, DEFAULT_CALLBACKS, DEFAULT_APP_NAME,
        DEFAULT_ACCESS_LEVEL, false);
  }

  /**
   * X only sends a browser back to a callback registered for the app (error 415), with any
   * query the app adds.
   */
  boolean approves(String callback) {
    return callbacks.approvesWithQuery(callback);
  }

  /**
   * {@code callbackUrls} and the development {@code callbackPrefixes} (or their older name,
   * {@code callbackPrefix}): at least one of them.
   */
  static SandboxConsumer fromJson(JsonObject json) {
    String key = json.getString("key");
    try {
      return new SandboxConsumer(key, json.getString("secret"),
          RegisteredCallbacks.fromJson(json, "callbackUrls", "callbackPrefixes", "callbackPrefix"),
          json.getString("appName"),
          AccessLevel.fromHeader(json.getString("accessLevel", DEFAULT_ACCESS_LEVEL.header())),
          json.getBoolean("limitedV11Access", false));
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException("Sandbox consumer " + key + ": " + invalid.getMessage());
    }
  }

  @Override
  public String toString() {
    return "SandboxConsumer[key=" + key + ", secret=(hidden), callbacks=" + callbacks + ", accessLevel="
        + accessLevel.header() + "]";
  }
}
