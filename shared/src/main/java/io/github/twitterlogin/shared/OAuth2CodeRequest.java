package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * The OAuth 2.0 callback's step: the {@code code} X gave the callback, exchanged with the PKCE
 * {@code codeVerifier} the login started with and the same {@code redirectUri} (RFC 6749 section
 * 4.1.3, RFC 7636 section 4.5). X takes a code for 30 seconds, once.
 */
public record OAuth2CodeRequest(String code, String codeVerifier, String redirectUri) {

  /** RFC 7636 section 4.1: 43 to 128 unreserved characters. */
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  public OAuth2CodeRequest {
    if (code == null || code.isBlank()) {
      throw MessageFields.badRequest("code is required");
    }
    if (codeVerifier == null || !VERIFIER.matcher(codeVerifier).matches()) {
      throw MessageFields.badRequest("codeVerifier must be 43 to 128 unreserved characters (RFC 7636 section 4.1)");
    }
    if (redirectUri == null || redirectUri.isBlank()) {
      throw MessageFields.badRequest("redirectUri is required");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("codeVerifier", codeVerifier).put("redirectUri", redirectUri);
  }

  public static OAuth2CodeRequest fromJson(JsonObject json) {
    return new OAuth2CodeRequest(
        MessageFields.requiredText(json, "code"),
        MessageFields.requiredText(json, "codeVerifier"),
        MessageFields.requiredText(json, "redirectUri"));
  }

  @Override
  public String toString() {
    return "OAuth2CodeRequest[code=(hidden), codeVerifier=(hidden), redirectUri=" + redirectUri + "]";
  }
}
