package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.RateLimit;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Twitter's non-2xx answers into failures. Only Twitter's own error code and message are
 * kept, cut short and without control characters; the rest of the body never reaches the caller.
 */
final class TwitterErrors {

  private static final int MAX_MESSAGE_LENGTH = 200;
  private static final SecretRedaction NO_SECRETS = new SecretRedaction(List.of());
  /** The OAuth endpoints answer errors in XML: {@code <error code="415">Callback URL not approved...</error>}. */
  private static final Pattern XML_ERROR = Pattern.compile("<error(?:\\s+code=\"(\\d{1,9})\")?\\s*>([^<]*)</error>");

  private TwitterErrors() {
  }

  /** A user's API call sees 403, 404 and the like as they are; these statuses are failures even there. */
  static boolean failsAnApiCall(int status) {
    return status == 401 || status == 429 || status >= 500;
  }

  static TwitterFailureException failureOf(
      HttpResponse<Buffer> response, TwitterRequest request, SecretRedaction redaction) {
    int status = response.statusCode();
    TwitterError error = errorIn(response.bodyAsString(), redaction);
    RateLimit rateLimit = RateLimitHeaders.read(response.headers());
    Instant reset = status == 429 && rateLimit.reset() != null ? Instant.ofEpochSecond(rateLimit.reset()) : null;
    String text = summary(status, request, reset) + error.describe();
    return new TwitterFailureException(failureFor(status), redaction.apply(text), error.code(), reset);
  }

  /**
   * OAuth 2.0's token endpoint refuses with 400 ({@code invalid_request}, {@code invalid_grant}:
   * a code or refresh token it does not take, spent, expired or revoked) or 401 (the client's
   * credentials): both are the credentials rejected (RFC 6749 section 5.2).
   */
  static TwitterFailureException tokenEndpointFailureOf(
      HttpResponse<Buffer> response, TwitterRequest request, SecretRedaction redaction) {
    int status = response.statusCode();
    if (status != 400 && status != 401) {
      return failureOf(response, request, redaction);
    }
    TwitterError error = errorIn(response.bodyAsString(), redaction);
    return new TwitterFailureException(TwitterFailure.CREDENTIALS_REJECTED, redaction.apply(
        "Twitter refused " + request.describe() + error.describe()), error.code(), null);
  }

  private static TwitterFailure failureFor(int status) {
    return switch (status) {
      case 401 -> TwitterFailure.CREDENTIALS_REJECTED;
      case 403 -> TwitterFailure.FORBIDDEN;
      case 429 -> TwitterFailure.RATE_LIMITED;
      default -> TwitterFailure.TWITTER_ERROR;
    };
  }

  private static String summary(int status, TwitterRequest request, Instant reset) {
    return switch (status) {
      case 401 -> "Twitter rejected the credentials of " + request.describe();
      case 403 -> "Twitter refused " + request.describe();
      case 429 -> "Twitter's rate limit for " + request.describe() + " is reached"
          + (reset == null ? "" : " until " + reset);
      default -> "Twitter answered " + status + " to " + request.describe();
    };
  }

  static TwitterError errorIn(String body) {
    return errorIn(body, NO_SECRETS);
  }

  /**
   * The secrets are hidden before the message is cut short: a secret cut in two would no
   * longer be found, and its first part would show.
   */
  static TwitterError errorIn(String body, SecretRedaction redaction) {
    if (body == null || body.isBlank()) {
      return TwitterError.NONE;
    }
    String trimmed = body.trim();
    return trimmed.startsWith("{") ? jsonError(trimmed, redaction) : xmlError(trimmed, redaction);
  }

  /**
   * v1.1: {@code {"errors":[{"code":89,"message":"Invalid or expired token."}]}}, or
   * {@code {"error":"..."}}. v2 answers an RFC 7807 problem, {@code {"title":"Unauthorized",
   * "type":"about:blank","status":401,"detail":"Unauthorized"}}, or {@code {"errors":[...]}}
   * whose entries carry a {@code message} or their own {@code title} and {@code detail}. Every
   * text found is kept once, in that order.
   */
  private static TwitterError jsonError(String body, SecretRedaction redaction) {
    try {
      JsonObject json = new JsonObject(body);
      JsonObject first = json.getValue("errors") instanceof JsonArray errors && !errors.isEmpty()
          && errors.getValue(0) instanceof JsonObject error ? error : null;
      List<String> texts = new ArrayList<>();
      addProblem(texts, json);
      if (first != null) {
        addFirstText(texts, first, "message", "detail", "title");
      }
      addFirstText(texts, json, "error");
      addFirstText(texts, json, "error_description");
      Integer code = first != null && first.getValue("code") instanceof Number number ? number.intValue() : null;
      return texts.isEmpty() && code == null ? TwitterError.NONE
          : new TwitterError(code, texts.isEmpty() ? null : clean(redaction.apply(String.join("; ", texts))));
    } catch (RuntimeException notTwitterJson) {
      return TwitterError.NONE;
    }
  }

  /** An RFC 7807 problem: its title, its type unless it is the generic {@code about:blank}, its detail. */
  private static void addProblem(List<String> texts, JsonObject json) {
    String title = textOf(json, "title");
    String type = textOf(json, "type");
    String detail = textOf(json, "detail");
    StringBuilder problem = new StringBuilder(title == null ? "" : title);
    if (type != null && !type.equals("about:blank")) {
      problem.append(problem.isEmpty() ? "" : " ").append('(').append(type).append(')');
    }
    if (detail != null && !detail.equals(title)) {
      problem.append(problem.isEmpty() ? "" : ": ").append(detail);
    }
    if (!problem.isEmpty()) {
      texts.add(problem.toString());
    }
  }

  /** The first of {@code fields} that holds text, unless a text already kept says it. */
  private static void addFirstText(List<String> texts, JsonObject json, String... fields) {
    for (String field : fields) {
      String text = textOf(json, field);
      if (text != null) {
        if (texts.stream().noneMatch(known -> known.contains(text))) {
          texts.add(text);
        }
        return;
      }
    }
  }

  private static String textOf(JsonObject json, String field) {
    return json.getValue(field) instanceof String text && !text.isBlank() ? text : null;
  }

  private static TwitterError xmlError(String body, SecretRedaction redaction) {
    Matcher matcher = XML_ERROR.matcher(body);
    if (!matcher.find()) {
      return TwitterError.NONE;
    }
    Integer code = matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1));
    return new TwitterError(code, clean(redaction.apply(matcher.group(2))));
  }

  private static String clean(String message) {
    String printable = message.replaceAll("\\p{Cntrl}+", " ").strip();
    return printable.length() <= MAX_MESSAGE_LENGTH ? printable : printable.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }

  /** Twitter's error code and message, either of which may be missing. */
  record TwitterError(Integer code, String message) {

    static final TwitterError NONE = new TwitterError(null, null);

    String describe() {
      String text = message == null || message.isEmpty() ? "" : ": " + message;
      return code == null ? text : text + " (Twitter error " + code + ")";
    }
  }
}
