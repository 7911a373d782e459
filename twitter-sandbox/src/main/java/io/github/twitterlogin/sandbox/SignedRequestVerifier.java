package io.github.twitterlogin.sandbox;

import io.github.twitterlogin.client.oauth.AuthorizationHeader;
import io.github.twitterlogin.client.oauth.HmacSha1Signature;
import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.client.oauth.SignatureBaseString;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a signed request as strictly as Twitter: the header's form, the consumer, the
 * timestamp, the token, the HMAC-SHA1 signature (RFC 5849 section 3.4), and the nonce. Each
 * refusal is the answer Twitter gives.
 */
final class SignedRequestVerifier {

  /** A request that passed: its consumer, its token (or null) and its {@code oauth_*} parameters. */
  record Verified(SandboxConsumer consumer, String token, Map<String, String> protocol) {
  }

  private static final List<String> REQUIRED = List.of(
      "oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp");

  private final SandboxSettings settings;
  private final Clock clock;
  private final NonceMemory nonces;

  SignedRequestVerifier(SandboxSettings settings, Clock clock, NonceMemory nonces) {
    this.settings = settings;
    this.clock = clock;
    this.nonces = nonces;
  }

  /**
   * @param tokens the secrets of the tokens this step accepts; a request without a token is
   *     signed with the consumer secret alone
   * @throws TwitterError when Twitter would refuse the request
   */
  Verified verify(SignedRequest request, TokenSecrets tokens) {
    Map<String, String> protocol = protocolParameters(request.authorization());
    SandboxConsumer consumer = settings.consumer(protocol.get("oauth_consumer_key"))
        .orElseThrow(() -> TwitterError.couldNotAuthenticate("unknown consumer key"));
    requireSupportedMethod(protocol);
    requireFreshTimestamp(protocol.get("oauth_timestamp"));
    String token = protocol.get("oauth_token");
    String secret = token == null ? null
        : tokens.secretOf(consumer, token).orElseThrow(TwitterError::invalidOrExpiredToken);
    requireSignature(request, protocol, consumer, secret);
    if (!nonces.firstUse(consumer.key(), token, protocol.get("oauth_nonce"))) {
      throw TwitterError.couldNotAuthenticate("this nonce was already used");
    }
    return new Verified(consumer, token, protocol);
  }

  private static Map<String, String> protocolParameters(String authorization) {
    if (authorization == null) {
      throw new TwitterError(400, 215, "Bad Authentication data.");
    }
    List<Parameter> parameters;
    try {
      parameters = AuthorizationHeader.parse(authorization);
    } catch (IllegalArgumentException malformed) {
      throw new TwitterError(400, 215, "Bad Authentication data.");
    }
    Map<String, String> protocol = new HashMap<>();
    for (Parameter parameter : parameters) {
      if (protocol.put(parameter.name(), parameter.value()) != null) {
        throw new TwitterError(400, 215, "Bad Authentication data. (" + parameter.name() + " twice)");
      }
    }
    REQUIRED.stream().filter(name -> !protocol.containsKey(name)).findFirst().ifPresent(missing -> {
      throw new TwitterError(400, 215, "Bad Authentication data. (no " + missing + ")");
    });
    return protocol;
  }

  private static void requireSupportedMethod(Map<String, String> protocol) {
    if (!HmacSha1Signature.METHOD.equals(protocol.get("oauth_signature_method"))) {
      throw TwitterError.couldNotAuthenticate("only HMAC-SHA1 signatures are supported");
    }
    String version = protocol.get("oauth_version");
    if (version != null && !version.equals("1.0")) {
      throw TwitterError.couldNotAuthenticate("oauth_version must be 1.0");
    }
  }

  private void requireFreshTimestamp(String timestamp) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException notANumber) {
      throw TwitterError.timestampOutOfBounds();
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > settings.allowedClockSkew().toSeconds()) {
      throw TwitterError.timestampOutOfBounds();
    }
  }

  /** Section 3.4.1.3.1: every parameter but oauth_signature and realm is signed. */
  private static void requireSignature(SignedRequest request, Map<String, String> protocol,
      SandboxConsumer consumer, String tokenSecret) {
    List<Parameter> signed = protocol.entrySet().stream()
        .filter(entry -> !entry.getKey().equals("oauth_signature") && !entry.getKey().equals("realm"))
        .map(entry -> new Parameter(entry.getKey(), entry.getValue()))
        .toList();
    String expected;
    try {
      expected = HmacSha1Signature.sign(
          SignatureBaseString.create(request.method(), request.url(), request.form(), signed),
          consumer.secret(), tokenSecret);
    } catch (IllegalArgumentException undecodable) {
      throw TwitterError.badRequest("The request's query could not be decoded");
    }
    if (!HmacSha1Signature.matches(expected, protocol.get("oauth_signature"))) {
      throw TwitterError.couldNotAuthenticate("the signature does not match");
    }
  }
}
