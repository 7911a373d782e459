package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.UserToken;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One call to Twitter, before it is signed: {@code path} is relative to the API base URL,
 * {@code token} is null for the request-token step, and {@code protocolParameters} are the
 * step's own {@code oauth_*} parameters ({@code oauth_callback}, {@code oauth_verifier}), which
 * travel in the Authorization header (RFC 5849 section 3.5.1). A call that OAuth 1.0a does not
 * sign carries its {@code authorization} instead: an OAuth 2.0 bearer token (RFC 6750 section
 * 2.1), or a client's HTTP Basic credentials at the token endpoint (RFC 6749 section 2.3.1).
 */
record TwitterRequest(
    HttpMethod method,
    String path,
    List<Parameter> query,
    List<Parameter> form,
    TokenCredentials token,
    List<Parameter> protocolParameters,
    String authorization,
    List<String> hidden) {

  /** The {@code authorization} of a request sent without one: a public client at the token endpoint. */
  static final String NO_AUTHORIZATION = "";

  /** OAuth 2.0's form fields that are secrets: the code, its verifier and the tokens. */
  private static final Set<String> SECRET_FORM_FIELDS = Set.of("code", "code_verifier", "refresh_token", "token");

  TwitterRequest {
    path = path.startsWith("/") ? path.substring(1) : path;
    query = List.copyOf(query);
    form = List.copyOf(form);
    protocolParameters = List.copyOf(protocolParameters);
    hidden = List.copyOf(hidden);
  }

  static TwitterRequest of(HttpMethod method, String path, TokenCredentials token) {
    return new TwitterRequest(method, path, List.of(), List.of(), token, List.of(), null, List.of());
  }

  /** Signed as {@code signer} says: with an OAuth 1.0a token, or with a bearer token. */
  static TwitterRequest signedAs(HttpMethod method, String path, UserToken signer) {
    if (signer.bearerToken().isPresent()) {
      String bearer = signer.bearerToken().get();
      return new TwitterRequest(method, path, List.of(), List.of(), null, List.of(), "Bearer " + bearer,
          List.of(bearer));
    }
    return of(method, path, signer.credentials().orElseThrow());
  }

  /**
   * Not signed with OAuth 1.0a: sent with this Authorization header ({@link #NO_AUTHORIZATION} for
   * none), whose secret is {@code secret}.
   */
  static TwitterRequest authorized(HttpMethod method, String path, String authorization, String secret) {
    return new TwitterRequest(method, path, List.of(), List.of(), null, List.of(), authorization,
        secret == null ? List.of() : List.of(secret));
  }

  TwitterRequest withQuery(List<Parameter> parameters) {
    return new TwitterRequest(method, path, parameters, form, token, protocolParameters, authorization, hidden);
  }

  TwitterRequest withForm(List<Parameter> parameters) {
    return new TwitterRequest(method, path, query, parameters, token, protocolParameters, authorization, hidden);
  }

  TwitterRequest withProtocolParameter(String name, String value) {
    List<Parameter> parameters = new ArrayList<>(protocolParameters);
    parameters.add(new Parameter(name, value));
    return new TwitterRequest(method, path, query, form, token, parameters, authorization, hidden);
  }

  /** Whether OAuth 1.0a signs this request, or it carries its own Authorization header. */
  boolean signedWithOAuth1() {
    return authorization == null;
  }

  /**
   * What a failure text must never show: the token secret and the verifier; a bearer token, a
   * client secret; OAuth 2.0's code, verifier and tokens in a form.
   */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>(hidden);
    if (token != null) {
      secrets.add(token.tokenSecret());
    }
    protocolParameters.stream()
        .filter(parameter -> parameter.name().equals("oauth_verifier"))
        .forEach(parameter -> secrets.add(parameter.value()));
    if (!signedWithOAuth1()) {
      form.stream()
          .filter(parameter -> SECRET_FORM_FIELDS.contains(parameter.name()))
          .forEach(parameter -> secrets.add(parameter.value()));
    }
    return secrets;
  }

  /** The method and path, for logs and failure texts; the query may hold user data, so it is left out. */
  String describe() {
    return method.name() + " " + path;
  }

  @Override
  public String toString() {
    return "TwitterRequest[" + describe() + "]";
  }
}
