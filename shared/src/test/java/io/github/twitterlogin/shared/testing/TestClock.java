package io.github.twitterlogin.shared.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move forward instead of waiting for time to pass: either standing still at a
 * chosen instant, or running with the real time (when a client outside the test's control signs
 * requests with the real time) shifted by what the test has advanced.
 */
public final class TestClock extends Clock {

  private final Instant standingStillAt;
  private volatile Duration advanced = Duration.ZERO;

  private TestClock(Instant standingStillAt) {
    this.standingStillAt = standingStillAt;
  }

  /** Stands still at 2026-01-01T00:00:00Z until advanced. */
  public static TestClock standingStill() {
    return new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** The real time, plus whatever the test advances. */
  public static TestClock realTime() {
    return new TestClock(null);
  }

  public void advance(Duration duration) {
    advanced = advanced.plus(duration);
  }

  @Override
  public Instant instant() {
    return (standingStillAt != null ? standingStillAt : Instant.now()).plus(advanced);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
