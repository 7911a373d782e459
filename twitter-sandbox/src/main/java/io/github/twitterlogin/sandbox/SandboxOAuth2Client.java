package io.github.twitterlogin.sandbox;

import io.vertx.core.json.JsonObject;

/**
 * A registered OAuth 2.0 app, as X's "User authentication settings" describe it: a client id, a
 * secret for a confidential client (a web app) or none for a public one (a native app or a
 * single-page app), the redirect URIs it may use, and its name on the consent page.
 */
public record SandboxOAuth2Client(String clientId, String clientSecret, RegisteredCallbacks redirectUris,
    String appName) {

  public static final String DEFAULT_CLIENT_ID = "sandbox-client-id";
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-secret";

  static final RegisteredCallbacks DEFAULT_REDIRECT_URIS = SandboxConsumer.DEFAULT_CALLBACKS;

  public SandboxOAuth2Client {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("A sandbox OAuth 2.0 client needs a clientId");
    }
    if (clientSecret != null && clientSecret.isBlank()) {
      throw new IllegalArgumentException("clientSecret must not be blank; leave it out for a public client");
    }
    appName = appName == null || appName.isBlank() ? "Sandbox app" : appName;
  }

  static SandboxOAuth2Client byDefault() {
    return new SandboxOAuth2Client(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URIS,
        SandboxConsumer.DEFAULT_APP_NAME);
  }

  /** A confidential client authenticates at the token endpoint with HTTP Basic; a public one sends only its id. */
  boolean isConfidential() {
    return clientSecret != null;
  }

  /** X's rule for {@code redirect_uri}: an exact match of a registered one. */
  boolean approves(String redirectUri) {
    return redirectUris.approvesExactly(redirectUri);
  }

  /** {@code redirectUris} and the development {@code redirectUriPrefixes}: at least one of them. */
  static SandboxOAuth2Client fromJson(JsonObject json) {
    String clientId = json.getString("clientId");
    try {
      return new SandboxOAuth2Client(clientId, json.getString("clientSecret"),
          RegisteredCallbacks.fromJson(json, "redirectUris", "redirectUriPrefixes", null), json.getString("appName"));
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException("Sandbox OAuth 2.0 client " + clientId + ": " + invalid.getMessage());
    }
  }

  @Override
  public String toString() {
    return "SandboxOAuth2Client[clientId=" + clientId + ", " + (isConfidential() ? "confidential" : "public")
        + ", redirectUris=" + redirectUris + "]";
  }
}
