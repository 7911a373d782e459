package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.sandbox.OAuth2Grants.Code;
import io.github.twitterlogin.sandbox.OAuth2Grants.Issued;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code POST /2/oauth2/token} and {@code POST /2/oauth2/revoke}: X's OAuth 2.0 token
 * endpoints. A confidential client authenticates with HTTP Basic (its id and secret, RFC 6749
 * section 2.3.1), a public one sends its {@code client_id} in the form. Refusals are X's:
 * {@code invalid_request} with X's descriptions.
 */
final class OAuth2TokenEndpoints {

  private static final String FORM = "application/x-www-form-urlencoded";

  private final SandboxSettings settings;
  private final OAuth2Grants grants;

  OAuth2TokenEndpoints(SandboxSettings settings, OAuth2Grants grants) {
    this.settings = settings;
    this.grants = grants;
  }

  void token(RoutingContext ctx) {
    MultiMap form = form(ctx);
    SandboxOAuth2Client client = authenticate(ctx, form);
    String grantType = required(form, "grant_type");
    Issued issued = switch (grantType) {
      case "authorization_code" -> exchangeCode(form, client);
      case "refresh_token" -> grants.refresh(required(form, "refresh_token"), client.clientId())
          .orElseThrow(OAuth2Error::invalidToken);
      default -> throw new OAuth2Error(400, "unsupported_grant_type", "grant_type must be authorization_code or"
          + " refresh_token");
    };
    JsonObject answer = new JsonObject()
        .put("token_type", "bearer")
        .put("expires_in", settings.oauth2AccessTokenLifetime().toSeconds())
        .put("access_token", issued.access().token())
        .put("scope", String.join(" ", issued.access().grant().scopes));
    if (issued.refreshToken() != null) {
      answer.put("refresh_token", issued.refreshToken());
    }
    ctx.response().putHeader("Pragma", "no-cache");
    TwitterAnswers.json(ctx, 200, answer);
  }

  /** RFC 7009: 200 for any token, known or not; X answers {@code {"revoked":true}}. */
  void revoke(RoutingContext ctx) {
    MultiMap form = form(ctx);
    SandboxOAuth2Client client = authenticate(ctx, form);
    grants.revokeToken(required(form, "token"), client.clientId());
    TwitterAnswers.json(ctx, 200, new JsonObject().put("revoked", true));
  }

  /**
   * The code is spent by its first exchange, good or bad: a wrong verifier or redirect URI
   * leaves no second try to an attacker who guesses. A spent code presented again revokes what
   * it was exchanged for (RFC 6749 section 4.1.2).
   */
  private Issued exchangeCode(MultiMap form, SandboxOAuth2Client client) {
    String presented = required(form, "code");
    String redirectUri = required(form, "redirect_uri");
    String verifier = required(form, "code_verifier");
    Code code = grants.code(presented).filter(found -> found.clientId.equals(client.clientId()))
        .orElseThrow(OAuth2Error::invalidCode);
    if (code.spent) {
      grants.revoke(code);
      throw OAuth2Error.invalidCode();
    }
    grants.spend(code);
    if (!code.redirectUri.equals(redirectUri)) {
      throw OAuth2Error.invalidRequest("Value passed for the redirect uri did not match the uri of the authorization"
          + " code.");
    }
    if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
        code.codeChallenge.getBytes(StandardCharsets.US_ASCII))) {
      throw OAuth2Error.invalidRequest("Value passed for the code verifier did not match the code challenge.");
    }
    return grants.grant(code);
  }

  /**
   * HTTP Basic for a confidential client, whose missing or wrong credentials X answers 401
   * {@code unauthorized_client}; {@code client_id} in the form for a public one.
   */
  private SandboxOAuth2Client authenticate(RoutingContext ctx, MultiMap form) {
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] credentials = basicCredentials(authorization.substring(6).trim());
      SandboxOAuth2Client client = settings.oauth2Client(credentials[0])
          .filter(SandboxOAuth2Client::isConfidential)
          .filter(found -> MessageDigest.isEqual(found.clientSecret().getBytes(StandardCharsets.UTF_8),
              credentials[1].getBytes(StandardCharsets.UTF_8)))
          .orElseThrow(OAuth2Error::missingClientAuthentication);
      String clientId = form.get("client_id");
      if (clientId != null && !clientId.equals(client.clientId())) {
        throw OAuth2Error.invalidRequest("Value passed for the client_id did not match the authorization header.");
      }
      return client;
    }
    SandboxOAuth2Client client = settings.oauth2Client(required(form, "client_id"))
        .orElseThrow(() -> new OAuth2Error(401, "invalid_client", "Value passed for the client_id was invalid."));
    if (client.isConfidential()) {
      throw OAuth2Error.missingClientAuthentication();
    }
    return client;
  }

  /** {@code client_id:client_secret}, each form-encoded (RFC 6749 section 2.3.1), in Base64. */
  private static String[] basicCredentials(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw OAuth2Error.missingClientAuthentication();
      }
      return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    } catch (IllegalArgumentException undecodable) {
      throw OAuth2Error.missingClientAuthentication();
    }
  }

  private static MultiMap form(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
      throw OAuth2Error.invalidRequest("The body must be application/x-www-form-urlencoded.");
    }
    return ctx.request().formAttributes();
  }

  private static String required(MultiMap form, String name) {
    String value = form.get(name);
    if (value == null || value.isEmpty()) {
      throw OAuth2Error.missing(name);
    }
    return value;
  }

  /** RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))), without padding. */
  static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException noSha256) {
      throw new IllegalStateException(noSha256);
    }
  }
}
