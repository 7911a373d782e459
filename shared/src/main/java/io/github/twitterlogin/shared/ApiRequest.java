package io.github.twitterlogin.shared;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A call to the Twitter API as a user. {@code path} is relative to the API base URL
 * ({@code 1.1/statuses/update.json}); {@code query} and {@code form} map each name to its values,
 * and a form is only sent with POST or PUT.
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> form,
    UserToken credentials) {

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");
  private static final Set<String> METHODS_WITH_FORM = Set.of("POST", "PUT");
  // A path that could leave the API host (a scheme, "//host", "..") or carry its own query is refused.
  private static final Pattern SAFE_PATH = Pattern.compile("/?[A-Za-z0-9._~\\-]+(/[A-Za-z0-9._~\\-:]+)*");

  public ApiRequest {
    if (method == null || !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      throw MessageFields.badRequest("method must be one of " + METHODS);
    }
    method = method.toUpperCase(Locale.ROOT);
    if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      throw MessageFields.badRequest("path must be a relative API path such as 1.1/account/settings.json");
    }
    query = query == null ? Map.of() : query;
    form = form == null ? Map.of() : form;
    if (Stream.concat(query.keySet().stream(), form.keySet().stream()).anyMatch(ApiRequest::isProtocolName)) {
      throw MessageFields.badRequest("query and form names may not start with oauth_: the client signs the request");
    }
    if (!form.isEmpty() && !METHODS_WITH_FORM.contains(method)) {
      throw MessageFields.badRequest("form parameters are only sent with POST or PUT");
    }
    if (credentials == null) {
      throw MessageFields.badRequest("token and tokenSecret, or userId, are required");
    }
  }

  public ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
      TokenCredentials credentials) {
    this(method, path, query, form, credentials == null ? null : UserToken.of(credentials));
  }

  /** The same call, signed with {@code credentials}: a call by user id, once the vault gave her token. */
  public ApiRequest signedWith(TokenCredentials credentials) {
    return signedWith(UserToken.of(credentials));
  }

  /** The same call, signed with {@code token}: an OAuth 1.0a token or an OAuth 2.0 bearer token. */
  public ApiRequest signedWith(UserToken token) {
    return new ApiRequest(method, path, query, form, token);
  }

  /** RFC 5849 section 3.1: the oauth_ names belong to the protocol, which the Twitter client alone writes. */
  private static boolean isProtocolName(String name) {
    return name.startsWith("oauth_");
  }

  public static ApiRequest get(String path, Map<String, List<String>> query, TokenCredentials credentials) {
    return new ApiRequest("GET", path, query, Map.of(), credentials);
  }

  public static ApiRequest post(String path, Map<String, List<String>> form, TokenCredentials credentials) {
    return new ApiRequest("POST", path, Map.of(), form, credentials);
  }

  public JsonObject toJson() {
    return credentials.writeTo(new JsonObject()
        .put("method", method)
        .put("path", path)
        .put("query", MessageFields.parametersToJson(query))
        .put("form", MessageFields.parametersToJson(form)));
  }

  public static ApiRequest fromJson(JsonObject json) {
    return new ApiRequest(
        MessageFields.requiredText(json, "method"),
        MessageFields.requiredText(json, "path"),
        MessageFields.optionalParameters(json, "query"),
        MessageFields.optionalParameters(json, "form"),
        UserToken.fromJson(json));
  }
}
