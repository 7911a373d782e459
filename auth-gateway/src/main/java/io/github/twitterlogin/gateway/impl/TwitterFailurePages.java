package io.github.twitterlogin.gateway.impl;

import io.github.twitterlogin.gateway.PageError;
import io.github.twitterlogin.gateway.PageError.Action;
import io.github.twitterlogin.shared.TwitterFailureException;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns a failed call to the Twitter client into the page the browser sees. Twitter is upstream
 * of the gateway: its refusals and failures are 502, its slowness 504, and our own missing
 * Twitter client 503 (as vertx-web's OAuth2 handler maps a provider's 401 to 502, not 401).
 */
public final class TwitterFailurePages {

  private final Clock clock;

  public TwitterFailurePages(Clock clock) {
    this.clock = clock;
  }

  PageError pageFor(TwitterFailureException failure) {
    return switch (failure.failure()) {
      case CREDENTIALS_REJECTED -> new PageError(502, "twitter_rejected", "Twitter did not accept the sign-in",
          "Twitter did not accept this sign-in; it may have expired. Try again.", Action.TRY_AGAIN);
      case FORBIDDEN -> new PageError(502, "twitter_forbidden", "Twitter refused the sign-in",
          "Twitter refused to sign you in to this site. The site's Twitter app settings need attention.",
          Action.HOME);
      case RATE_LIMITED -> rateLimited(failure);
      case TWITTER_ERROR -> new PageError(502, "twitter_error", "Twitter had a problem",
          "Twitter could not complete the sign-in just now. Try again in a moment.", Action.TRY_AGAIN);
      case UNREACHABLE -> new PageError(502, "twitter_unreachable", "Twitter cannot be reached",
          "Twitter cannot be reached right now. Try again in a moment.", Action.TRY_AGAIN);
      case TIMEOUT, CLIENT_TIMEOUT -> new PageError(504, "twitter_timeout", "Twitter is taking too long",
          "Twitter did not answer in time. Try again in a moment.", Action.TRY_AGAIN);
      case NO_CLIENT -> new PageError(503, "twitter_client_unavailable", "Sign-in is unavailable",
          "Signing in with Twitter is unavailable right now. Try again in a minute.", Action.TRY_AGAIN);
      case CLIENT_UNAVAILABLE -> new PageError(503, "twitter_client_lost", "Sign-in interrupted",
          "The server that was talking to Twitter for you stopped. Try again.", Action.TRY_AGAIN);
      case BAD_REQUEST, INTERNAL_ERROR, NOT_SIGNED_IN -> new PageError(500, "internal_error", "Something went wrong",
          "Something went wrong on our side. Try again.", Action.TRY_AGAIN);
    };
  }

  private PageError rateLimited(TwitterFailureException failure) {
    Long retryAfter = failure.rateLimitReset()
        .map(reset -> Math.max(1, Duration.between(clock.instant(), reset).toSeconds()))
        .orElse(60L);
    return new PageError(503, "twitter_rate_limited", "Too many sign-ins right now",
        "Twitter asks us to slow down. Try again in a few minutes.", Action.TRY_AGAIN, retryAfter);
  }
}
