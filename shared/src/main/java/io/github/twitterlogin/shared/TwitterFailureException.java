package io.github.twitterlogin.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failed call to Twitter, as it crosses the event bus: {@code message.fail(code, toJson())}.
 * Its message is written for people and never holds a secret.
 */
public final class TwitterFailureException extends RuntimeException {

  private final TwitterFailure failure;
  private final Integer twitterErrorCode;
  private final Instant rateLimitReset;

  public TwitterFailureException(TwitterFailure failure, String message) {
    this(failure, message, null, null);
  }

  public TwitterFailureException(
      TwitterFailure failure, String message, Integer twitterErrorCode, Instant rateLimitReset) {
    super(message, null, false, false);
    this.failure = failure;
    this.twitterErrorCode = twitterErrorCode;
    this.rateLimitReset = rateLimitReset;
  }

  public TwitterFailure failure() {
    return failure;
  }

  /** Twitter's own error code from {@code {"errors":[{"code":N}]}}, when it sent one. */
  public OptionalInt twitterErrorCode() {
    return twitterErrorCode == null ? OptionalInt.empty() : OptionalInt.of(twitterErrorCode);
  }

  /** When a rate limit lifts, from Twitter's {@code x-rate-limit-reset} header. */
  public Optional<Instant> rateLimitReset() {
    return Optional.ofNullable(rateLimitReset);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("failure", failure.name()).put("message", getMessage());
    if (twitterErrorCode != null) {
      json.put("twitterErrorCode", twitterErrorCode);
    }
    if (rateLimitReset != null) {
      json.put("rateLimitReset", rateLimitReset.getEpochSecond());
    }
    return json;
  }

  /** Reads the failure a Twitter client sent, or names the event-bus failure that stood in its way. */
  public static TwitterFailureException fromReply(ReplyException reply) {
    return switch (reply.failureType()) {
      case NO_HANDLERS -> new TwitterFailureException(
          TwitterFailure.NO_CLIENT, "No Twitter client is registered on the event bus");
      case TIMEOUT -> new TwitterFailureException(
          TwitterFailure.CLIENT_TIMEOUT, "The Twitter client did not answer in time");
      default -> fromRecipientFailure(reply);
    };
  }

  private static TwitterFailureException fromRecipientFailure(ReplyException reply) {
    TwitterFailure failure =
        TwitterFailure.fromCode(reply.failureCode()).orElse(TwitterFailure.INTERNAL_ERROR);
    JsonObject json = parseOrNull(reply.getMessage());
    if (json == null) {
      return new TwitterFailureException(failure, String.valueOf(reply.getMessage()));
    }
    try {
      Long reset = json.getLong("rateLimitReset");
      return new TwitterFailureException(
          failure,
          json.getString("message", failure.name()),
          json.getInteger("twitterErrorCode"),
          reset == null ? null : Instant.ofEpochSecond(reset));
    } catch (ClassCastException malformed) {
      return new TwitterFailureException(failure, failure.name());
    }
  }

  private static JsonObject parseOrNull(String text) {
    if (text == null || !text.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException notJson) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "TwitterFailureException{" + toJson().encode() + "}";
  }
}
