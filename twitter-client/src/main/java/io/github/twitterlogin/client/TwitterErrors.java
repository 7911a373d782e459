package io.github.twitterlogin.client;

import io.github.twitterlogin.shared.RateLimit;
import io.github.twitterlogin.shared.TwitterFailure;
import io.github.twitterlogin.shared.TwitterFailureException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Twitter's non-2xx answers into failures. Only Twitter's own error code and message are
 * kept, cut short and without control characters; the rest of the body never reaches the caller.
 */
final class TwitterErrors {

  private static final int MAX_MESSAGE_LENGTH = 200;
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
    TwitterError error = errorIn(response.bodyAsString());
    RateLimit rateLimit = RateLimitHeaders.read(response.headers());
    Instant reset = status == 429 && rateLimit.reset() != null ? Instant.ofEpochSecond(rateLimit.reset()) : null;
    String text = summary(status, request, reset) + error.describe();
    return new TwitterFailureException(failureFor(status), redaction.apply(text), error.code(), reset);
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
    if (body == null || body.isBlank()) {
      return TwitterError.NONE;
    }
    String trimmed = body.trim();
    return trimmed.startsWith("{") ? jsonError(trimmed) : xmlError(trimmed);
  }

  /** {@code {"errors":[{"code":89,"message":"Invalid or expired token."}]}}, or {@code {"error":"..."}}. */
  private static TwitterError jsonError(String body) {
    try {
      JsonObject json = new JsonObject(body);
      if (json.getValue("errors") instanceof JsonArray errors && !errors.isEmpty()
          && errors.getValue(0) instanceof JsonObject first) {
        Object code = first.getValue("code");
        Object message = first.getValue("message");
        return new TwitterError(
            code instanceof Number number ? number.intValue() : null,
            message instanceof String text ? clean(text) : null);
      }
      return json.getValue("error") instanceof String text ? new TwitterError(null, clean(text)) : TwitterError.NONE;
    } catch (RuntimeException notTwitterJson) {
      return TwitterError.NONE;
    }
  }

  private static TwitterError xmlError(String body) {
    Matcher matcher = XML_ERROR.matcher(body);
    if (!matcher.find()) {
      return TwitterError.NONE;
    }
    Integer code = matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1));
    return new TwitterError(code, clean(matcher.group(2)));
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
