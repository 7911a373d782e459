package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.shared.ApiRequest;
import io.github.twitterlogin.shared.ApiResponse;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.github.twitterlogin.shared.TwitterUser;
import io.github.twitterlogin.shared.UserToken;
import io.github.twitterlogin.shared.VerifyCredentialsRequest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Twitter API called as a signed-in user: who the user is, in v1.1 or v2, and any other call. */
final class UserEndpoints {

  static final String VERIFY_CREDENTIALS = "1.1/account/verify_credentials.json";
  static final String USERS_ME = "2/users/me";
  private static final String V1_ANSWER = "verify_credentials";
  /** X's answer when the app's access tier has no v1.1 account endpoints. */
  static final int V1_1_NOT_IN_ACCESS_TIER = 453;

  private final TwitterApi api;

  UserEndpoints(TwitterApi api) {
    this.api = api;
  }

  Future<TwitterUser> verifyCredentials(VerifyCredentialsRequest request) {
    List<Parameter> query = new ArrayList<>(List.of(new Parameter("skip_status", "true")));
    if (request.includeEmail()) {
      query.add(new Parameter("include_email", "true"));
    }
    TwitterRequest call = TwitterRequest.signedAs(HttpMethod.GET, VERIFY_CREDENTIALS, given(request.credentials()))
        .withQuery(query);
    return api.send(call)
        .recover(UserEndpoints::explainAccessTier)
        .map(UserEndpoints::v1UserOf);
  }

  /** v2 leaves the avatar out unless {@code user.fields} asks for it. */
  Future<TwitterUser> usersMe(TokenCredentials credentials) {
    return usersMe(UserToken.of(credentials));
  }

  /** Signed with an OAuth 1.0a token, or sent with an OAuth 2.0 bearer token. */
  Future<TwitterUser> usersMe(UserToken signer) {
    TwitterRequest call = TwitterRequest.signedAs(HttpMethod.GET, USERS_ME, given(signer))
        .withQuery(List.of(new Parameter("user.fields", "profile_image_url")));
    SecretRedaction redaction = api.redactionFor(call);
    return api.send(call).map(response -> v2UserOf(response, redaction));
  }

  /** The verticle gives a call by user id the user's token from the vault before it reaches here. */
  private static UserToken given(UserToken token) {
    if (token.userId().isPresent()) {
      throw new TwitterFailureException(TwitterFailure.INTERNAL_ERROR,
          "A call by user id reached Twitter's endpoints without the user's token");
    }
    return token;
  }

  Future<ApiResponse> call(ApiRequest request) {
    TwitterRequest call = TwitterRequest.signedAs(HttpMethod.valueOf(request.method()), request.path(),
            given(request.credentials()))
        .withQuery(parametersOf(request.query()))
        .withForm(parametersOf(request.form()));
    return api.sendForCaller(call).map(response -> new ApiResponse(
        response.statusCode(),
        response.bodyAsString(),
        response.getHeader("Content-Type"),
        RateLimitHeaders.read(response.headers())));
  }

  /** Error 453 names no way out; the caller can switch to the v2 profile, which every tier has. */
  private static Future<HttpResponse<Buffer>> explainAccessTier(Throwable failure) {
    if (failure instanceof TwitterFailureException refused
        && refused.twitterErrorCode().orElse(0) == V1_1_NOT_IN_ACCESS_TIER) {
      return Future.failedFuture(new TwitterFailureException(TwitterFailure.FORBIDDEN, refused.getMessage()
          + ". The app's access tier does not allow v1.1 verify_credentials: read the profile from v2 instead"
          + " (profileSource v2, PROFILE_SOURCE=v2), which gives no email", V1_1_NOT_IN_ACCESS_TIER, null));
    }
    return Future.failedFuture(failure);
  }

  private static TwitterUser v1UserOf(HttpResponse<Buffer> response) {
    JsonObject user = jsonObjectOf(response, V1_ANSWER);
    String id = text(user, "id_str", V1_ANSWER);
    if (id == null || id.isBlank()) {
      throw invalidUser(V1_ANSWER, "has no id_str");
    }
    return new TwitterUser(id, text(user, "screen_name", V1_ANSWER), text(user, "name", V1_ANSWER),
        text(user, "profile_image_url_https", V1_ANSWER), text(user, "email", V1_ANSWER));
  }

  /**
   * {@code {"data":{"id","username","name","profile_image_url"}}}. v2 may answer 200 with only
   * {@code {"errors":[...]}}; their text is kept, without the secrets of the call.
   */
  private static TwitterUser v2UserOf(HttpResponse<Buffer> response, SecretRedaction redaction) {
    JsonObject answer = jsonObjectOf(response, USERS_ME);
    if (!(answer.getValue("data") instanceof JsonObject user)) {
      throw new TwitterFailureException(TwitterFailure.TWITTER_ERROR, redaction.apply(
          "Twitter's " + USERS_ME + " answer has no data" + TwitterErrors.errorIn(response.bodyAsString(), redaction).describe()));
    }
    String id = text(user, "id", USERS_ME);
    if (id == null || id.isBlank()) {
      throw invalidUser(USERS_ME, "has no data.id");
    }
    return new TwitterUser(id, text(user, "username", USERS_ME), text(user, "name", USERS_ME),
        text(user, "profile_image_url", USERS_ME), null);
  }

  private static JsonObject jsonObjectOf(HttpResponse<Buffer> response, String answer) {
    try {
      return new JsonObject(response.bodyAsString());
    } catch (RuntimeException notAnObject) {
      throw invalidUser(answer, "is not a JSON object");
    }
  }

  private static String text(JsonObject user, String field, String answer) {
    Object value = user.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw invalidUser(answer, "has a " + field + " that is not text");
    }
    return (String) value;
  }

  private static TwitterFailureException invalidUser(String answer, String problem) {
    return new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter's " + answer + " answer " + problem);
  }

  private static List<Parameter> parametersOf(Map<String, List<String>> parameters) {
    List<Parameter> flat = new ArrayList<>();
    parameters.forEach((name, values) -> values.forEach(value -> flat.add(new Parameter(name, value))));
    return flat;
  }
}
