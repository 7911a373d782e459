package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.ApiResponse;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Twitter API called as a signed-in user: who the user is, and any other call. */
final class UserEndpoints {

  private final TwitterApi api;

  UserEndpoints(TwitterApi api) {
    this.api = api;
  }

  Future<TwitterUser> verifyCredentials(VerifyCredentialsRequest request) {
    List<Parameter> query = new ArrayList<>(List.of(new Parameter("skip_status", "true")));
    if (request.includeEmail()) {
      query.add(new Parameter("include_email", "true"));
    }
    TwitterRequest call = TwitterRequest
        .of(HttpMethod.GET, "1.1/account/verify_credentials.json", request.credentials())
        .withQuery(query);
    return api.send(call).map(UserEndpoints::userOf);
  }

  Future<ApiResponse> call(ApiRequest request) {
    TwitterRequest call = TwitterRequest.of(HttpMethod.valueOf(request.method()), request.path(), request.credentials())
        .withQuery(parametersOf(request.query()))
        .withForm(parametersOf(request.form()));
    return api.sendForCaller(call).map(response -> new ApiResponse(
        response.statusCode(),
        response.bodyAsString(),
        response.getHeader("Content-Type"),
        RateLimitHeaders.read(response.headers())));
  }

  private static TwitterUser userOf(HttpResponse<Buffer> response) {
    JsonObject user = jsonObjectOf(response);
    String id = text(user, "id_str");
    if (id == null || id.isBlank()) {
      throw invalidUser("has no id_str");
    }
    return new TwitterUser(id, text(user, "screen_name"), text(user, "name"),
        text(user, "profile_image_url_https"), text(user, "email"));
  }

  private static JsonObject jsonObjectOf(HttpResponse<Buffer> response) {
    try {
      return new JsonObject(response.bodyAsString());
    } catch (RuntimeException notAnObject) {
      throw invalidUser("is not a JSON object");
    }
  }

  private static String text(JsonObject user, String field) {
    Object value = user.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw invalidUser("has a " + field + " that is not text");
    }
    return (String) value;
  }

  private static TwitterFailureException invalidUser(String problem) {
    return new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter's verify_credentials answer " + problem);
  }

  private static List<Parameter> parametersOf(Map<String, List<String>> parameters) {
    List<Parameter> flat = new ArrayList<>();
    parameters.forEach((name, values) -> values.forEach(value -> flat.add(new Parameter(name, value))));
    return flat;
  }
}
