package io.github.twitterlogin.client.oauth;

import io.github.twitterlogin.shared.TokenCredentials;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A request about to be signed: the URL as it will be sent (query included), the form body's
 * parameters, the token (null for a request token) and the step's own protocol parameters such
 * as {@code oauth_callback} or {@code oauth_verifier}.
 */
public record UnsignedRequest(
    String method,
    URI url,
    List<Parameter> formParameters,
    TokenCredentials token,
    List<Parameter> extraProtocolParameters) {

  public UnsignedRequest {
    method = method.toUpperCase(Locale.ROOT);
    formParameters = List.copyOf(formParameters);
    extraProtocolParameters = List.copyOf(extraProtocolParameters);
  }

  public static UnsignedRequest of(String method, URI url, TokenCredentials token) {
    return new UnsignedRequest(method, url, List.of(), token, List.of());
  }
}
