package io.github.twitterlogin.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a call to the Twitter client failed. The code travels as the event-bus failure code; the
 * client verticle sends the first group, the {@link TwitterClient} facade raises the second.
 */
public enum TwitterFailure {

  /** The request message had missing or malformed fields. */
  BAD_REQUEST(400),
  /** Twitter rejected the consumer or the user's token (401; Twitter's error code 32, 89, 135...). */
  CREDENTIALS_REJECTED(401),
  /** Twitter refused the request (403, e.g. error 415: callback URL not approved). */
  FORBIDDEN(403),
  /** Twitter's rate limit is reached (429); the failure carries the reset time. */
  RATE_LIMITED(429),
  /** The client verticle failed unexpectedly. */
  INTERNAL_ERROR(500),
  /** A call by user id for a user whose token the Twitter client does not keep: she is not signed in. */
  NOT_SIGNED_IN(404),
  /** Twitter answered with a server error or with something that is not a valid answer. */
  TWITTER_ERROR(502),
  /** Twitter could not be reached (connection refused, reset, unknown host). */
  UNREACHABLE(503),
  /** Twitter did not answer within the client's request timeout. */
  TIMEOUT(504),

  /** No Twitter client verticle is registered on the event bus. */
  NO_CLIENT(-1),
  /** The Twitter client did not reply within the event-bus timeout. */
  CLIENT_TIMEOUT(-2),
  /**
   * The member of the cluster whose Twitter client had the request left the cluster before it
   * answered (it was killed, or its machine was lost): raised as soon as the cluster drops the
   * member, not at the end of the event-bus timeout. A request that is safe to repeat was tried
   * once more on another Twitter client first.
   */
  CLIENT_UNAVAILABLE(-3);

  private final int code;

  TwitterFailure(int code) {
    this.code = code;
  }

  /** The event-bus failure code. */
  public int code() {
    return code;
  }

  public static Optional<TwitterFailure> fromCode(int code) {
    return Arrays.stream(values()).filter(failure -> failure.code == code).findFirst();
  }
}
