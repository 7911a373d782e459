package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Asks for the page a browser is sent to for an OAuth 2.0 sign-in (X's {@code
 * i/oauth2/authorize}). The caller makes the {@code state} and the PKCE verifier and keeps both;
 * only the verifier's S256 challenge travels here (RFC 7636 section 4.2), so that the verifier
 * leaves the caller once, at the code exchange.
 *
 * @param redirectUri the callback, exactly as registered with the app
 * @param scopes X's scope names, such as {@code tweet.read users.read offline.access}
 */
public record OAuth2AuthorizeRequest(String redirectUri, List<String> scopes, String state, String codeChallenge) {

  /** RFC 7636 section 4.2: BASE64URL(SHA256(verifier)), 32 bytes unpadded. */
  private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern SCOPE = Pattern.compile("[a-z][a-z.]{0,63}");
  /** X refuses a state longer than 500 characters. */
  private static final int MAX_STATE_LENGTH = 500;

  public OAuth2AuthorizeRequest {
    if (redirectUri == null || !redirectUri.startsWith("http://") && !redirectUri.startsWith("https://")) {
      throw MessageFields.badRequest("redirectUri must be an http or https URL");
    }
    if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(scope -> scope == null
        || !SCOPE.matcher(scope).matches())) {
      throw MessageFields.badRequest("scopes must be X's scope names, such as users.read");
    }
    scopes = List.copyOf(scopes);
    if (state == null || state.isBlank() || state.length() > MAX_STATE_LENGTH) {
      throw MessageFields.badRequest("state is required, at most " + MAX_STATE_LENGTH + " characters");
    }
    if (codeChallenge == null || !S256_CHALLENGE.matcher(codeChallenge).matches()) {
      throw MessageFields.badRequest("codeChallenge must be the S256 challenge: 43 base64url characters");
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("redirectUri", redirectUri)
        .put("scopes", new JsonArray(scopes))
        .put("state", state)
        .put("codeChallenge", codeChallenge);
  }

  public static OAuth2AuthorizeRequest fromJson(JsonObject json) {
    return new OAuth2AuthorizeRequest(
        MessageFields.requiredText(json, "redirectUri"),
        MessageFields.optionalTexts(json, "scopes"),
        MessageFields.requiredText(json, "state"),
        MessageFields.requiredText(json, "codeChallenge"));
  }
}
