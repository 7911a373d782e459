package io.github.twitterlogin.gateway;

import java.util.OptionalLong;

/**
 * A request that ends in an error page: the status, and words for the person in front of the
 * browser. Its text is shown as is, so it never holds a secret or an internal detail.
 */
public final class PageError extends RuntimeException {

  /** The code of {@link #unreadableBody()}. */
  public static final String UNREADABLE_BODY = "unreadable_body";

  /** Where the page's one button leads. */
  public enum Action { TRY_AGAIN, HOME }

  private final int status;
  private final String title;
  private final String code;
  private final Action action;
  private final Long retryAfterSeconds;

  public PageError(int status, String code, String title, String message, Action action) {
    this(status, code, title, message, action, null);
  }

  public PageError(int status, String code, String title, String message, Action action, Long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.action = action;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static PageError badRequest(String message) {
    return new PageError(400, "bad_request", "That request did not look right", message, Action.HOME);
  }

  /** A body that does not decode, such as a broken chunk: the connection cannot go on. */
  public static PageError unreadableBody() {
    return new PageError(400, UNREADABLE_BODY, "That request did not look right",
        "The body of the request could not be read.", Action.HOME);
  }

  /** {@code /auth} throttled: 429, and when a start will be let through again. */
  public static PageError tooManySignIns(long retryAfterSeconds) {
    return new PageError(429, "too_many_sign_ins", "Too many sign-ins",
        "Many sign-ins were started from here in a short time. Wait a minute, then try again.", Action.HOME,
        retryAfterSeconds);
  }

  public static PageError loginNotStartedHere() {
    return new PageError(400, "login_not_started_here", "Sign-in not recognised",
        "This sign-in was not started here or has expired. Try again.", Action.TRY_AGAIN);
  }

  public static PageError signInFailed() {
    return new PageError(400, "sign_in_failed", "Sign-in failed",
        "Twitter did not accept this sign-in. Try again.", Action.TRY_AGAIN);
  }

  public static PageError sessionChanged() {
    return new PageError(409, "session_changed", "Sign-in interrupted",
        "You signed in or out in another tab while this sign-in was starting. Try again.", Action.TRY_AGAIN);
  }

  public static PageError signOutNotConfirmed() {
    return new PageError(403, "csrf_rejected", "Sign-out not confirmed",
        "This sign-out did not come from this site's page. Open the site and use its Sign out button.",
        Action.HOME);
  }

  public static PageError notAllowed() {
    return new PageError(403, "not_allowed", "Not allowed",
        "Your Twitter account may not use this site. You are not signed in.", Action.HOME);
  }

  public static PageError notSignedIn() {
    return new PageError(401, "not_signed_in", "You are not signed in",
        "Sign in with Twitter to see this page.", Action.HOME);
  }

  public int status() {
    return status;
  }

  /** A stable, machine-readable name for JSON answers. */
  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public Action action() {
    return action;
  }

  /** For a {@code Retry-After} header, when the error says when trying again makes sense. */
  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
  }
}
