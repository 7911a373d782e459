package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.shared.TokenCredentials;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * One call to Twitter, before it is signed: {@code path} is relative to the API base URL,
 * {@code token} is null for the request-token step, and {@code protocolParameters} are the
 * step's own {@code oauth_*} parameters ({@code oauth_callback}, {@code oauth_verifier}), which
 * travel in the Authorization header (RFC 5849 section 3.5.1).
 */
record TwitterRequest(
    HttpMethod method,
    String path,
    List<Parameter> query,
    List<Parameter> form,
    TokenCredentials token,
    List<Parameter> protocolParameters) {

  TwitterRequest {
    path = path.startsWith("/") ? path.substring(1) : path;
    query = List.copyOf(query);
    form = List.copyOf(form);
    protocolParameters = List.copyOf(protocolParameters);
  }

  static TwitterRequest of(HttpMethod method, String path, TokenCredentials token) {
    return new TwitterRequest(method, path, List.of(), List.of(), token, List.of());
  }

  TwitterRequest withQuery(List<Parameter> parameters) {
    return new TwitterRequest(method, path, parameters, form, token, protocolParameters);
  }

  TwitterRequest withForm(List<Parameter> parameters) {
    return new TwitterRequest(method, path, query, parameters, token, protocolParameters);
  }

  TwitterRequest withProtocolParameter(String name, String value) {
    List<Parameter> parameters = new ArrayList<>(protocolParameters);
    parameters.add(new Parameter(name, value));
    return new TwitterRequest(method, path, query, form, token, parameters);
  }

  /** What a failure text must never show: the token secret and the verifier. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    if (token != null) {
      secrets.add(token.tokenSecret());
    }
    protocolParameters.stream()
        .filter(parameter -> parameter.name().equals("oauth_verifier"))
        .forEach(parameter -> secrets.add(parameter.value()));
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
