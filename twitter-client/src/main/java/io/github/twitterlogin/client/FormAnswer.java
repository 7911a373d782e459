package io.github.twitterlogin.client;

import io.github.twitterlogin.client.oauth.Parameter;
import io.github.twitterlogin.shared.TokenCredentials;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twitter's {@code application/x-www-form-urlencoded} answer to a token request (RFC 5849 sections
 * 2.1 and 2.3). A missing field is Twitter's fault, so it fails as
 * {@link TwitterFailure#TWITTER_ERROR}, never as the caller's bad request.
 */
final class FormAnswer {

  private final String step;
  private final Map<String, String> fields;

  private FormAnswer(String step, Map<String, String> fields) {
    this.step = step;
    this.fields = fields;
  }

  static FormAnswer parse(HttpResponse<Buffer> response, String step) {
    List<Parameter> parameters;
    try {
      parameters = Parameter.parseForm(response.bodyAsString());
    } catch (IllegalArgumentException malformed) {
      throw new TwitterFailureException(
          TwitterFailure.TWITTER_ERROR, "Twitter's " + step + " answer is not form-encoded");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    parameters.forEach(parameter -> fields.putIfAbsent(parameter.name(), parameter.value()));
    return new FormAnswer(step, fields);
  }

  String required(String name) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      throw new TwitterFailureException(TwitterFailure.TWITTER_ERROR, "Twitter's " + step + " answer has no " + name);
    }
    return value;
  }

  String optional(String name) {
    return fields.get(name);
  }

  TokenCredentials credentials() {
    return new TokenCredentials(required("oauth_token"), required("oauth_token_secret"));
  }
}
